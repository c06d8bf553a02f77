import type { Queryable } from "../../store/index.js";

export interface NewTimer {
  /** The workflow whose handler fires it, e.g. "supplier-onboarding". */
  readonly workflow: string;
  /** Unique among the workflow's live timers, e.g. "onb-1:vendor-number". */
  readonly key: string;
  readonly fireAt: Date;
  readonly payload?: Record<string, unknown>;
}

/**
 * Schedules a timer inside the caller's transaction, so it exists exactly when the state that
 * needs it does. A live timer with the same (workflow, key) is moved to the new time and payload
 * rather than duplicated, unless it is firing right now (then this one waits for the next key).
 *
 * @example await scheduleTimer(tx, { workflow: "supplier-onboarding", key: `${id}:vendor-number`, fireAt })
 */
export function scheduleTimer(tx: Queryable, t: NewTimer): Promise<void> {
  return scheduleTimers(tx, [t]);
}

/**
 * scheduleTimer for many timers in one statement (a batch's timers cost one round, not one each
 * on the embedded store). The same (workflow, key) given twice keeps the later one.
 */
export async function scheduleTimers(tx: Queryable, timers: readonly NewTimer[]): Promise<void> {
  if (timers.length === 0) return;
  // ON CONFLICT DO UPDATE may not touch one row twice in a statement: the last of a key wins.
  const byKey = new Map(timers.map((t) => [`${t.workflow}\u0000${t.key}`, t]));
  const rows = [...byKey.values()];
  await tx.query(
    `INSERT INTO workflow_timers (workflow, timer_key, fire_at, payload)
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::json[])
     ON CONFLICT (workflow, timer_key) WHERE status IN ('scheduled', 'firing')
     DO UPDATE SET fire_at = EXCLUDED.fire_at, payload = EXCLUDED.payload
     WHERE workflow_timers.status = 'scheduled'`,
    [
      rows.map((t) => t.workflow),
      rows.map((t) => t.key),
      rows.map((t) => t.fireAt.toISOString()),
      rows.map((t) => JSON.stringify(t.payload ?? {})),
    ],
  );
}

/** Schedules the timer only if none is live under that key (a recurring timer's first start). */
export async function ensureTimer(tx: Queryable, t: NewTimer): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO workflow_timers (workflow, timer_key, fire_at, payload) VALUES ($1, $2, $3, $4)
     ON CONFLICT (workflow, timer_key) WHERE status IN ('scheduled', 'firing') DO NOTHING RETURNING 1`,
    [t.workflow, t.key, t.fireAt.toISOString(), JSON.stringify(t.payload ?? {})],
  );
  return rows.length > 0;
}

/** Cancels a scheduled timer (the event it waited for came first); true when there was one. */
export async function cancelTimer(tx: Queryable, workflow: string, key: string): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE workflow_timers SET status = 'cancelled', lease_until = NULL
     WHERE workflow = $1 AND timer_key = $2 AND status = 'scheduled' RETURNING 1`,
    [workflow, key],
  );
  return rows.length > 0;
}
