import type { EntityType } from "../model/index.js";

/**
 * System-of-record registry: for each entity type, its field groups, the fields in each, and
 * the system that owns the group. Configuration may replace the owners; the groups are part of
 * the canonical model's contract.
 */
export const FIELD_GROUPS: Readonly<Partial<Record<EntityType, Readonly<Record<string, readonly string[]>>>>> = {
  contract: {
    terms: ["number", "title", "supplierId", "currency", "effectiveFrom", "expiresOn", "pricingDateBasis"],
    pricing: ["priceLines"],
    eligibility: ["eligibility"],
    rebates: ["rebates"],
  },
  supplier: {
    identity: ["name", "duns", "gln", "status", "taxId"],
    remittance: ["remitTo", "paymentTermsNetDays", "bankAccount"],
  },
  item: {
    identity: ["description", "manufacturerName", "manufacturerPartNo", "gtin", "unspsc", "status"],
    packaging: ["baseUom", "packaging"],
    clinical: ["clinicalCategory"],
  },
  facility: { identity: ["name", "type", "gln", "hin", "timeZone", "purchasingEntityId", "address"] },
};

export type OwnershipConfig = Readonly<Partial<Record<EntityType, Readonly<Record<string, string>>>>>;

/** Who owns what in a typical health system: the CLM owns contracts, the ERP owns the masters. */
export const DEFAULT_OWNERSHIP: OwnershipConfig = {
  contract: { terms: "clm", pricing: "clm", eligibility: "clm", rebates: "clm" },
  supplier: { identity: "erp", remittance: "erp" },
  item: { identity: "erp", packaging: "erp", clinical: "erp" },
  facility: { identity: "erp" },
};

export interface OwnershipVerdict {
  readonly allowed: boolean;
  /** Field groups the change touches. */
  readonly changed: readonly string[];
  /** Those of them the system does not own, with their owner. */
  readonly denied: readonly { readonly group: string; readonly owner: string }[];
}

/**
 * May `system` make this change? Only field groups whose values differ from `before` count, so a
 * full snapshot from a system that owns one group and echoes the others unchanged is allowed.
 * A new record (no `before`) touches every group.
 */
export function checkOwnership(
  config: OwnershipConfig,
  system: string,
  entityType: EntityType,
  before: object | undefined,
  after: object,
): OwnershipVerdict {
  const groups = FIELD_GROUPS[entityType] ?? {};
  const owners = config[entityType] ?? {};
  const changed = Object.entries(groups)
    .filter(([, fields]) => before === undefined || fields.some((f) => !sameValue(field(before, f), field(after, f))))
    .map(([group]) => group);
  // A system that owns no part of the record may not write it at all, not even an unchanged copy
  // under a new version number: then every group counts as touched.
  const ownsSomething = Object.keys(groups).some((g) => owners[g] === system);
  const touched = ownsSomething || changed.length > 0 ? changed : Object.keys(groups);
  const denied = touched
    .map((group) => ({ group, owner: owners[group] ?? "(nobody)" }))
    .filter((d) => d.owner !== system);
  return { allowed: denied.length === 0, changed, denied };
}

function field(o: object, name: string): unknown {
  return (o as Record<string, unknown>)[name];
}

/**
 * JSON equality: key order is irrelevant (jsonb reorders keys) and an absent field equals null or
 * undefined. Walks both values once without copying them (this runs for every accepted version).
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || a === null) return b === undefined || b === null;
  if (b === undefined || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameValue(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k of Object.keys(ao)) if (!sameValue(ao[k], bo[k])) return false;
  for (const k of Object.keys(bo)) if (!(k in ao) && !sameValue(undefined, bo[k])) return false;
  return true;
}
