import { appendAudit } from "../../audit/index.js";
import { Errors } from "../../errors/index.js";
import { type InvoiceMatchResult, type MatchOptions, matchInvoice } from "../../policy/index.js";
import { raiseException, type Store } from "../../store/index.js";
import { loadMatchInput } from "./load-match-input.js";

export interface InvoiceMatchRun {
  readonly store: Store;
  readonly workerId: string;
  /** A claimed invoice not decided within this long (crashed worker) is claimed again. */
  readonly leaseMs: number;
  readonly options?: MatchOptions;
  readonly now?: () => Date;
}

/**
 * One round of the invoice match workflow: claims up to `limit` pending invoices (SKIP LOCKED,
 * with a lease), matches each, and decides each in its own transaction — the verdict, the result
 * and one exception per problem, routed to its queue with its due time — only if this worker
 * still holds the claim, so a decision is written exactly once however often it is attempted.
 */
export async function runInvoiceMatches(run: InvoiceMatchRun, limit = 10): Promise<number> {
  const now = run.now ?? (() => new Date());
  const claimed = await run.store.query<{ id: number; partner: string; correlation_id: string }>(
    `WITH due AS (
       SELECT invoice_document_id FROM invoice_matches
       WHERE status = 'pending' OR (status = 'matching' AND lease_until < now())
       ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED
     )
     UPDATE invoice_matches m SET status = 'matching', claimed_by = $2, attempts = m.attempts + 1,
       lease_until = now() + make_interval(secs => $3::float8 / 1000)
     FROM due WHERE m.invoice_document_id = due.invoice_document_id
     RETURNING m.invoice_document_id AS id, m.partner, m.correlation_id`,
    [limit, run.workerId, run.leaseMs],
  );
  for (const row of claimed) {
    const input = await loadMatchInput(run.store, { invoiceDocumentId: row.id, partner: row.partner }, now());
    const result = matchInvoice(input, run.options);
    await decide(run, row, result);
  }
  return claimed.length;
}

async function decide(
  run: InvoiceMatchRun,
  row: { id: number; partner: string; correlation_id: string },
  result: InvoiceMatchResult,
): Promise<void> {
  await run.store.transaction(async (tx) => {
    const status = result.verdict === "approve-for-payment" ? "approved" : "held";
    const mine = await tx.query(
      `UPDATE invoice_matches SET status = $2, result = $3, decided_at = now(), lease_until = NULL
       WHERE invoice_document_id = $1 AND status = 'matching' AND claimed_by = $4 RETURNING 1`,
      [row.id, status, JSON.stringify(result), run.workerId],
    );
    if (mine.length === 0) return; // another worker took it over after this one's lease expired
    for (const e of result.exceptions) {
      await raiseException(tx, {
        code: Errors.InvoiceMismatch.code,
        rule: `invoice-match.${e.rule}`,
        urgency: e.route.urgency,
        subjectType: "trade-document",
        subjectId: String(row.id),
        system: row.partner,
        message: e.message,
        details: {
          type: e.type,
          invoiceId: e.invoiceId,
          lineId: e.lineId,
          purchaseOrderId: e.purchaseOrderId,
          purchaseOrderLineId: e.purchaseOrderLineId,
          expected: e.expected,
          actual: e.actual,
          queue: e.route.queue,
          slaHours: e.route.slaHours,
          dueAt: e.route.dueAt,
        },
        correlationId: row.correlation_id,
      });
    }
    await appendAudit(tx, [
      {
        actor: "concord",
        action: `invoice.${status}`,
        subjectType: "trade-document",
        subjectId: String(row.id),
        detail: { invoiceId: result.invoiceId, exceptions: result.exceptions.length, total: result.totals.total },
      },
    ]);
  });
}
