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

/** The records a contract refers to: its supplier, its lines' items, its eligible facilities. */
export function contractRefs(c: Contract): { entityType: EntityType; id: string }[] {
  return [
    { entityType: "supplier", id: c.supplierId },
    ...c.priceLines.map((l) => ({ entityType: "item" as const, id: l.itemId })),
    ...c.eligibility.map((e) => ({ entityType: "facility" as const, id: e.facilityId })),
  ];
}

/** Cross-references looked up for many contracts, narrowed to one contract's records: what its event carries. */
export function contractXrefs(all: Readonly<Record<string, XrefTable>>, c: Contract): Record<string, XrefTable> {
  const refs = contractRefs(c);
  return Object.fromEntries(
    Object.entries(all).map(([system, table]) => {
      const own: Partial<Record<EntityType, Record<string, string>>> = {};
      for (const r of refs) {
        const local = table[r.entityType]?.[r.id];
        if (local === undefined) continue;
        own[r.entityType] ??= {};
        own[r.entityType]![r.id] = local;
      }
      return [system, own];
    }),
  );
}
