import { auditChange } from "../../audit/index.js";
import { Errors } from "../../errors/index.js";
import { appendEvent, type EventTarget } from "../../events/index.js";
import type { InvoiceResolutionCode } from "../../policy/index.js";
import type { Queryable } from "../../store/index.js";
import { type InvoiceException, invoiceExceptionById } from "../../store/queries/invoice-exception-queries.js";
import { closeInvoiceException, openInvoiceExceptions } from "./close-invoice-exception.js";
import type { InvoiceExceptionDeps } from "./invoice-exception-deps.js";
import { writeBackDecision } from "./write-back-decision.js";

export { INVOICE_RESOLUTION_CODES, type InvoiceResolutionCode } from "../../policy/index.js";

/** The outbox event a resolution writes: targets subscribe to it by type (their `events` config). */
export const INVOICE_EXCEPTION_RESOLVED_EVENT = "invoice.exception.resolved";

export type ResolveInvoiceExceptionDeps = Omit<InvoiceExceptionDeps, "escalation">;

export interface InvoiceExceptionResolution {
  readonly exceptionId: number;
  readonly code: InvoiceResolutionCode;
  readonly reason: string;
  /** The authenticated client that resolved it. */
  readonly resolvedBy: string;
  /** Used when the exception carries no correlation id of its own. */
  readonly correlationId: string;
}

export interface ResolvedInvoiceException {
  readonly exception: InvoiceException;
  readonly eventId: number;
  /** Set when this resolution decided the invoice (its last open exception, or a rejection). */
  readonly invoice?: { readonly status: "approved" | "rejected"; readonly decisionEventId: number };
}

/**
 * Resolves one invoice exception in one transaction: the resolution (who, code, reason), its SLA
 * timer cancelled, an `invoice.exception.resolved` outbox event and an audit record. A rejection
 * closes the invoice's other open exceptions with it. When no open exception is left on a held
 * invoice, the invoice is decided in the same transaction and written back (writeBackDecision).
 * The row is locked first, so of two concurrent resolutions one wins and the other is refused.
 *
 * @example await resolveInvoiceException(deps, { exceptionId: 7, code: "short-pay", reason: "…", resolvedBy: "ap-desk", correlationId })
 */
export async function resolveInvoiceException(
  deps: ResolveInvoiceExceptionDeps,
  r: InvoiceExceptionResolution,
): Promise<ResolvedInvoiceException> {
  const targets = deps.subscribers(INVOICE_EXCEPTION_RESOLVED_EVENT);
  let wrote = targets.length > 0;
  const result = await deps.store.transaction(async (tx) => {
    const found = await invoiceExceptionById(tx, r.exceptionId);
    if (!found) throw Errors.NotFound(`no invoice exception ${r.exceptionId}`, { id: r.exceptionId });
    // The match row first, then the exception: the order every writer of an invoice takes locks in.
    const [match] = await tx.query<{ status: string; partner: string }>(
      "SELECT status, partner FROM invoice_matches WHERE invoice_document_id = $1 FOR UPDATE",
      [found.invoice.documentRowId],
    );
    const open = (await invoiceExceptionById(tx, r.exceptionId, { forUpdate: true }))!;
    if (open.status === "resolved") {
      const by = open.resolution!;
      throw Errors.ExceptionResolved(
        `invoice exception ${r.exceptionId} was already resolved by ${by.resolvedBy ?? "an earlier process"} at ${by.resolvedAt} (${by.code ?? "no code"})`,
        { id: r.exceptionId, resolution: by },
      );
    }
    await closeInvoiceException(tx, r.exceptionId, r);
    const exception = (await invoiceExceptionById(tx, r.exceptionId))!;
    const correlationId = exception.correlationId ?? r.correlationId;
    const eventId = await announceResolution(tx, exception, correlationId, targets);
    const siblings = await openInvoiceExceptions(tx, exception.invoice.documentRowId);
    if (r.code === "rejected") {
      // A rejected invoice is not paid whatever else is wrong with it: its other exceptions close with it.
      for (const s of siblings) {
        await closeInvoiceException(tx, s.id, {
          code: "rejected",
          reason: `the invoice was rejected with exception ${exception.id}: ${r.reason}`,
          resolvedBy: r.resolvedBy,
        });
        await announceResolution(tx, (await invoiceExceptionById(tx, s.id))!, correlationId, targets);
      }
    }
    await auditChange(tx, {
      actor: r.resolvedBy,
      action: "invoice.exception.resolved",
      subjectType: "exception",
      subjectId: String(exception.id),
      detail: {
        correlationId,
        code: r.code,
        reason: r.reason,
        rule: exception.rule,
        invoiceDocumentId: exception.invoice.documentRowId,
        eventId,
        ...(r.code === "rejected" && siblings.length > 0 ? { closedWithIt: siblings.map((s) => s.id) } : {}),
      },
    });
    const last = r.code === "rejected" || siblings.length === 0;
    if (!last || match?.status !== "held") return { exception, eventId };
    const decided = await writeBackDecision(tx, deps, {
      invoiceDocumentId: exception.invoice.documentRowId,
      partner: match.partner,
      decidedBy: r.resolvedBy,
      now: deps.clock.now(),
      correlationId,
    });
    wrote ||= decided.delivered;
    return { exception, eventId, invoice: { status: decided.status, decisionEventId: decided.eventId } };
  });
  if (wrote) deps.onOutboxWrite();
  return result;
}

/**
 * The `invoice.exception.resolved` outbox event of an exception just closed, however it closed (a
 * person's resolution, a rejection of its invoice, a receipt that cured it), to the targets that
 * subscribe to it. Returns the event id.
 */
export async function announceResolution(
  tx: Queryable,
  exception: InvoiceException,
  correlationId: string,
  targets: readonly EventTarget[],
): Promise<number> {
  return appendEvent(
    tx,
    {
      type: INVOICE_EXCEPTION_RESOLVED_EVENT,
      businessKey: `invoice-exception:${exception.id}`,
      // An exception is resolved once, so its key has one version.
      keyVersion: 1,
      payload: {
        exceptionId: exception.id,
        type: exception.type,
        rule: exception.rule,
        invoice: exception.invoice,
        lineId: exception.lineId,
        purchaseOrderId: exception.purchaseOrderId,
        purchaseOrderLineId: exception.purchaseOrderLineId,
        resolution: exception.resolution,
      },
      correlationId,
    },
    targets,
  );
}
