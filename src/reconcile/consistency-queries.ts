import type { Queryable } from "../store/index.js";

/** A run's summary rows with the agreeing share, for `GET /v1/consistency`. */
export async function readConsistency(q: Queryable, runId?: number) {
  const [run] = await q.query<{
    id: number;
    status: string;
    heal: boolean;
    startedAt: string;
    finishedAt: string | null;
    findings: number;
    findingsKept: number;
    repairEvents: number;
  }>(
    `SELECT id, status, heal, started_at AS "startedAt", finished_at AS "finishedAt", findings,
       findings_kept AS "findingsKept", repair_events AS "repairEvents"
     FROM reconciliation_runs
     WHERE ($1::bigint IS NULL AND status = 'completed') OR id = $1
     ORDER BY finished_at DESC NULLS LAST, id DESC LIMIT 1`,
    [runId ?? null],
  );
  if (!run) return undefined;
  const rows = await q.query<{
    system: string;
    entityType: string;
    compared: number;
    agreeing: number;
    missing: number;
    extra: number;
    different: number;
    unreadable: number;
    error: string | null;
  }>(
    `SELECT system, entity_type AS "entityType", compared, agreeing, missing, extra, different, unreadable, error
     FROM reconciliation_summaries WHERE run_id = $1 ORDER BY system, entity_type`,
    [run.id],
  );
  return {
    run,
    consistency: rows.map((r) => ({ ...r, agreeingShare: r.compared === 0 ? 1 : r.agreeing / r.compared })),
  };
}

/** A run's kept findings, filtered and paged by sequence (`after`). */
export async function readFindings(
  q: Queryable,
  runId: number,
  filter: { system?: string; entityType?: string; kind?: string; after?: number; limit: number },
) {
  const rows = await q.query<{ seq: number; finding: Record<string, unknown> }>(
    `SELECT seq, finding FROM reconciliation_findings
     WHERE run_id = $1 AND ($2::text IS NULL OR system = $2) AND ($3::text IS NULL OR entity_type = $3)
       AND ($4::text IS NULL OR kind = $4) AND seq > $5
     ORDER BY seq LIMIT $6`,
    [runId, filter.system ?? null, filter.entityType ?? null, filter.kind ?? null, filter.after ?? 0, filter.limit],
  );
  return rows.map((r) => ({ seq: r.seq, ...r.finding }));
}

export async function runExists(q: Queryable, runId: number): Promise<boolean> {
  return (await q.query("SELECT 1 FROM reconciliation_runs WHERE id = $1", [runId])).length > 0;
}
