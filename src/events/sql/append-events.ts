import type { Queryable } from "../../store/index.js";
import type { EventTarget, NewEvent } from "./append-event.js";

/**
 * Writes several events and one pending delivery per (event, target) in one statement, inside
 * the caller's transaction. Returns the event ids in the order given.
 */
export async function appendEvents(
  tx: Queryable,
  events: readonly NewEvent[],
  targets: readonly EventTarget[],
): Promise<number[]> {
  if (events.length === 0) return [];
  const rows = await tx.query<{ id: number; n: number }>(
    `WITH given AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::json[], $5::text[], $6::smallint[])
         WITH ORDINALITY AS g(event_type, business_key, key_version, payload, correlation_id, priority, n)
     ), event AS (
       INSERT INTO events (event_type, business_key, key_version, payload, correlation_id)
       SELECT event_type, business_key, key_version, payload, correlation_id FROM given ORDER BY n
       RETURNING id, business_key, key_version
     ), delivery AS (
       INSERT INTO deliveries (event_id, target, business_key, key_version, required, priority, idempotency_key)
       SELECT e.id, t.target, e.business_key, e.key_version, t.required, g.priority,
         -- stable for the (target, business key, version): a replay or a re-sent event reuses it
         'concord/' || t.target || '/' || e.business_key || '/v' || e.key_version
       FROM event e JOIN given g ON g.business_key = e.business_key AND g.key_version = e.key_version,
         unnest($7::text[], $8::boolean[]) AS t(target, required)
     )
     SELECT e.id, g.n FROM event e JOIN given g ON g.business_key = e.business_key AND g.key_version = e.key_version`,
    [
      events.map((e) => e.type),
      events.map((e) => e.businessKey),
      events.map((e) => e.keyVersion),
      events.map((e) => JSON.stringify(e.payload)),
      events.map((e) => e.correlationId),
      events.map((e) => e.priority ?? 0),
      targets.map((t) => t.target),
      targets.map((t) => t.required),
    ],
  );
  const byOrder = new Map(rows.map((r) => [Number(r.n), r.id]));
  return events.map((_, i) => byOrder.get(i + 1)!);
}
