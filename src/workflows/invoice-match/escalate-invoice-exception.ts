import { auditChange } from "../../audit/index.js";
import { appendEvent } from "../../events/index.js";
import { INVOICE_EXCEPTION_ESCALATED } from "../../model/events/invoice-decision.js";
import { nextEscalation, ownerChain, type Urgency } from "../../policy/index.js";
import { scheduleTimer, type TimerHandler } from "../timers/index.js";
import { INVOICE_EXCEPTION_WORKFLOW, type InvoiceExceptionDeps, slaTimerKey } from "./invoice-exception-deps.js";

const ACTOR = "concord";

/**
 * The SLA timer of an invoice exception: still open at its due time, it goes one owner up its
 * chain with a new due time, an audit record and an `invoice-exception.escalated` event, and the
 * next level's timer is scheduled, all in the timer's transaction. A resolved exception, or a
 * timer left from a level already passed, changes nothing.
 */
export function invoiceExceptionTimerHandler(deps: InvoiceExceptionDeps): TimerHandler {
  return async (tx, timer, clock) => {
    const exceptionId = Number(timer.payload.exceptionId);
    const level = Number(timer.key.slice(timer.key.lastIndexOf("-") + 1));
    const [row] = await tx.query<{
      owner: string;
      level: number;
      due_at: Date;
      invoice_document_id: number;
      status: string;
      urgency: string;
      rule: string;
      system: string | null;
      details: { queue?: string; invoiceId?: string; type?: string };
      correlation_id: string | null;
    }>(
      `SELECT s.owner, s.level, s.due_at, s.invoice_document_id, x.status, x.urgency, x.rule, x.system, x.details,
         x.correlation_id
       FROM invoice_exception_slas s JOIN exceptions x ON x.id = s.exception_id
       WHERE s.exception_id = $1 FOR UPDATE OF s`,
      [exceptionId],
    );
    if (row?.status !== "open" || row.level !== level) return undefined;
    const urgency = row.urgency as Urgency;
    const chain = ownerChain(row.details.queue ?? row.owner, urgency, deps.escalation);
    const now = clock.now();
    const next = nextEscalation(chain, row.level, urgency, deps.escalation, now);
    if (!next) return undefined;
    await tx.query(
      "UPDATE invoice_exception_slas SET owner = $2, level = $3, due_at = $4, escalated_at = $5 WHERE exception_id = $1",
      [exceptionId, next.owner, next.level, next.dueAt.toISOString(), now.toISOString()],
    );
    if (nextEscalation(chain, next.level, urgency, deps.escalation, next.dueAt)) {
      await scheduleTimer(tx, {
        workflow: INVOICE_EXCEPTION_WORKFLOW,
        key: slaTimerKey(exceptionId, next.level),
        fireAt: next.dueAt,
        payload: { exceptionId },
      });
    }
    const escalation = {
      exceptionId,
      rule: row.rule.replace(/^invoice-match\./, ""),
      type: row.details.type ?? null,
      urgency,
      invoice: { documentRowId: Number(row.invoice_document_id), invoiceId: row.details.invoiceId ?? null },
      partner: row.system,
      level: next.level,
      from: row.owner,
      owner: next.owner,
      wasDueAt: new Date(row.due_at).toISOString(),
      dueAt: next.dueAt.toISOString(),
      escalatedAt: now.toISOString(),
    };
    const targets = deps.subscribers(INVOICE_EXCEPTION_ESCALATED);
    const correlationId = row.correlation_id ?? `invoice-exception-${exceptionId}`;
    const eventId = await appendEvent(
      tx,
      {
        type: INVOICE_EXCEPTION_ESCALATED,
        // One version per level: a subscriber sees the escalations of an exception in order.
        businessKey: `invoice-exception-escalation:${exceptionId}`,
        keyVersion: next.level,
        payload: escalation,
        correlationId,
      },
      targets,
    );
    await auditChange(tx, {
      actor: ACTOR,
      action: "invoice.exception.escalated",
      subjectType: "exception",
      subjectId: String(exceptionId),
      detail: { ...escalation, correlationId, eventId },
    });
    return targets.length > 0 ? deps.onOutboxWrite : undefined;
  };
}
