import { MAPPING_CATALOG } from "../../connectors/index.js";
import { payloadResolver } from "../../connectors/xref-resolver.js";
import { CONTRACT_VERSION_EVENT, type ContractVersionEvent } from "../../model/index.js";

/**
 * What a target was sent for an event, recomputed: connectors map at send time and keep no copy,
 * and the outbound mapping is deterministic from the canonical payload and the cross-references
 * the event carries. Only contract versions have outbound mappings; for anything else, or a
 * target with no mapping registered under its system name, there is nothing to show (null).
 */
export function mappedPayload(
  eventType: string,
  target: string,
  payload: unknown,
): { mapping: string; body: unknown; issues: readonly unknown[] } | null {
  if (eventType !== CONTRACT_VERSION_EVENT) return null;
  const entry = MAPPING_CATALOG.find((e) => e.direction === "outbound" && e.system === target);
  if (!entry) return null;
  const event = payload as ContractVersionEvent;
  const { value, issues } = entry.mapping.map(event, payloadResolver(event, target));
  return { mapping: `${entry.mapping.name}@${entry.mapping.version}`, body: value, issues };
}
