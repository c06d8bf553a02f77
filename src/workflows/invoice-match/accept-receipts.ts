import { auditChange } from "../../audit/index.js";
import { Errors } from "../../errors/index.js";
import type { Store } from "../../store/index.js";
import { type BatchRefusal, RecordBatch } from "../partner-documents/record-batch.js";

export interface ReceiptIntakeDeps {
  readonly store: Store;
  /** Called after a commit that put held invoices back to be matched (wakes the match workers). */
  readonly onRequeued: () => void;
}

export type ReceiptResult =
  | { readonly index: number; readonly id: string; readonly status: "accepted"; readonly rematched: number[] }
  | BatchRefusal;

/** The exceptions a receipt can cure: the invoice billed goods that had not (all) been received. */
const CURABLE = ["missing-receipt", "quantity"];

/**
 * Goods receipts from the system that recorded them, in one transaction, each record decided on
 * its own: a bad record is refused with its own problem and never stops the others. A receipt id
 * seen before is a duplicate when its content is the same, a conflict when it is not. An accepted
 * receipt puts back to matching every held invoice of its PO whose open exceptions it may cure
 * (the match workers re-match them and close what is cured).
 */
export async function acceptReceipts(
  deps: ReceiptIntakeDeps,
  system: string,
  records: readonly unknown[],
  correlationId: string,
): Promise<ReceiptResult[]> {
  let requeued = 0;
  const results = await deps.store.transaction(async (tx) => {
    const out: ReceiptResult[] = [];
    const batch = new RecordBatch(tx, "receipt", { table: "receipt_intake", idColumn: "receipt_id" }, (index, id) =>
      Errors.ReceiptConflict(
        `receipt ${id} was already received with different content; send a new receipt id for a correction`,
        { index, id },
      ),
    );
    for (const [index, record] of records.entries()) {
      const checked = await batch.check(index, record);
      if ("refusal" in checked) {
        out.push(checked.refusal);
        continue;
      }
      const { take: receipt, hash } = checked;
      const documentId = await batch.keep(receipt, hash, system, correlationId);
      // Held invoices of this PO with a problem a receipt can cure, and any being matched right
      // now (their worker read the receipts before this one: its decision is dropped and redone).
      const rematched = await tx.query<{ id: number }>(
        `UPDATE invoice_matches m SET status = 'pending', claimed_by = NULL, lease_until = NULL
         WHERE (m.status = 'held' AND EXISTS (
                  SELECT 1 FROM exceptions x
                  WHERE x.subject_type = 'trade-document' AND x.subject_id = m.invoice_document_id::text
                    AND x.rule LIKE 'invoice-match.%' AND x.status = 'open'
                    AND x.details ->> 'type' = ANY($2::text[]) AND x.details ->> 'purchaseOrderId' = $1))
            OR (m.status IN ('pending', 'matching') AND EXISTS (
                  SELECT 1 FROM trade_documents d WHERE d.id = m.invoice_document_id
                    AND d.body ->> 'purchaseOrderId' = $1))
         RETURNING m.invoice_document_id AS id`,
        [receipt.purchaseOrderId, CURABLE],
      );
      requeued += rematched.length;
      await auditChange(tx, {
        actor: system,
        action: "receipt.received",
        subjectType: "trade-document",
        subjectId: String(documentId),
        detail: {
          receiptId: receipt.id,
          purchaseOrderId: receipt.purchaseOrderId,
          lines: receipt.lines.length,
          rematched: rematched.map((r) => Number(r.id)),
          correlationId,
        },
      });
      out.push({ index, id: receipt.id, status: "accepted", rematched: rematched.map((r) => Number(r.id)) });
    }
    return out;
  });
  if (requeued > 0) deps.onRequeued();
  return results;
}
