import { encodeDocuments } from "../../src/connectors/x12/index.js";
import type { Invoice, ItemRef, PurchaseOrder, Receipt } from "../../src/model/index.js";
import { hubHeaders } from "./test-api-key.js";

/** The trading partner the invoice tests receive POs and invoices from (its items are the ERP's MED-n). */
export const MEDLINE = { system: "medline", x12: { qualifier: "ZZ", id: "MEDLINE" } };

/** How Medline names itm-1 on its documents; a test that skips item resolution names itm-1 itself. */
const MED_1: ItemRef = { supplierPartNo: "MED-1" };

/** A PO for 10 boxes of itm-1 (MED-1), by default at 10.25, the contract's tier-1 price at fac-1. */
export const purchaseOrder = (id: string, unitPrice = "10.2500", item: ItemRef = MED_1): PurchaseOrder => ({
  kind: "purchase-order",
  id,
  purpose: "original",
  orderDate: "2026-06-01",
  currency: "USD",
  parties: [],
  lines: [{ lineId: "1", item, quantity: "10", uom: "box", unitPrice }],
});

export const invoiceOf = (
  id: string,
  poId: string,
  quantity: number,
  unitPrice: string,
  item: ItemRef = MED_1,
  invoiceDate = "2026-06-10",
): Invoice => ({
  kind: "invoice",
  id,
  purpose: "original",
  invoiceDate,
  currency: "USD",
  purchaseOrderId: poId,
  parties: [],
  lines: [
    {
      lineId: "1",
      purchaseOrderId: poId,
      purchaseOrderLineId: "1",
      item,
      quantity: String(quantity),
      uom: "box",
      unitPrice,
    },
  ],
  charges: [],
  total: (quantity * Number(unitPrice)).toFixed(2),
});

/** The dock received `accepted` boxes of the PO's line 1. */
export const receiptOf = (id: string, poId: string, accepted = "10"): Receipt => ({
  kind: "receipt",
  id,
  purchaseOrderId: poId,
  facilityId: "fac-1",
  receivedOn: "2026-06-05",
  lines: [{ purchaseOrderLineId: "1", itemId: "itm-1", quantityAccepted: accepted, quantityRejected: "0", uom: "box" }],
});

let control = 700;

/** Sends documents to a hub as Medline, in one real X12 interchange (850s, 810s...). */
export async function sendAsMedline(
  hubUrl: string,
  docs: Parameters<typeof encodeDocuments>[0],
  correlationId?: string,
) {
  const { text } = encodeDocuments(docs, {
    sender: MEDLINE.x12,
    receiver: { qualifier: "ZZ", id: "CONCORD" },
    controlNumber: ++control + Math.floor(Math.random() * 100_000) * 1000,
    at: new Date("2026-06-01T10:00:00Z"),
  });
  const res = await fetch(`${hubUrl}/v1/inbound/x12`, {
    method: "POST",
    headers: {
      ...hubHeaders(correlationId ? { "x-correlation-id": correlationId } : {}),
      "content-type": "application/edi-x12",
    },
    body: text,
  });
  if (res.status !== 202) throw new Error(`x12 refused: ${res.status} ${await res.text()}`);
  return (await res.json()) as { documents: { id: number; kind: string; documentId: string }[] };
}

/** POST /v1/receipts acting for `system`. */
export async function postReceipts(hubUrl: string, receipts: unknown[], system = "erp") {
  const res = await fetch(`${hubUrl}/v1/receipts`, {
    method: "POST",
    headers: { ...hubHeaders({ "x-concord-system": system }), "content-type": "application/json" },
    body: JSON.stringify({ receipts }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}
