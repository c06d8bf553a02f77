import type { Contract, EntityType, Xref } from "../../src/model/index.js";
import type { ClmAgreement } from "../clm/types.js";
import type { ErpBlanketAgreement } from "../erp/types.js";
import type { ContractCatalog } from "../procurement/types.js";
import { padDecimal4 } from "../shared/decimal.js";
import { toX12 } from "../shared/uom.js";

/** canonical id → local id, per system and entity type. */
export type XrefIndex = Map<string, Map<string, string>>;

export function indexXrefs(xrefs: readonly Xref[]): XrefIndex {
  const index: XrefIndex = new Map();
  for (const x of xrefs) {
    const key = `${x.system}/${x.entityType}`;
    const m = index.get(key) ?? new Map<string, string>();
    index.set(key, m);
    m.set(x.canonicalId, x.localId);
  }
  return index;
}

export function localId(index: XrefIndex, system: string, type: EntityType, canonicalId: string): string {
  const id = index.get(`${system}/${type}`)?.get(canonicalId);
  if (id === undefined) throw new Error(`no ${system} xref for ${type} ${canonicalId}`);
  return id;
}

const BASIS = {
  "order-date": "ORDER_DATE",
  "ship-date": "SHIP_DATE",
  "invoice-date": "INVOICE_DATE",
} as const;
const INCENTIVE = { volume: "VOLUME_REBATE", "admin-fee": "ADMIN_FEE", growth: "GROWTH_REBATE" } as const;

/** The CLM's view of a canonical contract: what the generator loads and what a webhook carries. */
export function toClmAgreement(c: Contract, x: XrefIndex): ClmAgreement {
  const local = (type: EntityType, id: string) => localId(x, "clm", type, id);
  return {
    agreementNo: local("contract", c.id),
    amendmentNo: c.version,
    title: c.title,
    vendorCode: local("supplier", c.supplierId),
    currencyCode: c.currency,
    startDate: c.effectiveFrom,
    endDate: c.expiresOn,
    priceBasis: BASIS[c.pricingDateBasis],
    pricing: c.priceLines.map((l) => ({
      lineRef: l.lineNo,
      itemCode: local("item", l.itemId),
      uom: toX12(l.uom),
      price: padDecimal4(l.unitPrice),
      tiers: l.tierPrices.map((t) => ({ tierCode: `T${t.tier}`, price: padDecimal4(t.unitPrice) })),
      validFrom: l.effectiveFrom ?? null,
      validTo: l.expiresOn ?? null,
    })),
    sites: c.eligibility.map((e) => ({
      siteCode: local("facility", e.facilityId),
      tierCode: `T${e.tier}`,
      eligibleFrom: e.from,
      eligibleTo: e.to ?? null,
    })),
    incentives: c.rebates.map((r) => ({
      type: INCENTIVE[r.kind],
      pct: r.percent,
      spendThreshold: r.thresholdSpend ?? null,
      period: r.period === "quarterly" ? "QUARTERLY" : "ANNUAL",
    })),
  };
}

/** The procurement PUT body a correct hub would send for this contract version. */
export function toProcurementCatalog(c: Contract, x: XrefIndex): ContractCatalog {
  const local = (type: EntityType, id: string) => localId(x, "procurement", type, id);
  const money = (amount: string) => ({ amount, currency: c.currency });
  return {
    contractRef: local("contract", c.id),
    revision: c.version,
    supplierNumber: local("supplier", c.supplierId),
    currency: c.currency,
    validFrom: c.effectiveFrom,
    validTo: c.expiresOn,
    lines: c.priceLines.map((l) => ({
      catalogItemId: local("item", l.itemId),
      unitOfMeasure: toX12(l.uom),
      price: money(l.unitPrice),
      tierPrices: l.tierPrices.map((t) => ({ tier: t.tier, price: money(t.unitPrice) })),
      validFrom: l.effectiveFrom ?? null,
      validTo: l.expiresOn ?? null,
    })),
    eligibleShipTos: c.eligibility.map((e) => ({
      shipToCode: local("facility", e.facilityId),
      tier: e.tier,
      from: e.from,
      to: e.to ?? null,
    })),
  };
}

/** The ERP POST body a correct hub would send for this contract version. */
export function toErpBlanketAgreement(c: Contract, x: XrefIndex): ErpBlanketAgreement {
  const local = (type: EntityType, id: string) => localId(x, "erp", type, id);
  return {
    AGREEMENT_NUM: local("contract", c.id),
    REVISION_NUM: c.version,
    VENDOR_NUM: local("supplier", c.supplierId),
    CURRENCY_CODE: c.currency,
    START_DATE: c.effectiveFrom,
    END_DATE: c.expiresOn,
    LINES: c.priceLines.map((l) => ({
      LINE_NUM: l.lineNo,
      ITEM_NUMBER: local("item", l.itemId),
      UOM_CODE: toX12(l.uom),
      UNIT_PRICE: l.unitPrice,
      PRICE_BREAKS: l.tierPrices.map((t) => ({ TIER: t.tier, PRICE: t.unitPrice })),
      START_DATE: l.effectiveFrom ?? null,
      END_DATE: l.expiresOn ?? null,
    })),
    ORG_ASSIGNMENTS: c.eligibility.map((e) => ({
      ORG_CODE: local("facility", e.facilityId),
      TIER: e.tier,
      START_DATE: e.from,
      END_DATE: e.to ?? null,
    })),
  };
}
