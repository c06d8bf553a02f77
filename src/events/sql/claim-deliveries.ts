import type { Queryable } from "../../store/index.js";

export interface ClaimedDelivery {
  readonly id: number;
  readonly status: "in_flight" | "parked";
  readonly target: string;
  readonly businessKey: string;
  readonly keyVersion: number;
  /** Attempts so far, this one included (never reset, so attempt history is never overwritten). */
  readonly attempts: number;
  /** Attempts made before the latest replay; the retry budget counts from here. */
  readonly replayBase: number;
  readonly idempotencyKey: string;
  readonly eventType: string;
  readonly payload: unknown;
  readonly correlationId: string;
  /** When the event was written: propagation latency counts from here. */
  readonly createdAt?: Date;
  /** The W3C trace context of the work that wrote the event, when it was traced. */
  readonly traceparent?: string;
}

/**
 * Claims up to `limit` deliveries that are due (or whose lease expired after a crash).
 * - SKIP LOCKED: concurrent dispatchers never take the same row.
 * - A delivery waits while an older version of the same business key is still pending or in
 *   flight at the same target: version n reaches a target before n+1.
 * - A delivery whose target already took a newer version is parked, never sent (stale).
 * - `belowPriority`: only deliveries of a lower priority (the routine share of a claim, see
 *   priority-lanes.ts); highest priority first otherwise, then oldest first.
 */
export async function claimDeliveries(
  tx: Queryable,
  opts: {
    limit: number;
    leaseMs: number;
    workerId: string;
    targets: readonly string[];
    belowPriority?: number | undefined;
  },
): Promise<ClaimedDelivery[]> {
  const claimed = await tx.query<
    Omit<ClaimedDelivery, "payload" | "traceparent"> & { eventId: number; traceparent: string | null }
  >(
    `WITH ready AS (
       SELECT d.id FROM deliveries d
       WHERE ((d.status = 'pending' AND d.next_attempt_at <= now())
           OR (d.status = 'in_flight' AND d.lease_until < now()))
         AND d.target = ANY($4::text[])
         AND ($5::int IS NULL OR d.priority < $5::int)
         AND NOT EXISTS (
           SELECT 1 FROM deliveries p
           WHERE p.target = d.target AND p.business_key = d.business_key
             AND p.key_version < d.key_version AND p.status IN ('pending', 'in_flight'))
       ORDER BY d.priority DESC, d.id
       LIMIT $1
       FOR UPDATE SKIP LOCKED
     ), decided AS (
       SELECT r.id, EXISTS (
           SELECT 1 FROM deliveries d JOIN deliveries n
             ON n.target = d.target AND n.business_key = d.business_key AND n.key_version > d.key_version
           WHERE d.id = r.id AND n.status IN ('delivered', 'acknowledged')) AS stale
       FROM ready r
     )
     UPDATE deliveries d SET
       status = CASE WHEN x.stale THEN 'parked' ELSE 'in_flight' END,
       attempts = CASE WHEN x.stale THEN d.attempts ELSE d.attempts + 1 END,
       lease_until = now() + make_interval(secs => $2::float8 / 1000),
       claimed_by = $3,
       settled_at = CASE WHEN x.stale THEN now() ELSE NULL END,
       last_error_code = CASE WHEN x.stale THEN 'CONCORD_ERR_CONNECTOR_STALE' ELSE d.last_error_code END,
       last_error = CASE WHEN x.stale THEN 'a newer version already reached this target' ELSE d.last_error END
     FROM decided x, events e
     WHERE d.id = x.id AND e.id = d.event_id
     RETURNING d.id, d.status, d.target, d.business_key AS "businessKey", d.key_version AS "keyVersion",
       d.attempts, d.replay_base AS "replayBase", d.idempotency_key AS "idempotencyKey", e.event_type AS "eventType",
       e.correlation_id AS "correlationId", e.id AS "eventId", e.created_at AS "createdAt",
       e.trace_context AS traceparent`,
    [opts.limit, opts.leaseMs, opts.workerId, opts.targets, opts.belowPriority ?? null],
  );
  // Each event has a delivery per target: read (and parse) its payload once, not once per target.
  const eventIds = [...new Set(claimed.filter((d) => d.status === "in_flight").map((d) => d.eventId))];
  const payloads = new Map<number, unknown>();
  if (eventIds.length > 0) {
    const rows = await tx.query<{ id: number; payload: unknown }>(
      "SELECT id, payload FROM events WHERE id = ANY($1::bigint[])",
      [eventIds],
    );
    for (const r of rows) payloads.set(r.id, r.payload);
  }
  return claimed.map(({ eventId, traceparent, ...d }) => ({
    ...d,
    payload: payloads.get(eventId),
    ...(traceparent === null ? {} : { traceparent }),
  }));
}

/** Whether a newer version of any of these deliveries' keys waits at the same target. */
export async function hasWaitingSuccessors(
  tx: Queryable,
  settled: readonly Pick<ClaimedDelivery, "target" | "businessKey" | "keyVersion">[],
): Promise<boolean> {
  const [row] = await tx.query<{ waiting: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM deliveries d JOIN unnest($1::text[], $2::text[], $3::int[]) AS s(target, business_key, key_version)
         ON d.target = s.target AND d.business_key = s.business_key AND d.key_version > s.key_version
       WHERE d.status = 'pending') AS waiting`,
    [settled.map((d) => d.target), settled.map((d) => d.businessKey), settled.map((d) => d.keyVersion)],
  );
  return row?.waiting === true;
}
