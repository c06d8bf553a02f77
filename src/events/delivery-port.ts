/**
 * What the dispatcher hands a target, and what it expects back. Connectors (src/connectors)
 * implement DeliveryPort; the dispatcher never knows protocols.
 */
export interface OutboundMessage {
  readonly deliveryId: number;
  readonly target: string;
  readonly eventType: string;
  readonly businessKey: string;
  readonly keyVersion: number;
  readonly payload: unknown;
  /** Stable across retries, crashes and replays: the target uses it to apply a message once. */
  readonly idempotencyKey: string;
  readonly correlationId: string;
  readonly attempt: number;
  /** W3C trace context of this attempt's span, when tracing: HTTP connectors send it as `traceparent`. */
  readonly traceparent?: string;
}

/**
 * acknowledged: the target applied the message and said so (2xx with its own reference).
 * delivered: the target accepted it; an acknowledgment may follow separately (or never, for sinks).
 * `awaitAckMs`: a functional acknowledgment (X12 997/999) will follow; until it arrives the
 * delivery is not acknowledged, and after this long an exception says it is overdue.
 * `httpStatus`: the 2xx the target answered with, when it answered over HTTP (the attempt history
 * keeps it, as it keeps a failure's).
 */
export type DeliveryOutcome =
  | { readonly kind: "acknowledged"; readonly ref?: string; readonly httpStatus?: number }
  | { readonly kind: "delivered"; readonly ref?: string; readonly awaitAckMs?: number; readonly httpStatus?: number };

/**
 * Failures are thrown as ConcordError with one of the CONCORD_ERR_CONNECTOR_* codes: `retryable`
 * decides retry vs exception, `extras.retryAfterMs` carries a target's Retry-After, and
 * CONCORD_ERR_CONNECTOR_STALE means the target already holds a newer version (the delivery is parked).
 */
export interface DeliveryPort {
  readonly system: string;
  deliver(message: OutboundMessage, signal: AbortSignal): Promise<DeliveryOutcome>;
  close?(): Promise<void>;
}
