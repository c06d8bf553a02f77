import type { Queryable } from "../store/index.js";
import { type Clock, ensureTimer, scheduleTimer, type TimerHandler } from "../workflows/timers/index.js";
import { nextScheduledRun, type ReconcileConfig } from "./reconcile-config.js";
import { requestReconcileRun } from "./request-run.js";

export const RECONCILE_WORKFLOW = "reconciliation";
const SCHEDULE_KEY = "schedule";

/** Starts the schedule's timer if none is live (every worker may call it; one timer results). */
export async function ensureReconcileSchedule(tx: Queryable, config: ReconcileConfig, clock: Clock): Promise<void> {
  if (!config.schedule) return;
  await ensureTimer(tx, {
    workflow: RECONCILE_WORKFLOW,
    key: SCHEDULE_KEY,
    fireAt: nextScheduledRun(clock.now(), config.schedule),
  });
}

/**
 * The schedule's tick: requests a run (skipped when one is still open) and schedules the next
 * tick, in the timer's own transaction — a tick fires once cluster-wide and never twice.
 */
export function reconcileTimerHandler(config: ReconcileConfig, onRequested: () => void): TimerHandler {
  return async (tx, _timer, clock) => {
    if (!config.schedule) return undefined;
    const run = await requestReconcileRun(tx, {
      trigger: "schedule",
      requestedBy: "concord",
      heal: config.heal,
      ...(config.entityTypes ? { entityTypes: config.entityTypes } : {}),
    });
    await scheduleTimer(tx, {
      workflow: RECONCILE_WORKFLOW,
      key: SCHEDULE_KEY,
      fireAt: nextScheduledRun(clock.now(), config.schedule),
    });
    return run.created ? onRequested : undefined;
  };
}
