import type { Invoice, Item, PurchaseOrder, Receipt } from "../../model/index.js";
import type { MatchInput, PriorInvoice } from "../../policy/index.js";
import { type Queryable, releasedVersionsPricingAny } from "../../store/index.js";

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
      // The partner's whole decided history: what duplicates and quantities already billed are
      // judged against. It grows with the partner (see docs/invoice-match.md, Benchmark).
      `SELECT d.id, d.body FROM trade_documents d JOIN invoice_matches m ON m.invoice_document_id = d.id
       WHERE d.kind = 'invoice' AND d.partner = $1 AND d.id <> $2 AND m.status IN ('approved', 'held')`,
      [row.partner, row.invoiceDocumentId],
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
