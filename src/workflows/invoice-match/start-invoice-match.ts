import type { Queryable } from "../../store/index.js";

/**
 * Starts the match of a received invoice, inside the transaction that keeps it: the invoice and
 * its pending match commit together, so no invoice is ever kept without being matched.
 */
export async function startInvoiceMatch(
  tx: Queryable,
  invoice: { documentRowId: number; partner: string; correlationId: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO invoice_matches (invoice_document_id, partner, status, correlation_id)
     VALUES ($1, $2, 'pending', $3) ON CONFLICT DO NOTHING`,
    [invoice.documentRowId, invoice.partner, invoice.correlationId],
  );
}
