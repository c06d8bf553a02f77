import { appendAudit } from "../../audit/index.js";
import type { Queryable } from "../../store/index.js";
import { scheduleTimer } from "../timers/index.js";
import { readApprovals } from "./approval-tasks.js";
import type { RequisitionDeps } from "./requisition-deps.js";
import { raiseRequisitionException } from "./requisition-exception.js";
import { readRequisition } from "./requisition-row.js";
import {
  type ApprovalKind,
  REQUISITION_ACTOR,
  REQUISITION_WORKFLOW,
  requisitionTimerKeys,
} from "./requisition-status.js";

/**
 * An approval's SLA lapsed: the task moves to the escalation owner with a new due date, and an
 * exception says who was waited for and since when. Lapsing again escalates again (one exception
 * per lapse). A task decided just before the timer fired is left alone.
 */
export async function escalateApproval(
  deps: RequisitionDeps,
  tx: Queryable,
  requisitionId: string,
  kind: ApprovalKind,
): Promise<void> {
  const row = await readRequisition(tx, requisitionId, true);
  const task = row && (await readApprovals(tx, row.id)).find((t) => t.kind === kind);
  if (row?.status !== "awaiting_approval" || task?.status !== "open") return;
  const now = deps.clock.now();
  const owner = deps.options.approvalOwners.escalation;
  const dueAt = new Date(now.getTime() + deps.options.approvalSlaMs);
  await tx.query(
    `UPDATE requisition_approvals SET owner = $3, due_at = $4, escalations = escalations + 1
     WHERE requisition_id = $1 AND kind = $2`,
    [row.id, kind, owner, dueAt.toISOString()],
  );
  const waited = Math.round(deps.options.approvalSlaMs / 60_000);
  await raiseRequisitionException(tx, {
    kind: "approval-overdue",
    requisitionId: row.id,
    owner,
    clinical: kind === "clinical",
    message: `Requisition ${row.id}: the ${kind} approval owned by ${task.owner} was not decided within ${waited} minutes; escalated to ${owner}`,
    now,
    correlationId: row.correlationId,
    details: {
      approval: kind,
      previousOwner: task.owner,
      escalations: task.escalations + 1,
      taskDueAt: dueAt.toISOString(),
    },
  });
  await scheduleTimer(tx, {
    workflow: REQUISITION_WORKFLOW,
    key: requisitionTimerKeys.approvalSla(row.id, kind),
    fireAt: dueAt,
  });
  await appendAudit(tx, [
    {
      actor: REQUISITION_ACTOR,
      action: "requisition.approval.escalated",
      subjectType: "requisition",
      subjectId: row.id,
      detail: { approval: kind, from: task.owner, to: owner },
    },
  ]);
}
