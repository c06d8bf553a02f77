import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Errors } from "../../errors/index.js";
import type { AuthConfig } from "../../server/auth-config.js";

/**
 * Per-client throttling: a fixed one-minute window per client id (per address for public routes),
 * limits from auth.clients[].perMinute. Runs after authentication (preParsing), so the key is the
 * client, not whatever address a proxy shows, and a throttled request costs no body parsing.
 * Answers carry the IETF RateLimit-* fields; a refusal is 429 problem+json with Retry-After.
 *
 * Counters are per process: N api processes let a client do up to N × its limit. That is the
 * documented trade (docs/api.md); a shared counter would cost a store round trip per call.
 */
export async function installThrottle(app: FastifyInstance, auth: AuthConfig): Promise<void> {
  const limitOf = (request: FastifyRequest) =>
    (request.principal && auth.clients.get(request.principal.clientId)?.perMinute) || auth.perMinute;
  await app.register(rateLimit, {
    global: true,
    hook: "preParsing",
    timeWindow: 60_000,
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
