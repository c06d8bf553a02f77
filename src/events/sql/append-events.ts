import type { Queryable } from "../../store/index.js";
import type { EventTarget, NewEvent } from "./append-event.js";
import type { ClaimedDelivery } from "./claim-deliveries.js";

/** Claim fresh deliveries for the local dispatcher while writing them (see appendAndClaimEvents). */
export interface ClaimOnAppend {
  readonly workerId: string;
  readonly leaseMs: number;
  /** At most this many deliveries are claimed; the rest are written pending as usual. */
  readonly limit: number;
  /** Only deliveries to these targets are claimed (the dispatcher leaves out targets whose circuit is not closed). */
  readonly targets?: readonly string[];
}

/**
 * Writes several events and one pending delivery per (event, target) in one statement, inside
 * the caller's transaction. Returns the event ids in the order given.
 */
export async function appendEvents(
  tx: Queryable,
  events: readonly NewEvent[],
  targets: readonly EventTarget[],
): Promise<number[]> {
  return (await appendAndClaimEvents(tx, events, targets, undefined)).eventIds;
}

/**
 * appendEvents that also claims, for the local dispatcher, the deliveries that may go out at once:
 * written `in_flight` with a lease, exactly as claimDeliveries would leave them, so they need no
 * claim query and their payload is never read back. A delivery is claimed only when it is the
 * oldest version of its key in this batch and no older version of the key is unfinished at its
 * target (per-key order), and only up to `claim.limit` (the dispatcher's free slots). A crash
 * after commit is recovered like any claim: the lease expires and the delivery is re-sent.
 * `pending` counts the deliveries written unclaimed: a dispatcher must be woken for them.
 */
export async function appendAndClaimEvents(
  tx: Queryable,
  events: readonly NewEvent[],
  targets: readonly EventTarget[],
  claim: ClaimOnAppend | undefined,
): Promise<{ eventIds: number[]; claimed: ClaimedDelivery[]; pending: number }> {
  if (events.length === 0) return { eventIds: [], claimed: [], pending: 0 };
  const rows = await tx.query<{
    n: number;
    event_id: number;
    delivery_id: number | null;
    target: string | null;
    status: string | null;
    idempotency_key: string | null;
    created_at: Date;
  }>(
    `WITH given AS (
       SELECT g.*, g.key_version = min(g.key_version) OVER (PARTITION BY g.business_key) AS oldest_in_batch
       FROM unnest($1::text[], $2::text[], $3::int[], $4::json[], $5::text[], $6::smallint[], $13::text[])
         WITH ORDINALITY AS g(event_type, business_key, key_version, payload, correlation_id, priority, trace_context, n)
     ), event AS (
       INSERT INTO events (event_type, business_key, key_version, payload, correlation_id, trace_context)
       SELECT event_type, business_key, key_version, payload, correlation_id, trace_context FROM given ORDER BY n
       RETURNING id, business_key, key_version, created_at
     ), fanned AS (
       SELECT e.id AS event_id, t.target, e.business_key, e.key_version, t.required, g.priority, g.n,
         $11::int > 0 AND g.oldest_in_batch AND ($12::text[] IS NULL OR t.target = ANY($12::text[])) AND NOT EXISTS (
           SELECT 1 FROM deliveries p
           WHERE p.target = t.target AND p.business_key = e.business_key AND p.key_version < e.key_version
             AND p.status IN ('pending', 'in_flight')) AS eligible
       FROM event e JOIN given g ON g.business_key = e.business_key AND g.key_version = e.key_version,
         unnest($7::text[], $8::boolean[]) AS t(target, required)
     ), ranked AS (
       SELECT f.*, f.eligible AND row_number() OVER (PARTITION BY f.eligible ORDER BY f.n, f.target) <= $11 AS claim
       FROM fanned f
     ), delivery AS (
       INSERT INTO deliveries (event_id, target, business_key, key_version, required, priority, idempotency_key,
         status, attempts, lease_until, claimed_by)
       SELECT r.event_id, r.target, r.business_key, r.key_version, r.required, r.priority,
         -- stable for the (target, business key, version): a replay or a re-sent event reuses it
         'concord/' || r.target || '/' || r.business_key || '/v' || r.key_version,
         CASE WHEN r.claim THEN 'in_flight' ELSE 'pending' END,
         CASE WHEN r.claim THEN 1 ELSE 0 END,
         CASE WHEN r.claim THEN now() + make_interval(secs => $10::float8 / 1000) END,
         CASE WHEN r.claim THEN $9 END
       FROM ranked r
       RETURNING id, event_id, target, status, idempotency_key
     )
     SELECT g.n, e.id AS event_id, d.id AS delivery_id, d.target, d.status, d.idempotency_key, e.created_at
     FROM event e JOIN given g ON g.business_key = e.business_key AND g.key_version = e.key_version
       LEFT JOIN delivery d ON d.event_id = e.id AND d.status = 'in_flight'`,
    [
      events.map((e) => e.type),
      events.map((e) => e.businessKey),
      events.map((e) => e.keyVersion),
      events.map((e) => JSON.stringify(e.payload)),
      events.map((e) => e.correlationId),
      events.map((e) => e.priority ?? 0),
      targets.map((t) => t.target),
      targets.map((t) => t.required),
      claim?.workerId ?? null,
      claim?.leaseMs ?? 0,
      claim?.limit ?? 0,
      claim?.targets ?? null,
      events.map((e) => e.traceparent ?? null),
    ],
  );
  const eventIds: number[] = [];
  const claimed: ClaimedDelivery[] = [];
  for (const r of rows) {
    const event = events[Number(r.n) - 1]!;
    eventIds[Number(r.n) - 1] = r.event_id;
    if (r.delivery_id === null) continue;
    claimed.push({
      id: r.delivery_id,
      status: "in_flight",
      target: r.target!,
      businessKey: event.businessKey,
      keyVersion: event.keyVersion,
      attempts: 1,
      replayBase: 0,
      idempotencyKey: r.idempotency_key!,
      eventType: event.type,
      payload: event.payload,
      correlationId: event.correlationId,
      createdAt: r.created_at,
      ...(event.traceparent ? { traceparent: event.traceparent } : {}),
    });
  }
  return { eventIds, claimed, pending: events.length * targets.length - claimed.length };
}
