import type { Queryable } from "../store.js";
import { type AttemptRecord, attemptsOf } from "./event-queries.js";

export interface DeadLetterFilter {
  readonly target?: string | undefined;
  readonly eventType?: string | undefined;
  readonly businessKey?: string | undefined;
  /** Only letters dead for at least this many hours. */
  readonly olderThanHours?: number | undefined;
  /** Keyset: only letters with a smaller delivery id. */
  readonly beforeId?: number | undefined;
  readonly limit: number;
}

export interface DeadLetterSummary {
  readonly id: number;
  readonly eventId: number;
  readonly target: string;
  readonly eventType: string;
  readonly businessKey: string;
  readonly keyVersion: number;
  readonly attempts: number;
  readonly replays: number;
  readonly lastErrorCode: string | null;
  readonly lastError: string | null;
  readonly correlationId: string;
  readonly deadAt: string | null;
  /** Whole hours since it died. */
  readonly ageHours: number;
}

const SUMMARY_COLUMNS = `d.id, d.event_id, d.target, e.event_type, d.business_key, d.key_version, d.attempts, d.replays,
  d.last_error_code, d.last_error, e.correlation_id, d.settled_at,
  floor(extract(epoch FROM (now() - coalesce(d.settled_at, d.created_at))) / 3600)::int AS age_hours`;

type SummaryRow = {
  id: number;
  event_id: number;
  target: string;
  event_type: string;
  business_key: string;
  key_version: number;
  attempts: number;
  replays: number;
  last_error_code: string | null;
  last_error: string | null;
  correlation_id: string;
  settled_at: Date | null;
  age_hours: number;
};

const summary = (r: SummaryRow): DeadLetterSummary => ({
  id: r.id,
  eventId: r.event_id,
  target: r.target,
  eventType: r.event_type,
  businessKey: r.business_key,
  keyVersion: r.key_version,
  attempts: r.attempts,
  replays: r.replays,
  lastErrorCode: r.last_error_code,
  lastError: r.last_error,
  correlationId: r.correlation_id,
  deadAt: r.settled_at?.toISOString() ?? null,
  ageHours: Math.max(0, r.age_hours),
});

/** Dead letters (deliveries whose retries ran out), newest first. */
export async function listDeadLetters(q: Queryable, f: DeadLetterFilter): Promise<DeadLetterSummary[]> {
  const rows = await q.query<SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS}
     FROM deliveries d JOIN events e ON e.id = d.event_id
     WHERE d.status = 'dead' AND ($1::text IS NULL OR d.target = $1) AND ($2::text IS NULL OR e.event_type = $2)
       AND ($3::text IS NULL OR d.business_key = $3)
       AND ($4::float8 IS NULL OR d.settled_at <= now() - make_interval(secs => $4::float8 * 3600))
       AND ($5::bigint IS NULL OR d.id < $5)
     ORDER BY d.id DESC LIMIT $6`,
    [
      f.target ?? null,
      f.eventType ?? null,
      f.businessKey ?? null,
      f.olderThanHours ?? null,
      f.beforeId ?? null,
      f.limit,
    ],
  );
  return rows.map(summary);
}

export interface DeadLetterDetail extends DeadLetterSummary {
  readonly status: string;
  readonly idempotencyKey: string;
  /** The canonical event as written to the outbox: what a replay sends again. */
  readonly payload: unknown;
  /**
   * The target's native body. Connectors map at send time and keep no copy, so it is null; the
   * mapping is deterministic from `payload` (`concord mapping test` shows it).
   */
  readonly mappedPayload: null;
  readonly history: readonly AttemptRecord[];
}

/** One delivery (dead or not: a replayed letter stays readable) with its event's payload and every attempt. */
export async function deadLetterDetail(q: Queryable, id: number): Promise<DeadLetterDetail | undefined> {
  const [r] = await q.query<SummaryRow & { status: string; idempotency_key: string; payload: unknown }>(
    `SELECT ${SUMMARY_COLUMNS}, d.status, d.idempotency_key, e.payload
     FROM deliveries d JOIN events e ON e.id = d.event_id WHERE d.id = $1`,
    [id],
  );
  if (!r) return undefined;
  const attempts = await attemptsOf(q, [id]);
  return {
    ...summary(r),
    status: r.status,
    idempotencyKey: r.idempotency_key,
    payload: r.payload,
    mappedPayload: null,
    history: attempts.get(id) ?? [],
  };
}

export interface ReplaySelection {
  readonly ids?: readonly number[] | undefined;
  readonly target?: string | undefined;
  readonly businessKey?: string | undefined;
  readonly eventType?: string | undefined;
  readonly statuses: readonly ("dead" | "failed")[];
}

/**
 * The deliveries a replay with this selection would put back in the queue, by target: the same
 * predicate as replayDeliveries (src/events/sql/replay-deliveries.ts), read without changing
 * anything. A dry run is only honest while the two agree; the operations API test replays what a
 * dry run listed and compares.
 */
export async function selectReplayable(
  q: Queryable,
  s: ReplaySelection,
): Promise<{ id: number; target: string; status: string }[]> {
  return q.query<{ id: number; target: string; status: string }>(
    `SELECT d.id, d.target, d.status
     FROM deliveries d JOIN events e ON e.id = d.event_id
     WHERE d.status = ANY($1::text[])
       AND ($2::bigint[] IS NULL OR d.id = ANY($2::bigint[]))
       AND ($3::text IS NULL OR d.target = $3)
       AND ($4::text IS NULL OR d.business_key = $4)
       AND ($5::text IS NULL OR e.event_type = $5)
     ORDER BY d.target, d.id`,
    [s.statuses, s.ids ?? null, s.target ?? null, s.businessKey ?? null, s.eventType ?? null],
  );
}
