import { appendAudit, canonicalJson } from "../../audit/index.js";
import { Errors } from "../../errors/index.js";
import type { Requisition } from "../../model/index.js";
import type { Queryable } from "../../store/index.js";
import { scheduleTimer } from "../timers/index.js";
import { checkRequisition, type RequisitionCheck } from "./requisition-check.js";
import type { RequisitionDeps } from "./requisition-deps.js";
import { raiseRequisitionException } from "./requisition-exception.js";
import { transition } from "./requisition-row.js";
import { REQUISITION_WORKFLOW, type RequisitionStatus, requisitionTimerKeys } from "./requisition-status.js";

export interface SubmittedRequisition {
  readonly id: string;
  readonly status: RequisitionStatus;
  /** False when this id was submitted before with the same content: the first answer, unchanged. */
  readonly created: boolean;
}

/**
 * Takes a requisition from procurement in one transaction: the synchronous check, the row, its
 * first transition, and what the verdict causes: exceptions for what blocks it, approval tasks
 * with their SLA timers, or (nothing needed) the timer that issues its PO in a worker. The same
 * id sent again with the same content is answered as before; with other content it is refused.
 */
export async function submitRequisition(
  deps: RequisitionDeps,
  req: Requisition,
  meta: { readonly requestedBy: string | undefined; readonly correlationId: string },
): Promise<SubmittedRequisition> {
  const now = deps.clock.now();
  const today = now.toISOString().slice(0, 10);
  const actor = meta.requestedBy ?? "procurement";
  let due = false;
  const submitted = await deps.store.transaction(async (tx) => {
    const [before] = await tx.query<{ status: RequisitionStatus; body: Requisition }>(
      "SELECT status, body FROM requisitions WHERE id = $1 FOR UPDATE",
      [req.id],
    );
    if (before) {
      if (canonicalJson(before.body) !== canonicalJson(req))
        throw Errors.RequisitionState(`requisition ${req.id} was already submitted with other content`, {
          requisitionId: req.id,
          pointer: "/id",
        });
      return { id: req.id, status: before.status, created: false };
    }
    const check = await checkRequisition(tx, deps.options, req, today);
    const status: RequisitionStatus = check.blocked
      ? "blocked"
      : check.approvals.length > 0
        ? "awaiting_approval"
        : "approved";
    await tx.query(
      `INSERT INTO requisitions (id, status, body, facility_id, cost_center_id, fiscal_year, total, currency, checks,
         requested_by, correlation_id, submitted_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
      [
        req.id,
        status,
        JSON.stringify(req),
        req.facilityId,
        req.costCenterId,
        check.budget.fiscalYear,
        check.total,
        check.currency,
        JSON.stringify(check),
        meta.requestedBy ?? null,
        meta.correlationId,
        now.toISOString(),
      ],
    );
    await transition(tx, { id: req.id, from: null, to: status, reason: reasonOf(check), actor, at: now });
    if (check.blocked) await raiseBlockers(tx, req, check, now, meta.correlationId);
    for (const a of check.approvals.filter(() => !check.blocked)) {
      const dueAt = new Date(now.getTime() + deps.options.approvalSlaMs);
      await tx.query(
        `INSERT INTO requisition_approvals (requisition_id, kind, owner, reason, due_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [req.id, a.kind, deps.options.approvalOwners[a.kind], a.reason, dueAt.toISOString(), now.toISOString()],
      );
      await scheduleTimer(tx, {
        workflow: REQUISITION_WORKFLOW,
        key: requisitionTimerKeys.approvalSla(req.id, a.kind),
        fireAt: dueAt,
      });
    }
    if (status === "approved") {
      await scheduleTimer(tx, { workflow: REQUISITION_WORKFLOW, key: requisitionTimerKeys.issue(req.id), fireAt: now });
      due = true;
    }
    await appendAudit(tx, [
      {
        actor,
        action: "requisition.submitted",
        subjectType: "requisition",
        subjectId: req.id,
        detail: { status, total: check.total, approvals: check.approvals.map((a) => a.kind), blocked: check.blocked },
      },
    ]);
    return { id: req.id, status, created: true };
  });
  if (due) deps.onTimerDue();
  return submitted;
}

function reasonOf(check: RequisitionCheck): string {
  if (check.blocked) {
    const failed = check.lines.filter((l) => l.outcome === "failed").map((l) => l.lineId);
    return [
      failed.length > 0 ? `line(s) ${failed.join(", ")} failed their checks` : "",
      check.budget.outcome === "failed" ? check.budget.reason : "",
    ]
      .filter(Boolean)
      .join("; ");
  }
  if (check.approvals.length > 0) return `needs approval: ${check.approvals.map((a) => a.reason).join("; ")}`;
  return "every check passed; no approval needed";
}

/** One exception per thing that blocks the requisition, each routed to who can fix it. */
async function raiseBlockers(
  tx: Queryable,
  req: Requisition,
  check: RequisitionCheck,
  now: Date,
  correlationId: string,
): Promise<void> {
  for (const line of check.lines) {
    for (const c of line.checks.filter((c) => c.outcome === "failed")) {
      await raiseRequisitionException(tx, {
        kind: c.check === "item-active" ? "item-inactive" : "no-price",
        requisitionId: req.id,
        message: `Requisition ${req.id} line ${line.lineId} (${line.itemId}): ${c.reason}`,
        now,
        correlationId,
        details: { lineId: line.lineId, itemId: line.itemId },
      });
    }
  }
  if (check.budget.outcome === "failed") {
    await raiseRequisitionException(tx, {
      kind: "over-budget",
      requisitionId: req.id,
      message: `Requisition ${req.id}: ${check.budget.reason}`,
      now,
      correlationId,
      details: { costCenterId: req.costCenterId, total: check.total, available: check.budget.available },
    });
  }
}
