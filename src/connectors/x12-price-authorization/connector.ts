import { ConcordError, Errors } from "../../errors/index.js";
import type { DeliveryOutcome, DeliveryPort, OutboundMessage } from "../../events/index.js";
import { INVOICE_DECIDED, type InvoiceDecision } from "../../model/events/invoice-decision.js";
import type { ContractVersionEvent, PurchaseOrder } from "../../model/index.js";
import {
  compileX12Options,
  encodeDocuments,
  encodeInterchange,
  invoiceAdviceSet,
  type X12PartnerOptions,
} from "../x12/index.js";
import { priceAuthorizationFromContract } from "./price-authorization-from-contract.js";
import { isPurchaseOrder, purchaseOrderFileName } from "./purchase-order-interchange.js";

/** Where an interchange goes: a partner's file drop (outbound/), an SFTP push. Throws on failure. */
export interface DocumentSink {
  /** Writes the document under `name`; resolves false when one of that name is already waiting. */
  put(name: string, content: string): Promise<boolean>;
}

export interface X12PriceAuthorizationConfig {
  readonly system: string;
  readonly partner: { readonly qualifier: string; readonly id: string; readonly options: X12PartnerOptions };
  readonly identity: { readonly qualifier: string; readonly id: string };
  readonly sink: DocumentSink;
  /** How long the partner has to send its 997/999 before an exception says it is overdue. */
  readonly awaitAckMs: number;
}

/**
 * X12 control numbers of a delivery: ISA13 and GS06 are the delivery id (wrapping at 10⁹), so a
 * retry, a crash recovery or a replay sends the same interchange and the partner's duplicate
 * check drops it, and the partner's 997 (AK1 = GS06) names the delivery it acknowledges.
 */
export const controlNumberOf = (deliveryId: number) => ((deliveryId - 1) % 999_999_999) + 1;

/**
 * Contract versions to a distributor or manufacturer as X12 845s, purchase orders
 * (`purchase-order.issued`) as 850s, and what accounts payable decided about the partner's
 * invoices (`invoice.decided`) as 824 Application Advices, each acknowledged by its 997/999.
 */
export function createX12PriceAuthorizationConnector(cfg: X12PriceAuthorizationConfig): DeliveryPort {
  return {
    system: cfg.system,
    async deliver(message: OutboundMessage): Promise<DeliveryOutcome> {
      if (isPurchaseOrder(message)) return deliverPurchaseOrder(cfg, message.payload.purchaseOrder, message.deliveryId);
      if (message.eventType === INVOICE_DECIDED)
        return deliverInvoiceAdvice(cfg, message.payload as InvoiceDecision, message.deliveryId);
      const event = message.payload as ContractVersionEvent;
      const control = controlNumberOf(message.deliveryId);
      let text: string;
      try {
        const doc = priceAuthorizationFromContract(event, cfg.system);
        text = interchangeOf(cfg, doc, control);
      } catch (e) {
        if (e instanceof ConcordError && e.code === Errors.ConnectorRejected.code) throw e;
        // A contract the 845 cannot carry is permanent: retrying the same version cannot help.
        throw Errors.ConnectorRejected(
          `${cfg.system}: contract ${event.contract.number} v${event.contract.version} cannot be written as an 845: ${e instanceof Error ? e.message : String(e)}`,
          {},
          e,
        );
      }
      const name = `845-${safe(event.contract.number)}-v${event.contract.version}-${String(control).padStart(9, "0")}.x12`;
      // A file of that name still waiting is this very interchange (same delivery): already delivered.
      await cfg.sink.put(name, text);
      return deliveredAwaitingAck(cfg, control);
    },
  };
}

/** One document in its own interchange, ISA13 = GS06 = the delivery's control number. */
function interchangeOf(
  cfg: X12PriceAuthorizationConfig,
  doc: Parameters<typeof encodeDocuments>[0][number],
  control: number,
): string {
  return encodeDocuments(
    [doc],
    {
      sender: cfg.identity,
      receiver: { qualifier: cfg.partner.qualifier, id: cfg.partner.id },
      controlNumber: control,
      groupControlNumber: control,
      at: new Date(),
    },
    cfg.partner.options,
  ).text;
}

/** Written to the partner's folder: delivered, and acknowledged when its 997 comes back. */
function deliveredAwaitingAck(cfg: X12PriceAuthorizationConfig, control: number): DeliveryOutcome {
  return { kind: "delivered", ref: `ISA13 ${String(control).padStart(9, "0")}`, awaitAckMs: cfg.awaitAckMs };
}

/** A PO as an 850 in its own interchange; the same delivery always writes the same file. */
async function deliverPurchaseOrder(
  cfg: X12PriceAuthorizationConfig,
  po: PurchaseOrder,
  deliveryId: number,
): Promise<DeliveryOutcome> {
  const control = controlNumberOf(deliveryId);
  let text: string;
  try {
    text = interchangeOf(cfg, po, control);
  } catch (e) {
    throw Errors.ConnectorRejected(
      `${cfg.system}: purchase order ${po.id} cannot be written as an 850: ${e instanceof Error ? e.message : String(e)}`,
      {},
      e,
    );
  }
  await cfg.sink.put(purchaseOrderFileName(po, control), text);
  return deliveredAwaitingAck(cfg, control);
}

/** An invoice decision as an 824 in its own interchange; the same delivery always writes the same file. */
async function deliverInvoiceAdvice(
  cfg: X12PriceAuthorizationConfig,
  decision: InvoiceDecision,
  deliveryId: number,
): Promise<DeliveryOutcome> {
  const control = controlNumberOf(deliveryId);
  let text: string;
  try {
    const { version } = compileX12Options(cfg.partner.options);
    text = encodeInterchange(
      {
        sender: cfg.identity,
        receiver: { qualifier: cfg.partner.qualifier, id: cfg.partner.id },
        controlNumber: control,
        groupControlNumber: control,
        at: new Date(),
        controlVersion: version === "005010" ? "00501" : "00401",
      },
      [invoiceAdviceSet(decision, version)],
    );
  } catch (e) {
    throw Errors.ConnectorRejected(
      `${cfg.system}: the decision on invoice ${decision.invoiceId} cannot be written as an 824: ${e instanceof Error ? e.message : String(e)}`,
      {},
      e,
    );
  }
  await cfg.sink.put(`824-${safe(decision.invoiceId)}-${String(control).padStart(9, "0")}.x12`, text);
  return deliveredAwaitingAck(cfg, control);
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, "_");
