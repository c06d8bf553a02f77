import type { Queryable } from "../../store/index.js";
import { appendEvents } from "./append-events.js";

export interface NewEvent {
  readonly type: string;
  /** Deliveries of one business key reach each target in key_version order. */
  readonly businessKey: string;
  readonly keyVersion: number;
  readonly payload: unknown;
  readonly correlationId: string;
  readonly priority?: number;
  /** W3C trace context of the work writing the event: its deliveries continue that trace. */
  readonly traceparent?: string | undefined;
}

export interface EventTarget {
  readonly target: string;
  /** Required targets gate activation (e.g. contract prices); optional ones (sinks) do not. */
  readonly required: boolean;
}

/** Writes an event and one pending delivery per target, inside the caller's transaction. */
export async function appendEvent(tx: Queryable, event: NewEvent, targets: readonly EventTarget[]): Promise<number> {
  const [id] = await appendEvents(tx, [event], targets);
  return id!;
}
