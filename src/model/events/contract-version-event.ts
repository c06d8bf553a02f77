import type { Contract } from "../schemas/contract.js";
import type { EntityType } from "../schemas/xref.js";

export const CONTRACT_VERSION_EVENT = "contract.version-accepted" as const;

/** Local ids per entity type and canonical id, for one target system. */
export type XrefTable = Readonly<Partial<Record<EntityType, Readonly<Record<string, string>>>>>;

/**
 * Announces a new contract version. It carries the whole contract (a snapshot) and, per target,
 * the cross-references resolved in the same transaction that accepted it, so delivery is a pure
 * mapping with no lookups and every target sees the ids as they were at acceptance.
 */
export interface ContractVersionEvent {
  readonly contract: Contract;
  readonly xrefs: Readonly<Record<string, XrefTable>>;
  /** Set on a compensation: the withdrawn version whose terms this version takes back. */
  readonly compensationOf?: number;
}

export const contractBusinessKey = (contractId: string) => `contract:${contractId}`;
