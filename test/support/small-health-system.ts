import type { Contract, MasterDataSnapshot, Xref } from "../../src/model/index.js";
import { facilityRecord, itemRecord, supplierRecord } from "./records.js";

const facility = facilityRecord;
const supplier = supplierRecord;
const item = (n: number) => itemRecord(n, `Exam glove nitrile size ${n}`);

/** Contract ctr-1 v1: items 1-3 from sup-1, facilities 1 (tier 1) and 2 (tier 2) eligible. */
export function contractV1(overrides: Partial<Contract> = {}): Contract {
  return {
    kind: "contract",
    id: "ctr-1",
    number: "AGR-1",
    version: 1,
    title: "Gloves agreement",
    supplierId: "sup-1",
    currency: "USD",
    effectiveFrom: "2026-01-01",
    expiresOn: "2028-12-31",
    pricingDateBasis: "order-date",
    priceLines: [1, 2, 3].map((n) => ({
      lineNo: n,
      itemId: `itm-${n}`,
      uom: "box" as const,
      unitPrice: `${10 + n}.50`,
      tierPrices: [
        { tier: 1, unitPrice: `${9 + n}.25` },
        { tier: 2, unitPrice: `${9 + n}.75` },
      ],
    })),
    eligibility: [
      { facilityId: "fac-1", tier: 1, from: "2026-01-01" },
      { facilityId: "fac-2", tier: 2, from: "2026-01-01" },
    ],
    rebates: [{ kind: "volume", percent: "2.5", thresholdSpend: "100000.00", period: "annual" }],
    ...overrides,
  };
}

/** The next amendment: every price changes from `effectiveFrom` on. */
export function amendment(base: Contract, version: number, effectiveFrom: string, delta = 1): Contract {
  return {
    ...base,
    version,
    priceLines: base.priceLines.map((l) => ({
      ...l,
      unitPrice: `${Number.parseInt(l.unitPrice, 10) + delta * (version - 1)}.50`,
      tierPrices: l.tierPrices.map((t) => ({
        ...t,
        unitPrice: `${Number.parseInt(t.unitPrice, 10) + delta * (version - 1)}.25`,
      })),
      effectiveFrom,
    })),
  };
}

const SYSTEM_PREFIX: Record<string, Record<string, string>> = {
  clm: { supplier: "VND-", item: "CLM-ITM-", facility: "SITE-", contract: "AGR-" },
  procurement: { supplier: "SUP-", item: "PRC-", facility: "ST-" },
  erp: { supplier: "10000", item: "MED-", facility: "H0" },
};

/** A tiny health system: 2 facilities, 2 suppliers, 4 items (item 4 is unknown to procurement), 1 contract. */
export function smallHealthSystem(): MasterDataSnapshot {
  const xrefs: Xref[] = [];
  for (const [system, prefix] of Object.entries(SYSTEM_PREFIX)) {
    for (const n of [1, 2])
      xrefs.push({
        system,
        entityType: "supplier",
        localId: `${prefix.supplier}${n}`,
        canonicalId: `sup-${n}`,
      });
    for (const n of [1, 2])
      xrefs.push({
        system,
        entityType: "facility",
        localId: `${prefix.facility}${n}`,
        canonicalId: `fac-${n}`,
      });
    for (const n of [1, 2, 3, 4]) {
      if (system === "procurement" && n === 4) continue;
      xrefs.push({ system, entityType: "item", localId: `${prefix.item}${n}`, canonicalId: `itm-${n}` });
    }
  }
  xrefs.push({ system: "clm", entityType: "contract", localId: "AGR-1", canonicalId: "ctr-1" });
  return {
    purchasingEntities: [{ kind: "purchasing-entity", id: "pe-1", name: "Concord Health" }],
    facilities: [facility(1, "hospital"), facility(2, "clinic")],
    costCenters: [],
    suppliers: [supplier(1), supplier(2)],
    items: [item(1), item(2), item(3), item(4)],
    contracts: [contractV1()],
    xrefs,
  };
}
