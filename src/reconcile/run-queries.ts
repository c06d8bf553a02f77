import type { Queryable } from "../store/index.js";

// A type, not an interface: query rows need an index signature.
export type ReconcileRunView = {
  readonly id: number;
  readonly status: "requested" | "running" | "completed" | "failed";
  readonly trigger: "command" | "api" | "schedule";
  readonly requestedBy: string | null;
  readonly heal: boolean;
  readonly entityTypes: readonly string[] | null;
  readonly requestedAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly attempts: number;
  readonly findings: number;
  readonly repairEvents: number;
  readonly error: string | null;
};

const COLUMNS = `id, status, trigger, requested_by AS "requestedBy", heal, entity_types AS "entityTypes",
  requested_at AS "requestedAt", CASE WHEN status = 'requested' THEN NULL ELSE started_at END AS "startedAt",
  finished_at AS "finishedAt", attempts, findings, repair_events AS "repairEvents", error`;

/** Reconciliation runs, newest first (GET /v1/reconciliation-runs). */
export function listReconcileRuns(q: Queryable, limit: number): Promise<ReconcileRunView[]> {
  return q.query<ReconcileRunView>(`SELECT ${COLUMNS} FROM reconciliation_runs ORDER BY id DESC LIMIT $1`, [limit]);
}

export async function readReconcileRun(q: Queryable, id: number): Promise<ReconcileRunView | undefined> {
  const rows = await q.query<ReconcileRunView>(`SELECT ${COLUMNS} FROM reconciliation_runs WHERE id = $1`, [id]);
  return rows[0];
}
