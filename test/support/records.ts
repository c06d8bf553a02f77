import type { Facility, Item, Supplier, Uom } from "../../src/model/index.js";

/** Minimal valid canonical records for tests and the benchmark, numbered fac-n, sup-n, itm-n. */
export const address = { line1: "1 Main St", city: "Springfield", region: "IL", postalCode: "62701", country: "US" };

export const facilityRecord = (n: number, type: Facility["type"] = "hospital"): Facility => ({
  kind: "facility",
  id: `fac-${n}`,
  name: `Facility ${n}`,
  type,
  timeZone: "America/Chicago",
  purchasingEntityId: "pe-1",
  address,
});

export const supplierRecord = (n: number): Supplier => ({
  kind: "supplier",
  id: `sup-${n}`,
  name: `Supplier ${n}`,
  status: "active",
  paymentTermsNetDays: 30,
  remitTo: address,
});

/** An item sold by the each, boxed by 100 (and cased by 1000 unless `levels` says otherwise). */
export const itemRecord = (n: number, description: string, levels: readonly Uom[] = ["each", "box", "case"]): Item => ({
  kind: "item",
  id: `itm-${n}`,
  description,
  manufacturerName: "Acme Medical",
  manufacturerPartNo: `AM-${n}`,
  unspsc: "42132203",
  baseUom: "each",
  packaging: levels.map((uom) => ({ uom, quantityOfBase: uom === "each" ? 1 : uom === "box" ? 100 : 1000 })),
  clinicalCategory: "med-surg",
  status: "active",
});
