import { type DestinationStream, type Logger, pino } from "pino";
import { LOG_REDACT_PATHS } from "../security/log-redact-paths.js";
import { REDACTED, redactSecrets } from "./redact-secrets.js";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggingConfig {
  readonly level: LogLevel;
}

/**
 * The process's structured logger: one JSON object per line with an ISO time and the level by
 * name, bound to the process's role and worker id. Known paths are censored whole (pino's
 * `redact`, so a bank account object goes at once), then secrets are removed from the finished
 * line (redact-secrets.ts): what a serializer, a raw body or a URL adds does not escape either.
 * Lines about a request or a delivery carry `correlationId` (the API and the dispatcher bind it).
 */
export function createHubLogger(
  config: LoggingConfig,
  bindings: { readonly role: string; readonly workerId: string },
  destination?: DestinationStream,
): Logger {
  const options = {
    level: config.level,
    base: { service: "concord", role: bindings.role, workerId: bindings.workerId, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: {
      paths: [...LOG_REDACT_PATHS, 'req.headers["proxy-authorization"]', "req.headers.cookie"],
      censor: REDACTED,
    },
    hooks: { streamWrite: redactSecrets },
  };
  return destination ? pino(options, destination) : pino(options);
}
