import type { ClmAgreementEvent } from "../src/connectors/index.js";
import { type Contract, type MasterDataSnapshot, validateEntity, type Xref } from "../src/model/index.js";
import { facilityRecord, itemRecord, supplierRecord } from "../test/support/records.js";

/** Sizes of the synthetic health system (the workload: 50-line amendments). */
export const SUPPLIERS = 20;
export const FACILITIES = 4;
export const ITEMS = 1000;
export const LINES_PER_CONTRACT = 50;

// Local-id prefixes per system, as in test/support/small-health-system.ts.
const PREFIX: Record<string, { supplier: string; item: string; facility: string }> = {
  clm: { supplier: "VND-", item: "CLM-ITM-", facility: "SITE-" },
  procurement: { supplier: "SUP-", item: "PRC-", facility: "ST-" },
  erp: { supplier: "10000", item: "MED-", facility: "H0" },
};

const facility = (n: number) => facilityRecord(n, n === 1 ? "hospital" : "clinic");
const supplier = supplierRecord;
const item = (n: number) => itemRecord(n, `Synthetic item ${n}`, ["each", "box"]);

/** Contract c prices 50 consecutive items (wrapping), so contracts overlap items like real ones do. */
const itemOf = (c: number, line: number) => (((c - 1) * LINES_PER_CONTRACT + line - 1) % ITEMS) + 1;
const supplierOf = (c: number) => ((c - 1) % SUPPLIERS) + 1;
const tierOf = (f: number) => (f % 2) + 1;
// Prices move with the amendment so every version really differs from the one before.
const price = (line: number, amendment: number, off: number) =>
  `${10 + (line % 7) + off}.${String(amendment % 100).padStart(2, "0")}`;

function contractV1(c: number): Contract {
  return {
    kind: "contract",
    id: `ctr-${c}`,
    number: `AGR-${c}`,
    version: 1,
    title: `Bench agreement ${c}`,
    supplierId: `sup-${supplierOf(c)}`,
    currency: "USD",
    effectiveFrom: "2026-01-01",
    expiresOn: "2028-12-31",
    pricingDateBasis: "order-date",
    priceLines: Array.from({ length: LINES_PER_CONTRACT }, (_, i) => ({
      lineNo: i + 1,
      itemId: `itm-${itemOf(c, i + 1)}`,
      uom: "box" as const,
      unitPrice: price(i + 1, 1, 2),
      tierPrices: [
        { tier: 1, unitPrice: price(i + 1, 1, 0) },
        { tier: 2, unitPrice: price(i + 1, 1, 1) },
      ],
    })),
    eligibility: Array.from({ length: FACILITIES }, (_, f) => ({
      facilityId: `fac-${f + 1}`,
      tier: tierOf(f + 1),
      from: "2026-01-01",
    })),
    rebates: [{ kind: "volume", percent: "2.5", thresholdSpend: "100000.00", period: "annual" }],
  };
}

/** The snapshot loaded with startHub({ seed }): every contract at v1, released. */
export function benchSnapshot(contracts: number): MasterDataSnapshot {
  const xrefs: Xref[] = [];
  for (const [system, p] of Object.entries(PREFIX)) {
    for (let n = 1; n <= SUPPLIERS; n++)
      xrefs.push({ system, entityType: "supplier", localId: `${p.supplier}${n}`, canonicalId: `sup-${n}` });
    for (let n = 1; n <= FACILITIES; n++)
      xrefs.push({ system, entityType: "facility", localId: `${p.facility}${n}`, canonicalId: `fac-${n}` });
    for (let n = 1; n <= ITEMS; n++)
      xrefs.push({ system, entityType: "item", localId: `${p.item}${n}`, canonicalId: `itm-${n}` });
  }
  for (let c = 1; c <= contracts; c++)
    xrefs.push({ system: "clm", entityType: "contract", localId: `AGR-${c}`, canonicalId: `ctr-${c}` });
  const snapshot: MasterDataSnapshot = {
    purchasingEntities: [{ kind: "purchasing-entity", id: "pe-1", name: "Bench Health" }],
    facilities: Array.from({ length: FACILITIES }, (_, i) => facility(i + 1)),
    costCenters: [],
    suppliers: Array.from({ length: SUPPLIERS }, (_, i) => supplier(i + 1)),
    items: Array.from({ length: ITEMS }, (_, i) => item(i + 1)),
    contracts: Array.from({ length: contracts }, (_, i) => contractV1(i + 1)),
    xrefs,
  };
  assertValid(snapshot);
  return snapshot;
}

// A schema-invalid dataset would make the hub reject every amendment and the bench measure 422s.
function assertValid(s: MasterDataSnapshot): void {
  const all = [
    ...s.purchasingEntities.map((r) => ["purchasing-entity", r] as const),
    ...s.facilities.map((r) => ["facility", r] as const),
    ...s.suppliers.map((r) => ["supplier", r] as const),
    ...s.items.map((r) => ["item", r] as const),
    ...s.contracts.map((r) => ["contract", r] as const),
  ];
  for (const [kind, record] of all) {
    const r = validateEntity(kind, record);
    if (!r.ok) throw new Error(`bench dataset: ${kind} ${record.id} invalid: ${JSON.stringify(r.issues.slice(0, 3))}`);
  }
}

/** Amendment `amendmentNo` of contract c as the CLM's native webhook body (CLM ids and codes). */
export function clmAmendment(c: number, amendmentNo: number, eventId: string): ClmAgreementEvent {
  const p = PREFIX.clm!;
  return {
    eventId,
    eventType: "agreement.amended",
    occurredAt: new Date().toISOString(),
    agreement: {
      agreementNo: `AGR-${c}`,
      amendmentNo,
      title: `Bench agreement ${c}`,
      vendorCode: `${p.supplier}${supplierOf(c)}`,
      currencyCode: "USD",
      startDate: "2026-01-01",
      endDate: "2028-12-31",
      priceBasis: "ORDER_DATE",
      pricing: Array.from({ length: LINES_PER_CONTRACT }, (_, i) => ({
        lineRef: i + 1,
        itemCode: `${p.item}${itemOf(c, i + 1)}`,
        uom: "BX",
        price: price(i + 1, amendmentNo, 2),
        tiers: [
          { tierCode: "T1", price: price(i + 1, amendmentNo, 0) },
          { tierCode: "T2", price: price(i + 1, amendmentNo, 1) },
        ],
        validFrom: "2026-12-01",
        validTo: null,
      })),
      sites: Array.from({ length: FACILITIES }, (_, f) => ({
        siteCode: `${p.facility}${f + 1}`,
        tierCode: `T${tierOf(f + 1)}`,
        eligibleFrom: "2026-01-01",
        eligibleTo: null,
      })),
      incentives: [{ type: "VOLUME_REBATE", pct: "2.5", spendThreshold: "100000.00", period: "ANNUAL" }],
    },
  };
}
