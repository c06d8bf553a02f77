import type { Contract, PriceLine } from "../model/index.js";
import { drape } from "../model/packaging.fixtures.js";

/** Shared builders for the effective-price tests: the HIBCC 832 drape on a GPO contract. */
export const line = (over: Partial<PriceLine> = {}): PriceLine => ({
  lineNo: 1,
  itemId: "item-drape",
  uom: "case",
  unitPrice: "65.00",
  tierPrices: [],
  ...over,
});

export const contract = (over: Partial<Contract> = {}): Contract => ({
  kind: "contract",
  id: "ct-gpo",
  number: "CT21000",
  version: 1,
  title: "Drapes",
  supplierId: "sup-1",
  currency: "USD",
  effectiveFrom: "2025-01-01",
  expiresOn: "2025-12-31",
  pricingDateBasis: "order-date",
  priceLines: [line()],
  eligibility: [{ facilityId: "fac-1", tier: 1, from: "2025-01-01" }],
  rebates: [],
  ...over,
});

export { drape };

export const q = (
  on: string,
  over: Partial<{ itemId: string; facilityId: string; uom: "case" | "each" | "box" }> = {},
) => ({
  itemId: "item-drape",
  facilityId: "fac-1",
  on,
  ...over,
});
