import type { Queryable } from "../store.js";
import { httpStatusOf } from "./http-status-of.js";

export interface EventFilter {
  readonly type?: string | undefined;
  readonly businessKey?: string | undefined;
  readonly correlationId?: string | undefined;
  /** Events written at or after this instant (ISO 8601). */
  readonly since?: string | undefined;
  /** Events written before this instant (ISO 8601). */
  readonly until?: string | undefined;
  /** Keyset: only events with a smaller id (the last id of the previous page). */
  readonly beforeId?: number | undefined;
  readonly limit: number;
}

export interface EventSummary {
  readonly id: number;
  readonly type: string;
  readonly businessKey: string;
  readonly keyVersion: number;
  readonly correlationId: string;
  readonly createdAt: string;
  /** How many of its deliveries are in each status, e.g. { acknowledged: 3, dead: 1 }. */
  readonly deliveries: Readonly<Record<string, number>>;
}

/** Outbox events, newest first, without payloads (a page of contract snapshots would be megabytes). */
export async function listEvents(q: Queryable, f: EventFilter): Promise<EventSummary[]> {
  const rows = await q.query<{
    id: number;
    event_type: string;
    business_key: string;
    key_version: number;
    correlation_id: string;
    created_at: Date;
    deliveries: Record<string, number> | null;
  }>(
    `SELECT e.id, e.event_type, e.business_key, e.key_version, e.correlation_id, e.created_at,
       (SELECT json_object_agg(s.status, s.n) FROM (
          SELECT d.status, count(*)::int AS n FROM deliveries d WHERE d.event_id = e.id GROUP BY d.status) s) AS deliveries
     FROM events e
     WHERE ($1::text IS NULL OR e.event_type = $1) AND ($2::text IS NULL OR e.business_key = $2)
       AND ($3::text IS NULL OR e.correlation_id = $3) AND ($4::timestamptz IS NULL OR e.created_at >= $4)
       AND ($5::timestamptz IS NULL OR e.created_at < $5) AND ($6::bigint IS NULL OR e.id < $6)
     ORDER BY e.id DESC LIMIT $7`,
    [
      f.type ?? null,
      f.businessKey ?? null,
      f.correlationId ?? null,
      f.since ?? null,
      f.until ?? null,
      f.beforeId ?? null,
      f.limit,
    ],
  );
  return rows.map((r) => ({
    id: r.id,
    type: r.event_type,
    businessKey: r.business_key,
    keyVersion: r.key_version,
    correlationId: r.correlation_id,
    createdAt: r.created_at.toISOString(),
    deliveries: r.deliveries ?? {},
  }));
}

export interface AttemptRecord {
  readonly attempt: number;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  readonly outcome: string;
  readonly errorCode: string | null;
  readonly error: string | null;
  readonly retryAfterMs: number | null;
  readonly nextAttemptAt: string | null;
  /** What the target answered a failed attempt with over HTTP; null for a success or a non-HTTP failure. */
  readonly httpStatus: number | null;
}

export interface EventDelivery {
  readonly id: number;
  readonly target: string;
  readonly required: boolean;
  readonly status: string;
  readonly attempts: number;
  readonly replays: number;
  readonly lastErrorCode: string | null;
  readonly lastError: string | null;
  readonly ackRef: string | null;
  /** Set while the delivery waits for the partner's functional acknowledgment (X12 997/999). */
  readonly ackDueAt: string | null;
  readonly createdAt: string;
  readonly settledAt: string | null;
  readonly history: readonly AttemptRecord[];
}

export interface EventDetail extends Omit<EventSummary, "deliveries"> {
  readonly payload: unknown;
  readonly deliveries: readonly EventDelivery[];
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** One event with its payload and every delivery, each with its full attempt history. */
export async function eventDetail(q: Queryable, id: number): Promise<EventDetail | undefined> {
  const [e] = await q.query<{
    id: number;
    event_type: string;
    business_key: string;
    key_version: number;
    correlation_id: string;
    created_at: Date;
    payload: unknown;
  }>(
    "SELECT id, event_type, business_key, key_version, correlation_id, created_at, payload FROM events WHERE id = $1",
    [id],
  );
  if (!e) return undefined;
  const deliveries = await deliveriesOfEvents(q, [id]);
  return {
    id: e.id,
    type: e.event_type,
    businessKey: e.business_key,
    keyVersion: e.key_version,
    correlationId: e.correlation_id,
    createdAt: e.created_at.toISOString(),
    payload: e.payload,
    deliveries: deliveries.map(({ eventId: _, ...d }) => d),
  };
}

/** Every delivery of the given events (by target), each with its attempts: two queries whatever the count. */
export async function deliveriesOfEvents(
  q: Queryable,
  eventIds: readonly number[],
): Promise<(EventDelivery & { readonly eventId: number })[]> {
  if (eventIds.length === 0) return [];
  const rows = await q.query<{
    id: number;
    event_id: number;
    target: string;
    required: boolean;
    status: string;
    attempts: number;
    replays: number;
    last_error_code: string | null;
    last_error: string | null;
    ack_ref: string | null;
    ack_due_at: Date | null;
    created_at: Date;
    settled_at: Date | null;
  }>(
    `SELECT id, event_id, target, required, status, attempts, replays, last_error_code, last_error, ack_ref, ack_due_at,
       created_at, settled_at
     FROM deliveries WHERE event_id = ANY($1::bigint[]) ORDER BY event_id, target`,
    [eventIds],
  );
  const attempts = await attemptsOf(
    q,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    target: r.target,
    required: r.required,
    status: r.status,
    attempts: r.attempts,
    replays: r.replays,
    lastErrorCode: r.last_error_code,
    lastError: r.last_error,
    ackRef: r.ack_ref,
    ackDueAt: iso(r.ack_due_at),
    createdAt: r.created_at.toISOString(),
    settledAt: iso(r.settled_at),
    history: attempts.get(r.id) ?? [],
  }));
}

/** Attempts per delivery id, in attempt order. */
export async function attemptsOf(q: Queryable, deliveryIds: readonly number[]): Promise<Map<number, AttemptRecord[]>> {
  const byDelivery = new Map<number, AttemptRecord[]>();
  if (deliveryIds.length === 0) return byDelivery;
  const rows = await q.query<{
    delivery_id: number;
    attempt: number;
    started_at: Date;
    finished_at: Date;
    outcome: string;
    error_code: string | null;
    error: string | null;
    retry_after_ms: number | null;
    next_attempt_at: Date | null;
    http_status: number | null;
  }>(
    `SELECT delivery_id, attempt, started_at, finished_at, outcome, error_code, error, retry_after_ms, next_attempt_at,
       http_status
     FROM delivery_attempts WHERE delivery_id = ANY($1::bigint[]) ORDER BY delivery_id, attempt`,
    [deliveryIds],
  );
  for (const a of rows) {
    const list = byDelivery.get(a.delivery_id) ?? [];
    list.push({
      attempt: a.attempt,
      startedAt: a.started_at.toISOString(),
      finishedAt: a.finished_at.toISOString(),
      durationMs: a.finished_at.getTime() - a.started_at.getTime(),
      outcome: a.outcome,
      errorCode: a.error_code,
      error: a.error,
      retryAfterMs: a.retry_after_ms,
      nextAttemptAt: iso(a.next_attempt_at),
      // Attempts from before the column was kept say it only in their error text.
      httpStatus: a.http_status ?? httpStatusOf(a.error),
    });
    byDelivery.set(a.delivery_id, list);
  }
  return byDelivery;
}
