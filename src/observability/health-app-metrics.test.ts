import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestStore, STORE_KINDS } from "../../test/support/stores.js";
import { buildHealthApp } from "../api/index.js";
import type { Store } from "../store/index.js";
import { createHubTelemetry } from "./hub-telemetry.js";
import { compileObservabilityConfig } from "./observability-config.js";

/** A worker process serves /metrics beside /healthz, from its own registry. */
describe.each(STORE_KINDS.slice(0, 1))("worker health app ($name)", (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(kind));
  });
  afterAll(async () => dispose?.());

  it("serves its circuits, backlog and process series, and tags each answer with a correlation id", async () => {
    const telemetry = createHubTelemetry({
      config: compileObservabilityConfig({}),
      role: "worker",
      workerId: "w-1",
      store,
      targets: ["erp"],
    });
    telemetry.metrics.reportCircuits(() => [{ target: "erp", state: "half-open" }]);
    const app = await buildHealthApp({ store, isReady: () => true }, telemetry);
    try {
      const res = await app.inject({ method: "GET", url: "/metrics", headers: { "x-correlation-id": "scrape-1" } });
      expect(res.statusCode).toBe(200);
      expect(res.headers["x-correlation-id"]).toBe("scrape-1");
      expect(res.body).toMatch(/^concord_circuit_state\{target="erp",state="half_open"\} 1$/m);
      expect(res.body).toMatch(/^concord_delivery_backlog\{target="erp",status="pending"\} 0$/m);
      expect(res.body).toMatch(/^nodejs_heap_size_used_bytes \d+/m);
      const health = await app.inject({ method: "GET", url: "/healthz" });
      expect(health.statusCode).toBe(200);
      expect(health.headers["x-correlation-id"]).toMatch(/^[0-9a-f-]{36}$/);
      // Each hub has its own registry: this one saw the two requests above and nothing else.
      const again = await app.inject({ method: "GET", url: "/metrics" });
      expect(again.body).toMatch(
        /^concord_http_request_duration_seconds_count\{method="GET",route="\/metrics",status_code="200"\} 1$/m,
      );
      expect(again.body).toMatch(
        /^concord_http_request_duration_seconds_count\{method="GET",route="\/healthz",status_code="200"\} 1$/m,
      );
    } finally {
      await app.close();
      await telemetry.close();
    }
  });
});
