import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import type { ApiDeps } from "../api-deps.js";

export type HealthDeps = Pick<ApiDeps, "store" | "isReady" | "brokerUp">;

export async function healthRoutes(app: FastifyInstance, deps: HealthDeps): Promise<void> {
  /** Ready = started, not draining, the store answers, and the bus (if any) is connected. */
  app.get("/healthz", { config: { public: true } }, async () => {
    if (!deps.isReady()) throw Errors.StoreUnavailable("the hub is starting or shutting down");
    try {
      await deps.store.query("SELECT 1");
    } catch (e) {
      throw Errors.StoreUnavailable("the store does not answer", {}, e);
    }
    if (deps.brokerUp && !deps.brokerUp()) {
      throw Errors.StoreUnavailable("the enterprise bus (NATS) is not connected; the client is reconnecting", {
        broker: "down",
      });
    }
    return { status: "ok", store: deps.store.dialect, ...(deps.brokerUp ? { broker: "ok" } : {}) };
  });
}
