import { CONTRACT_VERSION_EVENT } from "../model/index.js";

/**
 * The business process an outbox event belongs to, from its type: the `process` label of the
 * propagation latency. A fixed set, so the label's cardinality stays small whatever types appear.
 */
export function processOfEvent(eventType: string): string {
  if (eventType === CONTRACT_VERSION_EVENT || eventType.startsWith("contract.")) return "contract-propagation";
  if (eventType.startsWith("trade.")) return "partner-documents";
  if (eventType === "supplier.changed" || eventType === "item.changed") return "master-data";
  if (eventType.startsWith("invoice.")) return "invoice-match";
  return "other";
}
