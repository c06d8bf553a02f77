import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import { readTrace } from "../../store/queries/trace-queries.js";
import type { ApiDeps } from "../api-deps.js";
import { readSnapshot } from "../read-snapshot.js";

/** One business transaction end to end, by the correlation id every record of it carries. */
export async function traceRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get<{ Params: { correlationId: string } }>(
    "/v1/traces/:correlationId",
    {
      schema: {
        params: Type.Object({ correlationId: Type.String({ minLength: 1, maxLength: 100 }) }),
        summary: "Every system and step of one business transaction, in time order, with a summary",
      },
      config: { scope: "operations:read" },
    },
    async (request) => {
      const { correlationId } = request.params;
      const trace = await readSnapshot(deps.store, (tx) =>
        readTrace(tx, correlationId, { functionalAckOf: (system) => deps.partners.x12.x12PartnerOf(system)?.ack }),
      );
      if (!trace)
        throw Errors.NotFound(`nothing Concord holds carries correlation id ${correlationId}`, { correlationId });
      return trace;
    },
  );
}
