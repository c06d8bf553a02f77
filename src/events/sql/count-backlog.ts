import type { Queryable } from "../../store/index.js";

export type TargetBacklog = {
  readonly target: string;
  readonly pending: number;
  readonly inFlight: number;
};

/** Deliveries waiting per target: pending (due or not) and in flight. */
export async function countBacklogByTarget(q: Queryable): Promise<TargetBacklog[]> {
  return q.query<TargetBacklog>(
    `SELECT target,
       count(*) FILTER (WHERE status = 'pending')::int AS pending,
       count(*) FILTER (WHERE status = 'in_flight')::int AS "inFlight"
     FROM deliveries WHERE status IN ('pending', 'in_flight')
     GROUP BY target ORDER BY target`,
  );
}
