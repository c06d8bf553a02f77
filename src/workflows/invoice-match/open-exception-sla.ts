import { type ExceptionEscalation, ownerChain, type Urgency } from "../../policy/index.js";
import type { Queryable } from "../../store/index.js";
import { scheduleTimer } from "../timers/index.js";
import { INVOICE_EXCEPTION_WORKFLOW, slaTimerKey } from "./invoice-exception-deps.js";

export interface NewExceptionSla {
  readonly exceptionId: number;
  readonly invoiceDocumentId: number;
  /** The queue the match routed it to (by type). */
  readonly queue: string;
  readonly urgency: Urgency;
  readonly raisedAt: string;
  readonly dueAt: string;
}

/**
 * Gives a just-raised invoice exception its owner (the first of its chain) and due time, and
 * schedules the timer that escalates it then, in the transaction that raised it: an exception never
 * exists without its SLA. No timer when the chain has no one above the first owner.
 */
export async function openExceptionSla(tx: Queryable, e: NewExceptionSla, escalation: ExceptionEscalation) {
  const chain = ownerChain(e.queue, e.urgency, escalation);
  await tx.query(
    `INSERT INTO invoice_exception_slas (exception_id, invoice_document_id, owner, level, raised_at, due_at)
     VALUES ($1, $2, $3, 0, $4, $5)`,
    [e.exceptionId, e.invoiceDocumentId, chain[0], e.raisedAt, e.dueAt],
  );
  if (chain.length > 1) {
    await scheduleTimer(tx, {
      workflow: INVOICE_EXCEPTION_WORKFLOW,
      key: slaTimerKey(e.exceptionId, 0),
      fireAt: new Date(e.dueAt),
      payload: { exceptionId: e.exceptionId },
    });
  }
}
