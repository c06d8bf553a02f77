import type { OutboundMessage } from "../events/index.js";
import type { CompiledMapping } from "../mapping/index.js";
import type { ContractVersionEvent } from "../model/index.js";
import { mapOrReject } from "./map-or-reject.js";
import { payloadResolver } from "./xref-resolver.js";

/** What every HTTP target connector is configured with. */
export interface HttpTargetConfig {
  readonly system: string;
  /** The target's API root, e.g. http://127.0.0.1:8183/erp/api; its path prefix is kept. */
  readonly baseUrl: string;
  /** Keep-alive connections to the target. */
  readonly connections?: number;
}

/**
 * A contract-version message mapped into a target's native body, with the cross-references the
 * event carries for that target. A mapping gap is a permanent rejection naming the field.
 */
export function contractEventBody(
  mapping: CompiledMapping<ContractVersionEvent>,
  message: OutboundMessage,
  system: string,
): { event: ContractVersionEvent; body: Record<string, unknown> } {
  const event = message.payload as ContractVersionEvent;
  return { event, body: mapOrReject(mapping, event, payloadResolver(event, system), system) };
}
