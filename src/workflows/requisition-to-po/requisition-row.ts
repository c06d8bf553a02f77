import type { Requisition } from "../../model/index.js";
import type { Queryable } from "../../store/index.js";
import type { RequisitionCheck } from "./requisition-check.js";
import type { RequisitionStatus } from "./requisition-status.js";

/** A line's status as the supplier confirmed it; `ordered` until its confirmation arrives. */
export type LineStatus = "ordered" | "accepted" | "backordered" | "changed" | "rejected";

/** A requisition as stored (requisitions). */
export interface RequisitionRow {
  readonly id: string;
  readonly status: RequisitionStatus;
  readonly body: Requisition;
  readonly fiscalYear: number;
  readonly total: string;
  readonly currency: string;
  readonly checks: RequisitionCheck;
  readonly lineStatus: Readonly<Record<string, LineStatus>>;
  readonly requestedBy: string | null;
  readonly correlationId: string;
  readonly submittedAt: Date;
  readonly orderedAt: Date | null;
}

const COLUMNS = `id, status, body, fiscal_year AS "fiscalYear", total::text AS total, currency, checks,
  line_status AS "lineStatus", requested_by AS "requestedBy", correlation_id AS "correlationId",
  submitted_at AS "submittedAt", ordered_at AS "orderedAt"`;

/** One requisition; `lock` takes its row lock for a transition in the caller's transaction. */
export async function readRequisition(q: Queryable, id: string, lock = false): Promise<RequisitionRow | undefined> {
  const [row] = await q.query<RequisitionRow & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM requisitions WHERE id = $1${lock ? " FOR UPDATE" : ""}`,
    [id],
  );
  return (
    row && {
      ...row,
      total: trimScale(row.total),
      submittedAt: new Date(row.submittedAt),
      orderedAt: row.orderedAt && new Date(row.orderedAt),
    }
  );
}

/** numeric(18,4) comes back as "1234.5000": money is shown with two decimals unless it needs more. */
export function trimScale(n: string): string {
  return n.replace(/(\.\d\d\d?\d?)$/, (f) => f.replace(/0+$/, "").padEnd(3, "0"));
}

/** Moves a requisition from `from` to `to` and records why; false when another step moved it first. */
export async function transition(
  tx: Queryable,
  t: {
    readonly id: string;
    readonly from: RequisitionStatus | readonly RequisitionStatus[] | null;
    readonly to: RequisitionStatus;
    readonly reason: string;
    readonly actor: string;
    readonly at: Date;
  },
): Promise<boolean> {
  let previous: string | null = null;
  if (t.from !== null) {
    const from = typeof t.from === "string" ? [t.from] : [...t.from];
    const [moved] = await tx.query<{ previous: string }>(
      `UPDATE requisitions r SET status = $2, updated_at = $4
       FROM (SELECT id, status AS previous FROM requisitions WHERE id = $1) p
       WHERE r.id = p.id AND r.status = ANY($3::text[]) RETURNING p.previous`,
      [t.id, t.to, from, t.at.toISOString()],
    );
    if (!moved) return false;
    previous = moved.previous;
  }
  await tx.query(
    `INSERT INTO requisition_transitions (requisition_id, from_status, to_status, reason, actor, at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [t.id, previous, t.to, t.reason, t.actor, t.at.toISOString()],
  );
  return true;
}
