import type { Queryable } from "../../store/index.js";

export interface ReplayFilter {
  readonly ids?: readonly number[];
  readonly target?: string;
  readonly businessKey?: string;
  readonly eventType?: string;
  /** Which ended states to replay; dead letters by default. */
  readonly statuses?: readonly ("dead" | "failed")[];
}

/**
 * Puts dead (or failed) deliveries back in the queue with their original idempotency key, so a
 * target that did apply one before answers it as a duplicate. Replays run at a lower priority than
 * live traffic so a replay of thousands never starves new changes.
 */
export async function replayDeliveries(tx: Queryable, filter: ReplayFilter): Promise<number[]> {
  const rows = await tx.query<{ id: number }>(
    `UPDATE deliveries d SET status = 'pending', replay_base = d.attempts, next_attempt_at = now(), settled_at = NULL,
       lease_until = NULL, claimed_by = NULL, replays = d.replays + 1, priority = LEAST(d.priority, -1)
     FROM events e
     WHERE e.id = d.event_id
       AND d.status = ANY($1::text[])
       AND ($2::bigint[] IS NULL OR d.id = ANY($2::bigint[]))
       AND ($3::text IS NULL OR d.target = $3)
       AND ($4::text IS NULL OR d.business_key = $4)
       AND ($5::text IS NULL OR e.event_type = $5)
     RETURNING d.id`,
    [
      filter.statuses ?? ["dead"],
      filter.ids ?? null,
      filter.target ?? null,
      filter.businessKey ?? null,
      filter.eventType ?? null,
    ],
  );
  return rows.map((r) => r.id);
}
