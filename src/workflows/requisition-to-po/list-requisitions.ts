import type { Queryable } from "../../store/index.js";
import { type LineStatus, trimScale } from "./requisition-row.js";
import type { RequisitionStatus } from "./requisition-status.js";

/** One line of the requisition list: enough to pick one to open (GET /v1/requisitions/{id}). */
export interface RequisitionSummary {
  readonly id: string;
  readonly status: RequisitionStatus;
  readonly facilityId: string;
  readonly costCenterId: string;
  readonly total: string;
  readonly currency: string;
  readonly lineStatus: Readonly<Record<string, LineStatus>>;
  readonly purchaseOrders: readonly string[];
  readonly openExceptions: number;
  readonly submittedAt: string;
}

/** Requisitions newest first, optionally of one status; `before` (a submittedAt) pages on. */
export async function listRequisitions(
  q: Queryable,
  filter: { status?: RequisitionStatus | undefined; before?: string | undefined; limit: number },
): Promise<RequisitionSummary[]> {
  const rows = await q.query<{
    id: string;
    status: RequisitionStatus;
    facility_id: string;
    cost_center_id: string;
    total: string;
    currency: string;
    line_status: Record<string, LineStatus>;
    orders: string[] | null;
    open_exceptions: number;
    submitted_at: Date | string;
  }>(
    `SELECT r.id, r.status, r.facility_id, r.cost_center_id, r.total::text AS total, r.currency, r.line_status,
            (SELECT array_agg(o.purchase_order_id ORDER BY o.purchase_order_id) FROM requisition_orders o
              WHERE o.requisition_id = r.id) AS orders,
            (SELECT count(*)::int FROM exceptions e
              WHERE e.subject_type = 'requisition' AND e.subject_id = r.id AND e.status = 'open') AS open_exceptions,
            r.submitted_at
       FROM requisitions r
      WHERE ($1::text IS NULL OR r.status = $1) AND ($2::timestamptz IS NULL OR r.submitted_at < $2)
      ORDER BY r.submitted_at DESC, r.id DESC
      LIMIT $3`,
    [filter.status ?? null, filter.before ?? null, filter.limit],
  );
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    facilityId: r.facility_id,
    costCenterId: r.cost_center_id,
    total: trimScale(r.total),
    currency: r.currency,
    lineStatus: r.line_status,
    purchaseOrders: r.orders ?? [],
    openExceptions: r.open_exceptions,
    submittedAt: new Date(r.submitted_at).toISOString(),
  }));
}
