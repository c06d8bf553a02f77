import type { DocumentKind } from "../../../model/validate-document.js";

/** The transaction sets Concord maps, with their canonical document and GS01 functional id. */
export const MAPPED_SETS = {
  "832": { kind: "price-catalog", functionalId: "SC" },
  "845": { kind: "price-authorization", functionalId: "PA" },
  "850": { kind: "purchase-order", functionalId: "PO" },
  "855": { kind: "order-confirmation", functionalId: "PR" },
  "856": { kind: "ship-notice", functionalId: "SH" },
  "810": { kind: "invoice", functionalId: "IN" },
  "820": { kind: "payment", functionalId: "RA" },
} as const satisfies Record<string, { kind: DocumentKind; functionalId: string }>;

export type MappedSetId = keyof typeof MAPPED_SETS;
export type MappedKind = (typeof MAPPED_SETS)[MappedSetId]["kind"];

export function isMappedSet(setId: string): setId is MappedSetId {
  return Object.hasOwn(MAPPED_SETS, setId);
}

export const SET_BY_KIND: Readonly<Record<MappedKind, MappedSetId>> = {
  "price-catalog": "832",
  "price-authorization": "845",
  "purchase-order": "850",
  "order-confirmation": "855",
  "ship-notice": "856",
  invoice: "810",
  payment: "820",
};
