import type { Queryable } from "../../store/index.js";

export interface AttemptRecord {
  readonly deliveryId: number;
  readonly attempt: number;
  readonly startedAt: Date;
  readonly outcome: "acknowledged" | "delivered" | "retry" | "failed" | "dead" | "parked";
  readonly errorCode?: string | undefined;
  readonly error?: string | undefined;
  readonly retryAfterMs?: number | undefined;
  /** What the target answered the attempt with, when it answered over HTTP. */
  readonly httpStatus?: number | undefined;
}

async function recordAttempt(tx: Queryable, a: AttemptRecord, nextAttemptAt: string | null): Promise<void> {
  await tx.query(
    `INSERT INTO delivery_attempts (delivery_id, attempt, started_at, outcome, error_code, error, retry_after_ms, next_attempt_at, http_status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9)
     ON CONFLICT (delivery_id, attempt) DO NOTHING`,
    [
      a.deliveryId,
      a.attempt,
      a.startedAt,
      a.outcome,
      a.errorCode ?? null,
      a.error ?? null,
      a.retryAfterMs ?? null,
      nextAttemptAt,
      a.httpStatus ?? null,
    ],
  );
}

/*
 * The settle verbs. Each checks `status = 'in_flight' AND claimed_by = worker`, so a worker
 * whose lease expired (and whose delivery another worker re-claimed) cannot overwrite the outcome.
 */

/**
 * The success path for many deliveries in two statements (the group-commit hot path). Returns the
 * ids that were still this worker's; the others were re-claimed after a lease expired.
 */
export async function markSucceededMany(
  tx: Queryable,
  workerId: string,
  items: readonly (AttemptRecord & {
    outcome: "acknowledged" | "delivered";
    ref: string | undefined;
    awaitAckMs?: number | undefined;
  })[],
): Promise<Set<number>> {
  if (items.length === 0) return new Set();
  const rows = await tx.query<{ id: number }>(
    `UPDATE deliveries d SET status = s.outcome, ack_ref = s.ref, settled_at = now(), lease_until = NULL,
       last_error_code = NULL, last_error = NULL,
       ack_due_at = CASE WHEN s.ack_ms IS NULL THEN NULL ELSE now() + make_interval(secs => s.ack_ms / 1000.0) END
     FROM unnest($2::bigint[], $3::text[], $4::text[], $5::int[]) AS s(id, outcome, ref, ack_ms)
     WHERE d.id = s.id AND d.claimed_by = $1 AND d.status = 'in_flight'
     RETURNING d.id`,
    [
      workerId,
      items.map((i) => i.deliveryId),
      items.map((i) => i.outcome),
      items.map((i) => i.ref ?? null),
      items.map((i) => (i.outcome === "delivered" ? (i.awaitAckMs ?? null) : null)),
    ],
  );
  const mine = new Set(rows.map((r) => r.id));
  const recorded = items.filter((i) => mine.has(i.deliveryId));
  if (recorded.length > 0) {
    await tx.query(
      `INSERT INTO delivery_attempts (delivery_id, attempt, started_at, outcome, http_status)
       SELECT * FROM unnest($1::bigint[], $2::int[], $3::timestamptz[], $4::text[], $5::smallint[])
       ON CONFLICT (delivery_id, attempt) DO NOTHING`,
      [
        recorded.map((i) => i.deliveryId),
        recorded.map((i) => i.attempt),
        recorded.map((i) => i.startedAt),
        recorded.map((i) => i.outcome),
        recorded.map((i) => i.httpStatus ?? null),
      ],
    );
  }
  return mine;
}

export async function scheduleRetry(
  tx: Queryable,
  workerId: string,
  a: AttemptRecord & { outcome: "retry" },
  delayMs: number,
): Promise<boolean> {
  const rows = await tx.query<{ next: string }>(
    `UPDATE deliveries SET status = 'pending', lease_until = NULL,
       next_attempt_at = now() + make_interval(secs => $3::float8 / 1000),
       last_error_code = $4, last_error = $5
     WHERE id = $1 AND claimed_by = $2 AND status = 'in_flight'
     RETURNING next_attempt_at::text AS next`,
    [a.deliveryId, workerId, delayMs, a.errorCode ?? null, a.error ?? null],
  );
  if (rows.length === 0) return false;
  await recordAttempt(tx, a, rows[0]!.next);
  return true;
}

/** Ends a delivery without success: failed (permanent), dead (retries exhausted) or parked (stale). */
export async function markUnsuccessful(
  tx: Queryable,
  workerId: string,
  a: AttemptRecord & { outcome: "failed" | "dead" | "parked" },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE deliveries SET status = $3, settled_at = now(), lease_until = NULL,
       last_error_code = $4, last_error = $5
     WHERE id = $1 AND claimed_by = $2 AND status = 'in_flight' RETURNING id`,
    [a.deliveryId, workerId, a.outcome, a.errorCode ?? null, a.error ?? null],
  );
  if (rows.length === 0) return false;
  await recordAttempt(tx, a, null);
  return true;
}
