import { appendAudit } from "../../audit/index.js";
import { Errors } from "../../errors/index.js";
import { cancelTimer, scheduleTimer } from "../timers/index.js";
import { type ApprovalTask, readApprovals } from "./approval-tasks.js";
import type { RequisitionDeps } from "./requisition-deps.js";
import { readRequisition, transition } from "./requisition-row.js";
import {
  type ApprovalKind,
  REQUISITION_WORKFLOW,
  type RequisitionStatus,
  requisitionTimerKeys,
} from "./requisition-status.js";

export interface RequisitionDecision {
  readonly requisitionId: string;
  readonly kind: ApprovalKind;
  /** The authenticated client, never a name the caller types in. */
  readonly approver: string | undefined;
  readonly decision: "approve" | "reject";
  readonly comment?: string | undefined;
}

/**
 * A person's decision on one approval task, in one transaction with what it causes: a rejection
 * ends the requisition (its other tasks are cancelled); the last approval makes it `approved` and
 * schedules the PO issue step. The requester may not approve their own requisition, and a role
 * with a list of approvers takes decisions from those clients only.
 */
export async function decideRequisitionApproval(
  deps: RequisitionDeps,
  d: RequisitionDecision,
): Promise<{ requisitionId: string; status: RequisitionStatus; approvals: readonly ApprovalTask[] }> {
  let due = false;
  const outcome = await deps.store.transaction(async (tx) => {
    const row = await readRequisition(tx, d.requisitionId, true);
    if (!row) throw Errors.NotFound(`no requisition ${d.requisitionId}`, { requisitionId: d.requisitionId });
    const task = (await readApprovals(tx, row.id)).find((t) => t.kind === d.kind);
    if (!task) throw Errors.NotFound(`requisition ${row.id} has no ${d.kind} approval`, { requisitionId: row.id });
    if (row.status !== "awaiting_approval" || task.status !== "open")
      throw Errors.RequisitionState(
        `requisition ${row.id} is ${row.status} and its ${d.kind} approval is ${task.status}; there is nothing to decide`,
        { requisitionId: row.id, status: row.status, approval: task.status },
      );
    if (!d.approver)
      throw Errors.RequisitionApprover("a decision needs an authenticated client to record as the approver", {
        requisitionId: row.id,
      });
    if (row.requestedBy && d.approver === row.requestedBy)
      throw Errors.RequisitionApprover(`${d.approver} submitted requisition ${row.id} and may not approve it`, {
        requisitionId: row.id,
      });
    const allowed = deps.options.approvers[task.owner];
    if (allowed && !allowed.includes(d.approver))
      throw Errors.RequisitionApprover(`${d.approver} is not an approver for ${task.owner}`, {
        requisitionId: row.id,
        owner: task.owner,
      });
    const now = deps.clock.now();
    await tx.query(
      `UPDATE requisition_approvals SET status = $3, decided_by = $4, comment = $5, decided_at = $6
       WHERE requisition_id = $1 AND kind = $2`,
      [
        row.id,
        d.kind,
        d.decision === "approve" ? "approved" : "rejected",
        d.approver,
        d.comment ?? null,
        now.toISOString(),
      ],
    );
    await cancelTimer(tx, REQUISITION_WORKFLOW, requisitionTimerKeys.approvalSla(row.id, d.kind));
    let status: RequisitionStatus = row.status;
    const said = `${d.approver}${d.comment ? `: ${d.comment}` : ""}`;
    if (d.decision === "reject") {
      const open = await tx.query<{ kind: ApprovalKind }>(
        `UPDATE requisition_approvals SET status = 'cancelled' WHERE requisition_id = $1 AND status = 'open' RETURNING kind`,
        [row.id],
      );
      for (const o of open)
        await cancelTimer(tx, REQUISITION_WORKFLOW, requisitionTimerKeys.approvalSla(row.id, o.kind));
      await transition(tx, {
        id: row.id,
        from: "awaiting_approval",
        to: "rejected",
        reason: `${d.kind} approval rejected by ${said}`,
        actor: d.approver,
        at: now,
      });
      status = "rejected";
    } else if ((await readApprovals(tx, row.id)).every((t) => t.status === "approved")) {
      await transition(tx, {
        id: row.id,
        from: "awaiting_approval",
        to: "approved",
        reason: `every approval given; last: ${d.kind} by ${said}`,
        actor: d.approver,
        at: now,
      });
      await scheduleTimer(tx, { workflow: REQUISITION_WORKFLOW, key: requisitionTimerKeys.issue(row.id), fireAt: now });
      status = "approved";
      due = true;
    }
    // An escalation's exception is settled by the decision it was waiting for.
    await tx.query(
      `UPDATE exceptions SET status = 'resolved', resolved_at = $3, resolution = $4
       WHERE subject_type = 'requisition' AND subject_id = $1 AND rule = 'requisition.approval-overdue'
         AND details ->> 'approval' = $2 AND status = 'open'`,
      [row.id, d.kind, now.toISOString(), `${d.decision === "approve" ? "approved" : "rejected"} by ${d.approver}`],
    );
    await appendAudit(tx, [
      {
        actor: d.approver,
        action: `requisition.${d.decision === "approve" ? "approved" : "rejected"}`,
        subjectType: "requisition",
        subjectId: row.id,
        detail: { approval: d.kind, status, ...(d.comment ? { comment: d.comment } : {}) },
      },
    ]);
    return { requisitionId: row.id, status, approvals: await readApprovals(tx, row.id) };
  });
  if (due) deps.onTimerDue();
  return outcome;
}
