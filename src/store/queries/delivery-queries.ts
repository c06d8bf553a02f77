import type { Queryable } from "../store.js";

export interface DeliveryDetail {
  readonly id: number;
  readonly target: string;
  readonly eventType: string;
  readonly businessKey: string;
  readonly keyVersion: number;
  readonly required: boolean;
  readonly status: string;
  readonly attempts: number;
  readonly replays: number;
  readonly idempotencyKey: string;
  readonly nextAttemptAt: string | null;
  readonly lastErrorCode: string | null;
  readonly lastError: string | null;
  readonly ackRef: string | null;
  readonly correlationId: string;
  readonly createdAt: string;
  readonly settledAt: string | null;
  readonly history: readonly {
    readonly attempt: number;
    readonly startedAt: string;
    readonly finishedAt: string;
    readonly outcome: string;
    readonly errorCode: string | null;
    readonly error: string | null;
    readonly retryAfterMs: number | null;
    readonly nextAttemptAt: string | null;
  }[];
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** One delivery with every attempt made: what an operator reads to see why it is where it is. */
export async function deliveryDetail(q: Queryable, id: number): Promise<DeliveryDetail | undefined> {
  const [d] = await q.query<{
    id: number;
    target: string;
    event_type: string;
    business_key: string;
    key_version: number;
    required: boolean;
    status: string;
    attempts: number;
    replays: number;
    idempotency_key: string;
    next_attempt_at: Date;
    last_error_code: string | null;
    last_error: string | null;
    ack_ref: string | null;
    correlation_id: string;
    created_at: Date;
    settled_at: Date | null;
  }>(
    `SELECT d.id, d.target, e.event_type, d.business_key, d.key_version, d.required, d.status, d.attempts, d.replays,
       d.idempotency_key, d.next_attempt_at, d.last_error_code, d.last_error, d.ack_ref, e.correlation_id,
       d.created_at, d.settled_at
     FROM deliveries d JOIN events e ON e.id = d.event_id WHERE d.id = $1`,
    [id],
  );
  if (!d) return undefined;
  const attempts = await q.query<{
    attempt: number;
    started_at: Date;
    finished_at: Date;
    outcome: string;
    error_code: string | null;
    error: string | null;
    retry_after_ms: number | null;
    next_attempt_at: Date | null;
  }>(
    `SELECT attempt, started_at, finished_at, outcome, error_code, error, retry_after_ms, next_attempt_at
     FROM delivery_attempts WHERE delivery_id = $1 ORDER BY attempt`,
    [id],
  );
  return {
    id: d.id,
    target: d.target,
    eventType: d.event_type,
    businessKey: d.business_key,
    keyVersion: d.key_version,
    required: d.required,
    status: d.status,
    attempts: d.attempts,
    replays: d.replays,
    idempotencyKey: d.idempotency_key,
    nextAttemptAt: d.status === "pending" ? iso(d.next_attempt_at) : null,
    lastErrorCode: d.last_error_code,
    lastError: d.last_error,
    ackRef: d.ack_ref,
    correlationId: d.correlation_id,
    createdAt: d.created_at.toISOString(),
    settledAt: iso(d.settled_at),
    history: attempts.map((a) => ({
      attempt: a.attempt,
      startedAt: a.started_at.toISOString(),
      finishedAt: a.finished_at.toISOString(),
      outcome: a.outcome,
      errorCode: a.error_code,
      error: a.error,
      retryAfterMs: a.retry_after_ms,
      nextAttemptAt: iso(a.next_attempt_at),
    })),
  };
}
