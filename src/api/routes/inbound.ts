import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import { clmAgreementItem, withdrawClmAmendment } from "../../workflows/contract-propagation/index.js";
import type { ApiDeps } from "../api-deps.js";
import { requireActingFor } from "../auth/install-auth.js";

/**
 * Source systems' webhooks, in their native formats. The message is persisted before it is
 * acknowledged: 202 means Concord has it durably (or had it: a duplicate gets the first answer).
 */
export async function inboundRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.post("/v1/inbound/clm/agreement-events", { config: { scope: "contracts:write" } }, async (request, reply) => {
    // The CLM's native webhook: only a client registered to act for the CLM may send it.
    requireActingFor(request.principal, "clm");
    refuseWhenOverloaded(deps);
    const header = request.headers["x-clm-event-id"];
    // A withdrawn amendment is compensated by a version with the previous terms (price activation).
    if ((request.body as { eventType?: unknown } | null)?.eventType === "agreement.amendment.withdrawn") {
      const undone = await withdrawClmAmendment(
        deps.store,
        deps.intake,
        {
          system: "clm",
          contentType: request.headers["content-type"] ?? "application/json",
          rawBody: request.rawBody ?? JSON.stringify(request.body),
          ...correlation(request.headers["x-correlation-id"]),
        },
        request.body,
      );
      return reply.code(202).send({ ...undone, propagation: `/v1/contracts/${undone.contractId}/propagation` });
    }
    const result = await deps.intake.submit(
      clmAgreementItem(
        {
          system: "clm",
          contentType: request.headers["content-type"] ?? "application/json",
          rawBody: request.rawBody ?? JSON.stringify(request.body),
          ...(typeof header === "string" ? { messageId: header } : {}),
          ...correlation(request.headers["x-correlation-id"]),
        },
        request.body,
      ),
    );
    return reply.code(202).send({ ...result, propagation: `/v1/contracts/${result.contractId}/propagation` });
  });
}

export function correlation(header: string | string[] | undefined): { correlationId?: string } {
  return typeof header === "string" && /^[\w.:-]{1,100}$/.test(header) ? { correlationId: header } : {};
}

/** Refuses new work while the delivery backlog is over its limit; the sender retries after the wait. */
export function refuseWhenOverloaded(deps: ApiDeps): void {
  const overload = deps.overloaded();
  if (overload) {
    throw Errors.Backpressure(
      `${overload.backlog} deliveries are waiting; send this message again in ${overload.retryAfterSeconds} s`,
      { retryAfterSeconds: overload.retryAfterSeconds, backlog: overload.backlog },
    );
  }
}
