import type { Queryable } from "../../store/index.js";
import { type ApprovalTask, readApprovals } from "./approval-tasks.js";
import type { RequisitionCheck } from "./requisition-check.js";
import { type LineStatus, readRequisition, trimScale } from "./requisition-row.js";
import type { RequisitionStatus } from "./requisition-status.js";

export interface RequisitionView {
  readonly id: string;
  readonly status: RequisitionStatus;
  readonly facilityId: string;
  readonly costCenterId: string;
  readonly requester: string;
  readonly total: string;
  readonly currency: string;
  readonly check: RequisitionCheck;
  readonly approvals: readonly ApprovalTask[];
  readonly purchaseOrders: readonly {
    purchaseOrderId: string;
    supplierId: string;
    partner: string;
    format: string;
    total: string;
  }[];
  readonly lineStatus: Readonly<Record<string, LineStatus>>;
  readonly exceptions: readonly {
    id: number;
    rule: string;
    urgency: string;
    status: string;
    message: string;
    owner: unknown;
    dueAt: unknown;
  }[];
  readonly history: readonly { from: string | null; to: string; reason: string; actor: string; at: string }[];
  readonly submittedAt: string;
  readonly orderedAt: string | null;
}

/** Everything about one requisition a person or procurement asks for: verdict, tasks, POs, exceptions, history. */
export async function requisitionView(q: Queryable, id: string): Promise<RequisitionView | undefined> {
  const row = await readRequisition(q, id);
  if (!row) return undefined;
  const orders = await q.query<{
    purchase_order_id: string;
    supplier_id: string;
    partner: string;
    format: string;
    total: string;
  }>(
    "SELECT purchase_order_id, supplier_id, partner, format, total::text AS total FROM requisition_orders WHERE requisition_id = $1 ORDER BY purchase_order_id",
    [id],
  );
  const exceptions = await q.query<{
    id: number;
    rule: string;
    urgency: string;
    status: string;
    message: string;
    details: Record<string, unknown>;
  }>(
    "SELECT id, rule, urgency, status, message, details FROM exceptions WHERE subject_type = 'requisition' AND subject_id = $1 ORDER BY id",
    [id],
  );
  const history = await q.query<{
    from_status: string | null;
    to_status: string;
    reason: string;
    actor: string;
    at: Date;
  }>(
    "SELECT from_status, to_status, reason, actor, at FROM requisition_transitions WHERE requisition_id = $1 ORDER BY id",
    [id],
  );
  return {
    id: row.id,
    status: row.status,
    facilityId: row.body.facilityId,
    costCenterId: row.body.costCenterId,
    requester: row.body.requester,
    total: row.total,
    currency: row.currency,
    check: row.checks,
    approvals: await readApprovals(q, id),
    purchaseOrders: orders.map((o) => ({
      purchaseOrderId: o.purchase_order_id,
      supplierId: o.supplier_id,
      partner: o.partner,
      format: o.format,
      total: trimScale(o.total),
    })),
    lineStatus: row.lineStatus,
    exceptions: exceptions.map((e) => ({
      id: e.id,
      rule: e.rule,
      urgency: e.urgency,
      status: e.status,
      message: e.message,
      owner: e.details.owner,
      dueAt: e.details.dueAt,
    })),
    history: history.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      reason: h.reason,
      actor: h.actor,
      at: new Date(h.at).toISOString(),
    })),
    submittedAt: row.submittedAt.toISOString(),
    orderedAt: row.orderedAt?.toISOString() ?? null,
  };
}
