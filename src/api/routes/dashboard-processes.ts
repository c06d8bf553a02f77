import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { aggregateProcess, PROCESS_PROVIDERS, windowEndingNow } from "../../store/queries/process-health/index.js";
import type { ApiDeps } from "../api-deps.js";
import { readWindow, WindowParams, type WindowQuery } from "./dashboard-window.js";

/** Per business process: throughput, success rate, p50/p95 latency and SLA compliance over time. */
export async function dashboardProcessRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get<{ Querystring: WindowQuery }>(
    "/v1/dashboard/processes",
    {
      schema: {
        querystring: Type.Object(WindowParams, { additionalProperties: false }),
        summary: "Each business process's throughput, success rate, latency percentiles and SLA compliance, per bucket",
      },
      config: { scope: "operations:read" },
    },
    async (request) => {
      const { windowMs, bucketMs } = readWindow(request.query);
      const w = await windowEndingNow(deps.store, windowMs, bucketMs);
      const processes = [];
      for (const p of PROCESS_PROVIDERS) {
        const slaMs = deps.processSlaMs[p.process] ?? p.slaMs;
        processes.push(await aggregateProcess(deps.store, { ...p, slaMs }, w));
      }
      return { window: { from: w.from.toISOString(), to: w.to.toISOString(), bucketMs }, processes };
    },
  );
}
