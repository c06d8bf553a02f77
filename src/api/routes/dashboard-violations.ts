import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { windowEndingNow } from "../../store/queries/process-health/index.js";
import { violationTrend } from "../../store/queries/violation-trend.js";
import type { ApiDeps } from "../api-deps.js";
import { readWindow, WindowParams, type WindowQuery } from "./dashboard-window.js";

/** Ownership violations and refused API calls over time. */
export async function dashboardViolationRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get<{ Querystring: WindowQuery }>(
    "/v1/dashboard/violations",
    {
      schema: {
        querystring: Type.Object(WindowParams, { additionalProperties: false }),
        summary: "Policy violations (ownership) and refused API calls (governance), per bucket, by rule and caller",
      },
      config: { scope: "operations:read" },
    },
    async (request) => {
      const { windowMs, bucketMs } = readWindow(request.query);
      const w = await windowEndingNow(deps.store, windowMs, bucketMs);
      return {
        window: { from: w.from.toISOString(), to: w.to.toISOString(), bucketMs },
        ...(await violationTrend(deps.store, w)),
      };
    },
  );
}
