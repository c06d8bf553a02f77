import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { windowEndingNow } from "../../store/queries/process-health/index.js";
import type { ApiDeps } from "../api-deps.js";
import { readOutcomes } from "../outcomes/read-outcomes.js";
import { readWindow } from "./dashboard-window.js";

const OutcomesQuery = Type.Object(
  {
    window: Type.Optional(
      Type.String({
        pattern: "^[1-9][0-9]{0,3}[mhd]$",
        default: "30d",
        description: "How far back from now (at most 90d)",
      }),
    ),
  },
  { additionalProperties: false },
);

/**
 * Business outcomes, whether the hub improves operations: invoice disputes, contract activation
 * time, manual touches, duplicate vendor rate and estimated pricing leakage.
 */
export async function outcomeRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get<{ Querystring: { window?: string } }>(
    "/v1/outcomes",
    {
      schema: {
        querystring: OutcomesQuery,
        summary: "Business outcomes over a window (disputes, activation, touches, duplicates, leakage)",
      },
      config: { scope: "operations:read" },
    },
    async (request) => {
      const window = request.query.window ?? "30d";
      const { windowMs } = readWindow({ window, bucket: window });
      const w = await windowEndingNow(deps.store, windowMs, windowMs);
      return readOutcomes(deps.store, w.from, w.to);
    },
  );
}
