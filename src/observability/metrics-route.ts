import type { FastifyInstance } from "fastify";
import type { HubMetrics } from "./hub-metrics.js";

/** GET /metrics: this process's series in the Prometheus text format (api and worker processes alike). */
export async function metricsRoute(app: FastifyInstance, metrics: HubMetrics): Promise<void> {
  app.get("/metrics", { config: { scope: "metrics:read" } }, async (_request, reply) => {
    const text = await metrics.expose();
    return reply.type(metrics.contentType).send(text);
  });
}
