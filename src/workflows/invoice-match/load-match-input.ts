import type { Invoice, Item, PurchaseOrder, Receipt } from "../../model/index.js";
import type { MatchInput, PriorInvoice } from "../../policy/index.js";
import { type Queryable, releasedVersionsPricingAny } from "../../store/index.js";
import { invoiceNumberKey, invoiceTotalKey } from "./start-invoice-match.js";

/**
 * Everything the match reads, from the store: the invoice, the latest copy of each PO it names,
 * receipts for those POs, the items and the released contract versions that price them, and the
 * partner's earlier invoices (for duplicates and quantities already billed).
 */
export async function loadMatchInput(
  q: Queryable,
  row: { invoiceDocumentId: number; partner: string },
  now: Date,
): Promise<MatchInput> {
  const [doc] = await q.query<{ body: Invoice }>("SELECT body FROM trade_documents WHERE id = $1", [
    row.invoiceDocumentId,
  ]);
  const invoice = doc!.body;
  const poIds = [
    ...new Set(
      [invoice.purchaseOrderId, ...invoice.lines.map((l) => l.purchaseOrderId)].filter((x): x is string => !!x),
    ),
  ];
  const purchaseOrders = (
    await q.query<{ body: PurchaseOrder }>(
      `SELECT DISTINCT ON (document_id) body FROM trade_documents
       WHERE kind = 'purchase-order' AND document_id = ANY($1::text[]) ORDER BY document_id, id DESC`,
      [poIds],
    )
  ).map((r) => r.body);
  const receipts = (
    await q.query<{ body: Receipt }>(
      "SELECT body FROM trade_documents WHERE kind = 'receipt' AND (body->>'purchaseOrderId') = ANY($1::text[])",
      [poIds],
    )
  ).map((r) => r.body);
  const itemIds = [
    ...new Set(
      [
        ...invoice.lines.map((l) => l.item.itemId),
        ...purchaseOrders.flatMap((p) => p.lines.map((l) => l.item.itemId)),
      ].filter((x): x is string => !!x),
    ),
  ];
  const items = (
    await q.query<{ body: Item }>(
      "SELECT body FROM canonical_records WHERE entity_type = 'item' AND id = ANY($1::text[])",
      [itemIds],
    )
  ).map((r) => r.body);
  const contracts = await releasedVersionsPricingAny(q, itemIds);
  const history = (
    await q.query<{ id: number; body: Invoice }>(
      // Only the partner's earlier invoices the policy can use, each through an index (0016):
      // those on the same POs (already billed), and possible duplicates — the same number keyed
      // another way (a superset of the policy's normalisation, which decides) or the same total
      // (the policy checks currency and dates).
      `SELECT d.id, d.body FROM trade_documents d JOIN invoice_matches m ON m.invoice_document_id = d.id
       WHERE d.id IN (
           SELECT invoice_document_id FROM invoice_purchase_orders WHERE purchase_order_id = ANY($3::text[])
           UNION
           SELECT id FROM trade_documents
           WHERE kind = 'invoice' AND partner = $1
             AND regexp_replace(upper(body ->> 'id'), '[^1-9A-Z]', '', 'g') = $4
           UNION
           SELECT id FROM trade_documents
           WHERE kind = 'invoice' AND partner = $1
             AND regexp_replace(regexp_replace(body ->> 'total', '^([^.]*)\\.0*$', '\\1'), '^([^.]*\\.[0-9]*[1-9])0+$', '\\1') = $5)
         AND d.kind = 'invoice' AND d.partner = $1 AND d.id <> $2 AND m.status IN ('approved', 'held')`,
      [row.partner, row.invoiceDocumentId, poIds, invoiceNumberKey(invoice.id), invoiceTotalKey(invoice.total)],
    )
  ).map(
    (r): PriorInvoice => ({
      supplierId: row.partner,
      invoiceNumber: r.body.id,
      invoiceDate: r.body.invoiceDate,
      total: r.body.total,
      currency: r.body.currency,
      documentId: String(r.id),
      lines: r.body.lines.flatMap((l) =>
        l.purchaseOrderId && l.purchaseOrderLineId
          ? [{ purchaseOrderId: l.purchaseOrderId, purchaseOrderLineId: l.purchaseOrderLineId, quantity: l.quantity }]
          : [],
      ),
    }),
  );
  return {
    invoice,
    // Duplicates are per supplier; the trading partner stands for the supplier until invoices
    // carry a resolved canonical supplier.
    supplierId: row.partner,
    documentId: String(row.invoiceDocumentId),
    purchaseOrders,
    receipts,
    items,
    contracts,
    history,
    now,
  };
}
