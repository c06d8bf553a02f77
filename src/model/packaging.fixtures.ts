import type { Item } from "./schemas/item.js";

/** Test fixture: the HIBCC 832 ex2 drape, 1 case = 4 boxes = 20 each (SLN segments). */
export const drape: Item = {
  kind: "item",
  id: "item-drape",
  description: "DRAPE, SMALL TOWEL, CLEAR PLASTIC, ADHESIVE STRIP",
  manufacturerName: "HC MANUFACTURER",
  manufacturerPartNo: "1000",
  unspsc: "42131601",
  baseUom: "each",
  packaging: [
    { uom: "each", quantityOfBase: 1 },
    { uom: "box", quantityOfBase: 5 },
    { uom: "case", quantityOfBase: 20 },
  ],
  clinicalCategory: "med-surg",
  status: "active",
};
