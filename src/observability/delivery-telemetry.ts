import { SpanKind } from "@opentelemetry/api";
import type { Logger } from "pino";
import type { ConcordError } from "../errors/index.js";
import type { AttemptObservation, ClaimedDelivery, DeliveryObserver, SettledOutcome } from "../events/index.js";
import type { HubMetrics } from "./hub-metrics.js";
import type { HubTracing } from "./hub-tracing.js";

/**
 * The dispatcher's observer: per attempt, a counter and (on success) a latency observation, a
 * client span continuing the trace stored with the event, and a log line with the correlation
 * id — a warning when the attempt did not succeed, debug otherwise (a busy hub delivers
 * thousands a second, and successes are already counted).
 */
export class DeliveryTelemetry implements DeliveryObserver {
  constructor(
    private readonly metrics: HubMetrics,
    private readonly tracing: HubTracing | undefined,
    private readonly log: Logger,
  ) {}

  attemptStarted(d: ClaimedDelivery): AttemptObservation {
    const span = this.tracing?.start(`deliver ${d.target}`, {
      kind: SpanKind.CLIENT,
      ...(d.traceparent ? { parent: d.traceparent } : {}),
      attributes: {
        "concord.correlation_id": d.correlationId,
        "concord.delivery_id": d.id,
        "concord.target": d.target,
        "concord.event_type": d.eventType,
        "concord.business_key": d.businessKey,
        "concord.key_version": d.keyVersion,
        "concord.attempt": d.attempts,
      },
    });
    const { metrics, log } = this;
    let failure: ConcordError | undefined;
    return {
      traceparent: span?.traceparent,
      answered(f) {
        failure = f;
        if (!span) return;
        if (f) span.span.setAttribute("concord.error_code", f.code);
        span.end(f);
      },
      settled(outcome: SettledOutcome) {
        metrics.observeAttempt(d.target, d.eventType, outcome, d.createdAt);
        const level = outcome === "acknowledged" || outcome === "delivered" ? "debug" : "warn";
        if (!log.isLevelEnabled(level)) return;
        log[level](
          {
            correlationId: d.correlationId,
            deliveryId: d.id,
            target: d.target,
            businessKey: d.businessKey,
            keyVersion: d.keyVersion,
            attempt: d.attempts,
            outcome,
            ...(failure ? { errorCode: failure.code, error: failure.message } : {}),
            ...(span ? { traceId: span.span.spanContext().traceId } : {}),
          },
          `delivery ${outcome}`,
        );
      },
    };
  }
}
