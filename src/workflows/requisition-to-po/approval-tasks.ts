import type { Queryable } from "../../store/index.js";
import type { ApprovalKind } from "./requisition-status.js";

/** A human task: one approval a requisition waits for, owned by a role until decided. */
export interface ApprovalTask {
  readonly kind: ApprovalKind;
  readonly owner: string;
  readonly reason: string;
  readonly status: "open" | "approved" | "rejected" | "cancelled";
  readonly dueAt: string;
  readonly escalations: number;
  readonly decidedBy: string | null;
  readonly comment: string | null;
  readonly decidedAt: string | null;
}

/** A requisition's approval tasks in the order they were created. */
export async function readApprovals(q: Queryable, requisitionId: string): Promise<ApprovalTask[]> {
  const rows = await q.query<{
    kind: ApprovalKind;
    owner: string;
    reason: string;
    status: ApprovalTask["status"];
    due_at: Date;
    escalations: number;
    decided_by: string | null;
    comment: string | null;
    decided_at: Date | null;
  }>(
    `SELECT kind, owner, reason, status, due_at, escalations, decided_by, comment, decided_at
     FROM requisition_approvals WHERE requisition_id = $1 ORDER BY id`,
    [requisitionId],
  );
  return rows.map((r) => ({
    kind: r.kind,
    owner: r.owner,
    reason: r.reason,
    status: r.status,
    dueAt: new Date(r.due_at).toISOString(),
    escalations: r.escalations,
    decidedBy: r.decided_by,
    comment: r.comment,
    decidedAt: r.decided_at && new Date(r.decided_at).toISOString(),
  }));
}

/** Open approval tasks, oldest due first: a role's work queue (all roles when `owner` is not given). */
export async function openApprovalTasks(
  q: Queryable,
  owner: string | undefined,
  limit: number,
): Promise<(ApprovalTask & { requisitionId: string })[]> {
  const rows = await q.query<{ requisition_id: string; kind: ApprovalKind }>(
    `SELECT requisition_id, kind FROM requisition_approvals
     WHERE status = 'open' AND ($1::text IS NULL OR owner = $1) ORDER BY due_at, id LIMIT $2`,
    [owner ?? null, limit],
  );
  const out: (ApprovalTask & { requisitionId: string })[] = [];
  for (const r of rows) {
    const task = (await readApprovals(q, r.requisition_id)).find((t) => t.kind === r.kind);
    if (task) out.push({ ...task, requisitionId: r.requisition_id });
  }
  return out;
}
