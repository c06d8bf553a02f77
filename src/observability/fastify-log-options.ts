import { type FastifyBaseLogger, LogController } from "fastify";
import type { Logger } from "pino";
import { correlationIdOf } from "./correlation-id.js";
import { QUIET_ROUTES } from "./http-telemetry.js";

/**
 * Fastify options that make its logger this process's JSON logger: the request id is the
 * correlation id (logged as `correlationId` on every line of the request), and probes and
 * scrapes are not logged per request.
 */
export function fastifyLogOptions(logger: Logger) {
  return {
    // Typed as fastify's logger so the app keeps the plain FastifyInstance type routes are written for.
    loggerInstance: logger as FastifyBaseLogger,
    genReqId: correlationIdOf,
    logController: new LogController({
      requestIdLogLabel: "correlationId",
      disableRequestLogging: (req: { url?: string; raw?: { url?: string } }) =>
        QUIET_ROUTES.has((req.url ?? req.raw?.url ?? "").split("?")[0]!),
    }),
  };
}
