import type { Queryable } from "../store.js";
import { bucketIndexSql, bucketStarts, type TimeWindow } from "./process-health/time-window.js";

/** API calls refused by governance: unauthenticated, outside the client's scope or systems, throttled. */
export const REFUSED_STATUSES = [401, 403, 429] as const;

/**
 * Policy violations over the window: ownership (a system changing data it does not own, from
 * policy_violations) and governance (API calls refused, from the audit log), per bucket, by rule
 * and by system, and the latest of each.
 */
export async function violationTrend(q: Queryable, w: TimeWindow) {
  const ownership = await q.query<{ bucket: number; n: number }>(
    `SELECT ${bucketIndexSql("created_at", "$3")} AS bucket, count(*)::int AS n FROM policy_violations
     WHERE created_at >= $1 AND created_at < $2 GROUP BY 1`,
    [w.from, w.to, w.bucketMs],
  );
  const refused = await q.query<{ bucket: number; n: number }>(
    `SELECT ${bucketIndexSql("at", "$3")} AS bucket, count(*)::int AS n FROM audit_log
     WHERE action = 'api.call' AND (detail ->> 'status')::int = ANY($4::int[]) AND at >= $1 AND at < $2 GROUP BY 1`,
    [w.from, w.to, w.bucketMs, REFUSED_STATUSES],
  );
  const byRule = await q.query<{ rule: string; system: string; count: number }>(
    `SELECT rule, system, count(*)::int AS count FROM policy_violations
     WHERE created_at >= $1 AND created_at < $2 GROUP BY rule, system ORDER BY count DESC, rule, system`,
    [w.from, w.to],
  );
  const refusedBy = await q.query<{ actor: string; route: string; status: number; count: number }>(
    `SELECT actor, detail ->> 'route' AS route, (detail ->> 'status')::int AS status, count(*)::int AS count
     FROM audit_log WHERE action = 'api.call' AND (detail ->> 'status')::int = ANY($3::int[]) AND at >= $1 AND at < $2
     GROUP BY 1, 2, 3 ORDER BY count DESC, actor LIMIT 50`,
    [w.from, w.to, REFUSED_STATUSES],
  );
  const recent = await q.query(
    `SELECT id, rule, system, entity_type AS "entityType", entity_id AS "entityId", field_groups AS "fieldGroups",
       message, correlation_id AS "correlationId", created_at AS "createdAt"
     FROM policy_violations WHERE created_at >= $1 AND created_at < $2 ORDER BY id DESC LIMIT 50`,
    [w.from, w.to],
  );
  const count = (rows: { bucket: number; n: number }[], i: number) => rows.find((r) => r.bucket === i)?.n ?? 0;
  return {
    series: bucketStarts(w).map((at, i) => ({
      at: at.toISOString(),
      ownership: count(ownership, i),
      refused: count(refused, i),
    })),
    totals: { ownership: ownership.reduce((n, r) => n + r.n, 0), refused: refused.reduce((n, r) => n + r.n, 0) },
    byRule,
    refusedCalls: refusedBy,
    recent,
  };
}
