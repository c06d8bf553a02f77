import { Errors } from "../errors/index.js";
import { LOG_LEVELS, type LoggingConfig, type LogLevel } from "./create-hub-logger.js";
import { TRACE_EXPORTERS, type TraceExporterName, type TracingConfig } from "./hub-tracing.js";

export interface ObservabilityConfigInput {
  /** Structured JSON logs; default `silent` (the CLI's `concord start` asks for `info`). */
  readonly logging?: { readonly level?: LogLevel };
  /**
   * OpenTelemetry traces; default `none`. `file` writes JSON lines to `file`; `otlp` sends them
   * over OTLP/HTTP to `otlp.url` (default the local collector's http://127.0.0.1:4318/v1/traces)
   * with `otlp.headers` (a value "env:NAME" is read from the environment at start).
   */
  readonly tracing?: {
    readonly exporter?: TraceExporterName;
    readonly file?: string;
    readonly otlp?: { readonly url?: string; readonly headers?: Readonly<Record<string, string>> };
  };
  /** Prometheus: how long store-backed numbers (backlog, dead letters, exceptions) are reused, default 5 s. */
  readonly metrics?: { readonly storeCacheMs?: number };
}

export interface ObservabilityConfig {
  readonly logging: LoggingConfig;
  readonly tracing: TracingConfig;
  readonly metrics: { readonly storeCacheMs: number };
}

export const DEFAULT_OTLP_TRACES_URL = "http://127.0.0.1:4318/v1/traces";

/** Validates the logging, tracing and metrics sections of the hub configuration and fills defaults. */
export function compileObservabilityConfig(
  input: ObservabilityConfigInput,
  env: NodeJS.ProcessEnv = process.env,
): ObservabilityConfig {
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
  const otlp = exporter === "otlp" ? compileOtlp(input.tracing?.otlp ?? {}, env) : undefined;
  return {
    logging: { level },
    tracing: { exporter, file, ...(otlp ? { otlp } : {}) },
    metrics: { storeCacheMs },
  };
}

function compileOtlp(
  input: NonNullable<NonNullable<ObservabilityConfigInput["tracing"]>["otlp"]>,
  env: NodeJS.ProcessEnv,
): NonNullable<TracingConfig["otlp"]> {
  const url = input.url ?? DEFAULT_OTLP_TRACES_URL;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
    throw Errors.ConfigInvalid(`tracing.otlp.url must be an http(s) URL (got ${String(url)})`);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    if (typeof value !== "string") throw Errors.ConfigInvalid(`tracing.otlp.headers.${name} must be a string`);
    if (!value.startsWith("env:")) {
      headers[name] = value;
      continue;
    }
    // Collector credentials stay out of the configuration file.
    const fromEnv = env[value.slice("env:".length)];
    if (!fromEnv) {
      throw Errors.ConfigInvalid(`tracing.otlp.headers.${name}: the environment variable ${value.slice(4)} is not set`);
    }
    headers[name] = fromEnv;
  }
  return { url, headers };
}
