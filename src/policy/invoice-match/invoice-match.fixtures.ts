import {
  addDecimal,
  type Contract,
  type Invoice,
  type InvoiceLine,
  type Item,
  multiplyDecimal,
  type PurchaseOrder,
  type PurchaseOrderLine,
  type Receipt,
  type ReceiptLine,
  roundDecimal,
} from "../../model/index.js";
import { drape } from "../../model/packaging.fixtures.js";
import type { MatchInput } from "./match-input.js";

/** Shared builders: one facility buying drapes on contract and gloves off contract, then an implant. */
export { drape };

/** Gloves come in boxes of 100; the item master has no case level, so "case" cannot convert. */
export const gloves: Item = {
  kind: "item",
  id: "item-gloves",
  description: "GLOVE, EXAM, NITRILE, MEDIUM",
  manufacturerName: "HC MANUFACTURER",
  manufacturerPartNo: "2000",
  unspsc: "42132203",
  baseUom: "each",
  packaging: [
    { uom: "each", quantityOfBase: 1 },
    { uom: "box", quantityOfBase: 100, gtin: "10000000000021" },
  ],
  clinicalCategory: "med-surg",
  status: "active",
};

export const hipStem: Item = {
  kind: "item",
  id: "item-hip-stem",
  description: "FEMORAL STEM, CEMENTLESS, SIZE 4",
  manufacturerName: "ORTHO CO",
  manufacturerPartNo: "HS-4",
  unspsc: "42295500",
  baseUom: "each",
  packaging: [{ uom: "each", quantityOfBase: 1 }],
  clinicalCategory: "implant",
  status: "active",
};

export const items = [drape, gloves, hipStem];

export const poLine = (over: Partial<PurchaseOrderLine> = {}): PurchaseOrderLine => ({
  lineId: "1",
  item: { itemId: "item-drape", supplierPartNo: "D-1000" },
  quantity: "10",
  uom: "case",
  unitPrice: "65.00",
  contractNumber: "CT21000",
  ...over,
});

export const glovesLine = (over: Partial<PurchaseOrderLine> = {}): PurchaseOrderLine => ({
  lineId: "2",
  item: { itemId: "item-gloves", supplierPartNo: "G-2000" },
  quantity: "5",
  uom: "box",
  unitPrice: "12.50",
  ...over,
});

export const po = (over: Partial<PurchaseOrder> = {}): PurchaseOrder => ({
  kind: "purchase-order",
  id: "PO-1",
  purpose: "original",
  orderDate: "2025-06-01",
  currency: "USD",
  facilityId: "fac-1",
  parties: [],
  lines: [poLine(), glovesLine()],
  ...over,
});

export const receiptLine = (over: Partial<ReceiptLine> = {}): ReceiptLine => ({
  purchaseOrderLineId: "1",
  itemId: "item-drape",
  quantityAccepted: "10",
  quantityRejected: "0",
  uom: "case",
  ...over,
});

export const receipt = (over: Partial<Receipt> = {}): Receipt => ({
  kind: "receipt",
  id: "RCV-1",
  purchaseOrderId: "PO-1",
  facilityId: "fac-1",
  receivedOn: "2025-06-05",
  lines: [
    receiptLine(),
    receiptLine({ purchaseOrderLineId: "2", itemId: "item-gloves", quantityAccepted: "5", uom: "box" }),
  ],
  ...over,
});

export const invoiceLine = (over: Partial<InvoiceLine> = {}): InvoiceLine => ({
  lineId: "1",
  item: { itemId: "item-drape", supplierPartNo: "D-1000" },
  quantity: "10",
  uom: "case",
  unitPrice: "65.00",
  ...over,
});

export const glovesInvoiceLine = (over: Partial<InvoiceLine> = {}): InvoiceLine => ({
  lineId: "2",
  item: { itemId: "item-gloves", supplierPartNo: "G-2000" },
  quantity: "5",
  uom: "box",
  unitPrice: "12.50",
  ...over,
});

/** An invoice whose stated total defaults to what its lines add up to. */
export const invoice = (over: Partial<Invoice> = {}): Invoice => {
  const base: Invoice = {
    kind: "invoice",
    id: "INV-1",
    purpose: "original",
    invoiceDate: "2025-06-10",
    currency: "USD",
    purchaseOrderId: "PO-1",
    parties: [],
    lines: [invoiceLine(), glovesInvoiceLine()],
    charges: [],
    total: "712.50",
    ...over,
  };
  return over.total !== undefined || over.lines === undefined ? base : { ...base, total: sumLines(base) };
};

function sumLines(inv: Invoice): string {
  return inv.lines.reduce((s, l) => addDecimal(s, roundDecimal(multiplyDecimal(l.quantity, l.unitPrice), 2)), "0");
}

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
  priceLines: [{ lineNo: 1, itemId: "item-drape", uom: "case", unitPrice: "65.00", tierPrices: [] }],
  eligibility: [{ facilityId: "fac-1", tier: 1, from: "2025-01-01" }],
  rebates: [],
  ...over,
});

export const NOW = new Date("2025-06-12T09:00:00.000Z");

export const input = (over: Partial<MatchInput> = {}): MatchInput => ({
  invoice: invoice(),
  supplierId: "sup-1",
  purchaseOrders: [po()],
  receipts: [receipt()],
  items,
  contracts: [contract()],
  history: [],
  now: NOW,
  ...over,
});
