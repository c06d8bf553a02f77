import type { Queryable } from "../store.js";

export interface TargetHealthRow {
  readonly target: string;
  /** Attempts finished in the window, and those that did not deliver (retry, failed, dead). */
  readonly attempts: number;
  readonly errors: number;
  readonly errorRate: number | null;
  /** Attempt durations (claim to outcome) in the window. */
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly lastAttemptAt: string | null;
  readonly backlog: { readonly pending: number; readonly inFlight: number; readonly oldestWaitingSince: string | null };
  readonly deadLetters: number;
  /** The target asked Concord to wait (Retry-After: a maintenance window or throttling) until then. */
  readonly waitingUntil: string | null;
}

/** Health of every target that has deliveries: latency and errors over the window, backlog and dead letters now. */
export async function readTargetHealth(q: Queryable, since: Date): Promise<TargetHealthRow[]> {
  const attempts = await q.query<{
    target: string;
    attempts: number;
    errors: number;
    p50: number | null;
    p95: number | null;
    last: Date;
  }>(
    `SELECT d.target, count(*)::int AS attempts,
       count(*) FILTER (WHERE a.outcome IN ('retry', 'failed', 'dead'))::int AS errors,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (a.finished_at - a.started_at)) * 1000) AS p50,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM (a.finished_at - a.started_at)) * 1000) AS p95,
       max(a.finished_at) AS last
     FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id
     WHERE a.finished_at >= $1 GROUP BY d.target`,
    [since],
  );
  const queues = await q.query<{
    target: string;
    pending: number;
    in_flight: number;
    dead: number;
    oldest: Date | null;
  }>(
    `SELECT target,
       count(*) FILTER (WHERE status = 'pending')::int AS pending,
       count(*) FILTER (WHERE status = 'in_flight')::int AS in_flight,
       count(*) FILTER (WHERE status = 'dead')::int AS dead,
       min(created_at) FILTER (WHERE status IN ('pending', 'in_flight')) AS oldest
     FROM deliveries WHERE status IN ('pending', 'in_flight', 'dead') GROUP BY target`,
  );
  // Only attempts still waiting matter: the latest Retry-After whose time has not come.
  const waits = await q.query<{ target: string; until: Date }>(
    `SELECT d.target, max(a.next_attempt_at) AS until
     FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id
     WHERE a.retry_after_ms IS NOT NULL AND a.next_attempt_at > now() AND d.status IN ('pending', 'in_flight')
     GROUP BY d.target`,
  );
  const names = [...new Set([...attempts, ...queues].map((r) => r.target))].sort();
  const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
  return names.map((target) => {
    const a = attempts.find((r) => r.target === target);
    const b = queues.find((r) => r.target === target);
    return {
      target,
      attempts: a?.attempts ?? 0,
      errors: a?.errors ?? 0,
      errorRate: a && a.attempts > 0 ? a.errors / a.attempts : null,
      p50Ms: a?.p50 == null ? null : Math.round(Number(a.p50)),
      p95Ms: a?.p95 == null ? null : Math.round(Number(a.p95)),
      lastAttemptAt: iso(a?.last),
      backlog: { pending: b?.pending ?? 0, inFlight: b?.in_flight ?? 0, oldestWaitingSince: iso(b?.oldest) },
      deadLetters: b?.dead ?? 0,
      waitingUntil: iso(waits.find((w) => w.target === target)?.until),
    };
  });
}
