import { appendAudit, auditChange } from "../../audit/index.js";
import { Errors } from "../../errors/index.js";
import {
  DEFAULT_EXCEPTION_ESCALATION,
  type ExceptionEscalation,
  type InvoiceMatchResult,
  type MatchOptions,
  matchInvoice,
} from "../../policy/index.js";
import { type Queryable, raiseException, type Store } from "../../store/index.js";
import { invoiceExceptionById } from "../../store/queries/invoice-exception-queries.js";
import { closeInvoiceException, openInvoiceExceptions } from "./close-invoice-exception.js";
import { loadMatchInput } from "./load-match-input.js";
import { openExceptionSla } from "./open-exception-sla.js";
import { announceResolution, INVOICE_EXCEPTION_RESOLVED_EVENT } from "./resolve-invoice-exception.js";
import { type WriteBackTargets, writeBackDecision } from "./write-back-decision.js";

export interface InvoiceMatchRun {
  readonly store: Store;
  readonly workerId: string;
  /** A claimed invoice not decided within this long (crashed worker) is claimed again. */
  readonly leaseMs: number;
  readonly options?: MatchOptions;
  readonly now?: () => Date;
  /** Owners and escalation of the exceptions raised (default DEFAULT_EXCEPTION_ESCALATION). */
  readonly escalation?: ExceptionEscalation;
  /** Where a held invoice's decision goes once a receipt cured its last exception. */
  readonly writeBack?: WriteBackTargets & { readonly onOutboxWrite: () => void };
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
    if (await decide(run, row, result)) run.writeBack?.onOutboxWrite();
  }
  return claimed.length;
}

async function decide(
  run: InvoiceMatchRun,
  row: { id: number; partner: string; correlation_id: string },
  result: InvoiceMatchResult,
): Promise<boolean> {
  return run.store.transaction(async (tx) => {
    const status = result.verdict === "approve-for-payment" ? "approved" : "held";
    const mine = await tx.query(
      `UPDATE invoice_matches SET status = $2, result = $3, decided_at = now(), lease_until = NULL
       WHERE invoice_document_id = $1 AND status = 'matching' AND claimed_by = $4 RETURNING 1`,
      [row.id, status, JSON.stringify(result), run.workerId],
    );
    if (mine.length === 0) return false; // another worker took it over after this one's lease expired
    // A re-match (a receipt arrived for a held invoice) keeps what was raised before: a problem
    // still found keeps its exception (open or resolved), one no longer found is cured.
    const known = await knownExceptionKeys(tx, row.id);
    const open = await openInvoiceExceptions(tx, row.id);
    const stillFound = new Set<string>();
    let raised = 0;
    for (const e of result.exceptions) {
      const key = exceptionKey(`invoice-match.${e.rule}`, e.lineId);
      stillFound.add(key);
      if (known.has(key)) continue;
      raised++;
      const exceptionId = await raiseException(tx, {
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
          varianceAmount: e.varianceAmount,
          queue: e.route.queue,
          slaHours: e.route.slaHours,
          dueAt: e.route.dueAt,
        },
        correlationId: row.correlation_id,
      });
      await openExceptionSla(
        tx,
        {
          exceptionId,
          invoiceDocumentId: row.id,
          queue: e.route.queue,
          urgency: e.route.urgency,
          raisedAt: e.route.raisedAt,
          dueAt: e.route.dueAt,
        },
        run.escalation ?? DEFAULT_EXCEPTION_ESCALATION,
      );
    }
    const cured = open.filter((o) => !stillFound.has(exceptionKey(o.rule, o.lineId)));
    let announced = false;
    for (const c of cured) {
      await closeInvoiceException(tx, c.id, {
        code: "receipt-recorded",
        reason: "cured: matched again after a goods receipt arrived, the invoice no longer shows this problem",
        resolvedBy: ACTOR,
      });
      const targets = run.writeBack?.subscribers(INVOICE_EXCEPTION_RESOLVED_EVENT) ?? [];
      const eventId = await announceResolution(
        tx,
        (await invoiceExceptionById(tx, c.id))!,
        row.correlation_id,
        targets,
      );
      announced ||= targets.length > 0;
      await auditChange(tx, {
        actor: ACTOR,
        action: "invoice.exception.resolved",
        subjectType: "exception",
        subjectId: String(c.id),
        detail: { code: "receipt-recorded", rule: c.rule, invoiceDocumentId: row.id, cured: true, eventId },
      });
    }
    const stillOpen = open.length - cured.length + raised;
    let wrote = false;
    if (known.size > 0 && stillOpen === 0 && run.writeBack) {
      // Held before, nothing open now: decided by what was resolved, and written back.
      wrote = (
        await writeBackDecision(tx, run.writeBack, {
          invoiceDocumentId: row.id,
          partner: row.partner,
          decidedBy: ACTOR,
          now: (run.now ?? (() => new Date()))(),
          correlationId: row.correlation_id,
        })
      ).delivered;
    } else if (status === "approved" && stillOpen > 0) {
      await tx.query("UPDATE invoice_matches SET status = 'held' WHERE invoice_document_id = $1", [row.id]);
    } else if (status === "held" && stillOpen === 0) {
      // Every problem found again had been resolved already, but no write-back is configured.
      await tx.query("UPDATE invoice_matches SET status = 'approved' WHERE invoice_document_id = $1", [row.id]);
    }
    await appendAudit(tx, [
      {
        actor: ACTOR,
        action: `invoice.${stillOpen > 0 ? "held" : "approved"}`,
        subjectType: "trade-document",
        subjectId: String(row.id),
        detail: {
          invoiceId: result.invoiceId,
          exceptions: result.exceptions.length,
          raised,
          cured: cured.length,
          total: result.totals.total,
        },
      },
    ]);
    return wrote || announced;
  });
}

const ACTOR = "concord";

function exceptionKey(rule: string, lineId: string | null | undefined): string {
  return `${rule}\u0000${lineId ?? ""}`;
}

/** Every match exception raised for the invoice so far (open or resolved), by rule and line. */
async function knownExceptionKeys(tx: Queryable, invoiceDocumentId: number): Promise<Set<string>> {
  const rows = await tx.query<{ rule: string; details: { lineId?: string | null } }>(
    `SELECT rule, details FROM exceptions
     WHERE subject_type = 'trade-document' AND subject_id = $1 AND rule LIKE 'invoice-match.%'`,
    [String(invoiceDocumentId)],
  );
  return new Set(rows.map((r) => exceptionKey(r.rule, r.details?.lineId)));
}
