import type { Queryable } from "../../store/index.js";

export interface AttemptRecord {
  readonly deliveryId: number;
  readonly attempt: number;
  readonly startedAt: Date;
  readonly outcome: "acknowledged" | "delivered" | "retry" | "failed" | "dead" | "parked";
  readonly errorCode?: string | undefined;
  readonly error?: string | undefined;
  readonly retryAfterMs?: number | undefined;
}

async function recordAttempt(tx: Queryable, a: AttemptRecord, nextAttemptAt: string | null): Promise<void> {
  await tx.query(
    `INSERT INTO delivery_attempts (delivery_id, attempt, started_at, outcome, error_code, error, retry_after_ms, next_attempt_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz)
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
    ],
  );
}

/**
 * The settle verbs. Each checks `status = 'in_flight' AND claimed_by = worker`, so a worker
 * whose lease expired (and whose delivery another worker re-claimed) cannot overwrite the outcome.
 * They return false when the row was no longer theirs.
 */
export async function markSucceeded(
  tx: Queryable,
  workerId: string,
  a: AttemptRecord & { outcome: "acknowledged" | "delivered" },
  ref: string | undefined,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE deliveries SET status = $3, ack_ref = $4, settled_at = now(), lease_until = NULL,
       last_error_code = NULL, last_error = NULL
     WHERE id = $1 AND claimed_by = $2 AND status = 'in_flight' RETURNING id`,
    [a.deliveryId, workerId, a.outcome, ref ?? null],
  );
  if (rows.length === 0) return false;
  await recordAttempt(tx, a, null);
  return true;
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
