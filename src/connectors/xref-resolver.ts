import type { XrefResolver } from "../mapping/index.js";
import type { ContractVersionEvent } from "../model/index.js";

/** The resolver a target's mapping uses: the cross-references the event carries for that system. */
export function payloadResolver(event: ContractVersionEvent, system: string): XrefResolver {
  const table = event.xrefs[system] ?? {};
  return (entityType, id) => table[entityType]?.[id];
}
