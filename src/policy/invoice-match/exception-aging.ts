import type { RoutedException } from "./exception-routing.js";

export interface ExceptionAge {
  /** Whole hours since the exception was raised (never negative, even with a clock behind). */
  readonly ageHours: number;
  readonly overdue: boolean;
  /** Whole hours past the due time; 0 when not overdue. */
  readonly hoursOverdue: number;
  /** Whole hours left until due; 0 when overdue. */
  readonly hoursRemaining: number;
}

const HOUR = 3_600_000;

/**
 * Age and SLA standing of a routed exception at `now` (the caller's clock: the engine reads none).
 * @example ageException(e, new Date("2025-06-03T12:00:00Z")).overdue
 */
export function ageException(e: Pick<RoutedException, "route">, now: Date): ExceptionAge {
  const raised = Date.parse(e.route.raisedAt);
  const due = Date.parse(e.route.dueAt);
  const t = now.getTime();
  // Due exactly now is not yet overdue: an SLA of 24 h includes its 24th hour.
  const overdue = t > due;
  return {
    ageHours: Math.max(0, Math.floor((t - raised) / HOUR)),
    overdue,
    hoursOverdue: overdue ? Math.floor((t - due) / HOUR) : 0,
    hoursRemaining: overdue ? 0 : Math.floor((due - t) / HOUR),
  };
}
