import type { Queryable, Store } from "../../store/index.js";
import type { Clock } from "./clock.js";

export interface FiredTimer {
  readonly id: number;
  readonly workflow: string;
  readonly key: string;
  readonly fireAt: Date;
  readonly payload: Record<string, unknown>;
  /** 1 on the first try; more after a handler failed or a worker died while firing it. */
  readonly attempt: number;
}

/**
 * Fires a timer inside the transaction that marks it fired: what the handler writes and the
 * "fired" mark commit together or not at all. A handler must check the state it acts on (the
 * event a timeout waited for may have arrived just before), which is what makes firing safe.
 */
export type TimerHandler = (tx: Queryable, timer: FiredTimer, clock: Clock) => Promise<AfterCommit | undefined>;

/** What a handler wants done once its transaction committed (wake the dispatcher for its events). */
export type AfterCommit = () => void;

export interface TimerRun {
  readonly store: Store;
  readonly workerId: string;
  /** A timer claimed but not fired within this long (crashed worker) is claimed again. */
  readonly leaseMs: number;
  readonly clock: Clock;
  /** Handlers by workflow; timers of other workflows are left to processes that have theirs. */
  readonly handlers: ReadonlyMap<string, TimerHandler>;
  /** First delay after a handler failed; doubles per attempt, at most an hour. Default 5 s. */
  readonly retryDelayMs?: number;
  readonly onError?: (e: unknown, timer: FiredTimer) => void;
}

const MAX_RETRY_MS = 3_600_000;

/**
 * One round: claims up to `limit` due timers (due by the run's clock; SKIP LOCKED, leased by the
 * database's own time, since a lease is about a process being alive, not about business time)
 * and fires each in its own transaction, only while this worker still holds its claim.
 * Returns how many were claimed.
 */
export async function runDueTimers(run: TimerRun, limit = 20): Promise<number> {
  const workflows = [...run.handlers.keys()];
  if (workflows.length === 0) return 0;
  const claimed = await run.store.query<{
    id: number;
    workflow: string;
    timer_key: string;
    fire_at: Date;
    payload: Record<string, unknown>;
    attempts: number;
  }>(
    `WITH due AS (
       SELECT id FROM workflow_timers
       WHERE workflow = ANY($1::text[])
         AND ((status = 'scheduled' AND fire_at <= $2) OR (status = 'firing' AND lease_until < now()))
       ORDER BY fire_at, id LIMIT $3 FOR UPDATE SKIP LOCKED
     )
     UPDATE workflow_timers t SET status = 'firing', claimed_by = $4, attempts = t.attempts + 1,
       lease_until = now() + make_interval(secs => $5::float8 / 1000)
     FROM due WHERE t.id = due.id
     RETURNING t.id, t.workflow, t.timer_key, t.fire_at, t.payload, t.attempts`,
    [workflows, run.clock.now().toISOString(), limit, run.workerId, run.leaseMs],
  );
  for (const row of claimed.sort((a, b) => new Date(a.fire_at).getTime() - new Date(b.fire_at).getTime())) {
    const timer: FiredTimer = {
      id: row.id,
      workflow: row.workflow,
      key: row.timer_key,
      fireAt: new Date(row.fire_at),
      payload: row.payload ?? {},
      attempt: row.attempts,
    };
    try {
      const after = await run.store.transaction(async (tx) => {
        const mine = await tx.query(
          `UPDATE workflow_timers SET status = 'fired', fired_at = $3, lease_until = NULL, last_error = NULL
           WHERE id = $1 AND status = 'firing' AND claimed_by = $2 RETURNING 1`,
          [timer.id, run.workerId, run.clock.now().toISOString()],
        );
        if (mine.length === 0) return undefined; // taken over by another worker after this one's lease ran out
        return run.handlers.get(timer.workflow)!(tx, timer, run.clock);
      });
      after?.();
    } catch (e) {
      run.onError?.(e, timer);
      const delay = Math.min(MAX_RETRY_MS, (run.retryDelayMs ?? 5_000) * 2 ** (timer.attempt - 1));
      await run.store.query(
        `UPDATE workflow_timers SET status = 'scheduled', claimed_by = NULL, lease_until = NULL, last_error = $3,
           fire_at = $4
         WHERE id = $1 AND status = 'firing' AND claimed_by = $2`,
        [
          timer.id,
          run.workerId,
          e instanceof Error ? e.message : String(e),
          new Date(run.clock.now().getTime() + delay).toISOString(),
        ],
      );
    }
  }
  return claimed.length;
}
