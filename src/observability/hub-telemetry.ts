import type { DestinationStream, Logger } from "pino";
import type { Queryable } from "../store/index.js";
import { createHubLogger } from "./create-hub-logger.js";
import { DeliveryTelemetry } from "./delivery-telemetry.js";
import { HubMetrics } from "./hub-metrics.js";
import { HubTracing } from "./hub-tracing.js";
import type { ObservabilityConfig } from "./observability-config.js";

/** One process's logger, metrics and (when configured) tracer, built once by the composition root. */
export interface HubTelemetry {
  readonly logger: Logger;
  readonly metrics: HubMetrics;
  /** Undefined with `tracing.exporter: none`: nothing is traced. */
  readonly tracing: HubTracing | undefined;
  /** The dispatcher's observer (metrics, spans and log lines per delivery attempt). */
  readonly deliveries: DeliveryTelemetry;
  /** Flushes buffered spans. */
  close(): Promise<void>;
}

export interface HubTelemetryOptions {
  readonly config: ObservabilityConfig;
  readonly role: string;
  readonly workerId: string;
  readonly store: Queryable;
  readonly targets: readonly string[];
  /** Where log lines go; stdout by default (tests capture them). */
  readonly logDestination?: DestinationStream;
}

export function createHubTelemetry(o: HubTelemetryOptions): HubTelemetry {
  const logger = createHubLogger(o.config.logging, { role: o.role, workerId: o.workerId }, o.logDestination);
  const metricsLog = logger.child({ component: "metrics" });
  const metrics = new HubMetrics({
    store: o.store,
    targets: o.targets,
    storeCacheMs: o.config.metrics.storeCacheMs,
    onStoreError: (err) =>
      metricsLog.warn({ err }, "counting backlog and exceptions for /metrics failed; serving the last numbers"),
  });
  const tracing = HubTracing.create(o.config.tracing);
  return {
    logger,
    metrics,
    tracing,
    deliveries: new DeliveryTelemetry(metrics, tracing, logger.child({ component: "dispatcher" })),
    close: async () => {
      await tracing?.shutdown();
    },
  };
}
