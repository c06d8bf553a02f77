import { Errors } from "../errors/index.js";
import { LOG_LEVELS, type LoggingConfig, type LogLevel } from "./create-hub-logger.js";
import { TRACE_EXPORTERS, type TraceExporterName, type TracingConfig } from "./hub-tracing.js";

export interface ObservabilityConfigInput {
  /** Structured JSON logs; default `silent` (the CLI's `concord start` asks for `info`). */
  readonly logging?: { readonly level?: LogLevel };
  /** OpenTelemetry traces; default `none`. `file` writes JSON lines to `file`. */
  readonly tracing?: { readonly exporter?: TraceExporterName; readonly file?: string };
  /** Prometheus: how long store-backed numbers (backlog, dead letters, exceptions) are reused, default 5 s. */
  readonly metrics?: { readonly storeCacheMs?: number };
}

export interface ObservabilityConfig {
  readonly logging: LoggingConfig;
  readonly tracing: TracingConfig;
  readonly metrics: { readonly storeCacheMs: number };
}

/** Validates the logging, tracing and metrics sections of the hub configuration and fills defaults. */
export function compileObservabilityConfig(input: ObservabilityConfigInput): ObservabilityConfig {
  const level = input.logging?.level ?? "silent";
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw Errors.ConfigInvalid(`logging.level must be one of ${LOG_LEVELS.join(", ")} (got ${String(level)})`);
  }
  const exporter = input.tracing?.exporter ?? "none";
  if (!(TRACE_EXPORTERS as readonly string[]).includes(exporter)) {
    throw Errors.ConfigInvalid(
      `tracing.exporter must be one of ${TRACE_EXPORTERS.join(", ")} (got ${String(exporter)})`,
    );
  }
  const file = input.tracing?.file;
  if (exporter === "file" && (typeof file !== "string" || file === "")) {
    throw Errors.ConfigInvalid('tracing.file must name the JSON-lines file when tracing.exporter is "file"');
  }
  const storeCacheMs = input.metrics?.storeCacheMs ?? 5_000;
  if (!Number.isInteger(storeCacheMs) || storeCacheMs < 0) {
    throw Errors.ConfigInvalid(
      `metrics.storeCacheMs must be a whole number of at least 0 (got ${String(storeCacheMs)})`,
    );
  }
  return { logging: { level }, tracing: { exporter, file }, metrics: { storeCacheMs } };
}
