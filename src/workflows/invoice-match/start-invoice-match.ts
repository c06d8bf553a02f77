import type { Invoice } from "../../model/index.js";
import type { Queryable } from "../../store/index.js";

/**
 * Starts the match of a received invoice, inside the transaction that keeps it: the invoice and
 * its pending match commit together, so no invoice is ever kept without being matched.
 */
export async function startInvoiceMatch(
  tx: Queryable,
  invoice: { documentRowId: number; partner: string; correlationId: string; purchaseOrderIds: readonly string[] },
): Promise<void> {
  // The POs it names, so later matches of the same POs find it without reading every invoice.
  await tx.query(
    `INSERT INTO invoice_purchase_orders (purchase_order_id, invoice_document_id)
     SELECT DISTINCT po, $2::bigint FROM unnest($1::text[]) AS po ON CONFLICT DO NOTHING`,
    [invoice.purchaseOrderIds, invoice.documentRowId],
  );
  await tx.query(
    `INSERT INTO invoice_matches (invoice_document_id, partner, status, correlation_id)
     VALUES ($1, $2, 'pending', $3) ON CONFLICT DO NOTHING`,
    [invoice.documentRowId, invoice.partner, invoice.correlationId],
  );
}

/** Every PO an invoice names, in its header or on a line. */
export function invoicePurchaseOrderIds(invoice: Invoice): string[] {
  return [
    ...new Set(
      [invoice.purchaseOrderId, ...invoice.lines.map((l) => l.purchaseOrderId)].filter((x): x is string => !!x),
    ),
  ];
}

/** An invoice number as the history index holds it: upper case, no punctuation, no zeros (ASCII). */
export const invoiceNumberKey = (id: string) => id.toUpperCase().replace(/[^1-9A-Z]/g, "");

/** A total as the history index holds it: no trailing zeros after the point ("120.50" → "120.5", "7.00" → "7"). */
export const invoiceTotalKey = (total: string) =>
  total.replace(/^([^.]*)\.0*$/, "$1").replace(/^([^.]*\.[0-9]*[1-9])0+$/, "$1");
