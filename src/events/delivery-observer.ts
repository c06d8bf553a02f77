import type { ConcordError } from "../errors/index.js";
import type { ClaimedDelivery } from "./sql/claim-deliveries.js";

/** What a settled attempt came to, once committed: `retried` is a failure with attempts left. */
export type SettledOutcome = "acknowledged" | "delivered" | "retried" | "failed" | "dead" | "parked";

/**
 * Watches deliveries for metrics, traces and logs (implemented in src/observability). Called on
 * the hot path, so implementations only touch memory: no store queries, no awaiting.
 */
export interface DeliveryObserver {
  /** A claimed delivery is about to go to its target. */
  attemptStarted(delivery: ClaimedDelivery): AttemptObservation;
}

export interface AttemptObservation {
  /** W3C trace context the target receives (`traceparent`), when tracing. */
  readonly traceparent: string | undefined;
  /** The target answered (or the attempt failed): the attempt itself is over. */
  answered(failure: ConcordError | undefined): void;
  /** The outcome is committed. Not called when the lease was lost to another worker. */
  settled(outcome: SettledOutcome): void;
}
