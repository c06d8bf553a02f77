import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import type { ApiDeps } from "../api-deps.js";

export async function healthRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  /** Ready = started, not draining, and the store answers. */
  app.get("/healthz", async () => {
    if (!deps.isReady()) throw Errors.StoreUnavailable("the hub is starting or shutting down");
    try {
      await deps.store.query("SELECT 1");
    } catch (e) {
      throw Errors.StoreUnavailable("the store does not answer", {}, e);
    }
    return { status: "ok", store: deps.store.dialect };
  });
}
