import type { Queryable } from "../../store/index.js";

export interface NewEvent {
  readonly type: string;
  /** Deliveries of one business key reach each target in key_version order. */
  readonly businessKey: string;
  readonly keyVersion: number;
  readonly payload: unknown;
  readonly correlationId: string;
  readonly priority?: number;
}

export interface EventTarget {
  readonly target: string;
  /** Required targets gate activation (e.g. contract prices); optional ones (sinks) do not. */
  readonly required: boolean;
}

/** Writes an event and one pending delivery per target, inside the caller's transaction. */
export async function appendEvent(tx: Queryable, event: NewEvent, targets: readonly EventTarget[]): Promise<number> {
  // One round trip for the event and all its deliveries.
  const [row] = await tx.query<{ id: number }>(
    `WITH event AS (
       INSERT INTO events (event_type, business_key, key_version, payload, correlation_id)
       VALUES ($1, $2, $3, $4, $5) RETURNING id
     ), delivery AS (
       INSERT INTO deliveries (event_id, target, business_key, key_version, required, priority, idempotency_key)
       SELECT event.id, t.target, $2, $3, t.required, $6, 'concord/' || t.target || '/' || $7::text
       FROM event, unnest($8::text[], $9::boolean[]) AS t(target, required)
     )
     SELECT id FROM event`,
    [
      event.type,
      event.businessKey,
      event.keyVersion,
      JSON.stringify(event.payload),
      event.correlationId,
      event.priority ?? 0,
      // Stable for the (target, business key, version): a replay or a re-sent event reuses it.
      `${event.businessKey}/v${event.keyVersion}`,
      targets.map((t) => t.target),
      targets.map((t) => t.required),
    ],
  );
  const eventId = row!.id;
  return eventId;
}
