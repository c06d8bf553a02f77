import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** The shape a caller's X-Correlation-Id must have to be kept (anything else could forge log fields). */
const CORRELATION_ID = /^[\w.:-]{1,100}$/;

/**
 * The correlation id of an inbound request: the caller's X-Correlation-Id when it is well formed,
 * else a fresh UUID. Used as fastify's request id, so every log line of the request carries it.
 */
export function correlationIdOf(req: IncomingMessage): string {
  const header = req.headers["x-correlation-id"];
  return typeof header === "string" && CORRELATION_ID.test(header) ? header : randomUUID();
}
