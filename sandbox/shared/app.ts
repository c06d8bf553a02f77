import Fastify, { type FastifyInstance } from "fastify";

export interface AppOptions {
  /** Fastify logger; off by default so test output stays readable. */
  logger?: boolean;
}

/** forceCloseConnections: a hung (fault-injected) request must never hold `close()` open. */
export function createApp(opts: AppOptions = {}): FastifyInstance {
  return Fastify({ logger: opts.logger ?? false, forceCloseConnections: true, bodyLimit: 32 * 1024 * 1024 });
}

export function headerValue(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v && v.trim() !== "" ? v : undefined;
}

/** Monotonic receipt numbers like `PRC-RCPT-000001`. */
export function sequence(prefix: string, width = 6): () => string {
  let n = 0;
  return () => `${prefix}${String(++n).padStart(width, "0")}`;
}
