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
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO events (event_type, business_key, key_version, payload, correlation_id)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [event.type, event.businessKey, event.keyVersion, JSON.stringify(event.payload), event.correlationId],
  );
  const eventId = row!.id;
  if (targets.length > 0) {
    await tx.query(
      `INSERT INTO deliveries (event_id, target, business_key, key_version, required, priority, idempotency_key)
       SELECT $1, t.target, $2, $3, t.required, $4, 'concord/' || t.target || '/' || $5::text
       FROM unnest($6::text[], $7::boolean[]) AS t(target, required)`,
      [
        eventId,
        event.businessKey,
        event.keyVersion,
        event.priority ?? 0,
        // Stable for the (target, business key, version): a replay or a re-sent event reuses it.
        `${event.businessKey}/v${event.keyVersion}`,
        targets.map((t) => t.target),
        targets.map((t) => t.required),
      ],
    );
  }
  return eventId;
}
