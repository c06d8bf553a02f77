import rateLimit, { type FastifyRateLimitStore } from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Errors } from "../../errors/index.js";
import type { AuthConfig } from "../../server/auth-config.js";
import { THROTTLE_WINDOW_MS, type ThrottleCounters } from "./throttle-counters.js";

/**
 * Per-client throttling: a fixed one-minute window per client id (per address for public routes),
 * limits from auth.clients[].perMinute. Runs after authentication (preParsing), so the key is the
 * client, not whatever address a proxy shows, and a throttled request costs no body parsing.
 * Answers carry the IETF RateLimit-* fields; a refusal is 429 problem+json with Retry-After.
 *
 * The plugin keeps the headers and the refusal; the counting is ours (throttle-counters.ts): in
 * memory, windows aligned to the clock, and on PostgreSQL shared by every api process, so N
 * processes do not give a client N times its limit.
 */
export async function installThrottle(
  app: FastifyInstance,
  auth: AuthConfig,
  counters: ThrottleCounters,
): Promise<void> {
  const limitOf = (request: FastifyRequest) =>
    (request.principal && auth.clients.get(request.principal.clientId)?.perMinute) || auth.perMinute;
  await app.register(rateLimit, {
    global: true,
    hook: "preParsing",
    timeWindow: THROTTLE_WINDOW_MS,
    store: countersStore(counters),
    max: (request) => limitOf(request),
    keyGenerator: (request) => (request.principal ? `client:${request.principal.clientId}` : `ip:${request.ip}`),
    // Probes must never be throttled into looking like an outage.
    allowList: (request) => request.routeOptions.url === "/healthz",
    enableDraftSpec: true,
    errorResponseBuilder: (request, context) => {
      const retryAfterSeconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return Errors.RateLimited(
        `${request.principal?.clientId ?? "this address"} sent more than ${context.max} requests this minute; retry in ${retryAfterSeconds} s`,
        { retryAfterSeconds, limit: context.max },
      );
    },
  });
}

/** The plugin builds its store with `new`: a class that hands every count to the shared counters. */
function countersStore(counters: ThrottleCounters) {
  return class implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void): void {
      callback(null, counters.incr(key));
    }
    child(): FastifyRateLimitStore {
      return this;
    }
  };
}
