import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Errors } from "../../src/errors/index.js";
import {
  appendEvent,
  compileRetryPolicy,
  type DeliveryOutcome,
  type DeliveryPort,
  Dispatcher,
  type OutboundMessage,
} from "../../src/events/index.js";
import { compileHubConfig } from "../../src/server/index.js";
import type { Store } from "../../src/store/index.js";
import { contractV1 } from "../support/small-health-system.js";
import { openTestStore, STORE_KINDS } from "../support/stores.js";
import { deliveryStatuses, getJson, postVersion, useRecordingHub, waitFor } from "../support/test-hub.js";

/** A target that answers 503 while `down`, and applies everything once it is back. */
class SwitchablePort implements DeliveryPort {
  readonly system = "erp";
  down = true;
  readonly calls: OutboundMessage[] = [];
  async deliver(message: OutboundMessage): Promise<DeliveryOutcome> {
    this.calls.push(message);
    if (this.down) throw Errors.ConnectorTransient("erp answered 503", { httpStatus: 503 });
    return { kind: "acknowledged", ref: `E-${message.deliveryId}` };
  }
}

/** Long enough for many polls at 10 ms: were the breaker not holding, attempts would pile up. */
const manyPolls = () => new Promise((r) => setTimeout(r, 250));

describe.each(STORE_KINDS)("circuit breaker: a target that is down is not hammered ($name)", (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(kind));
  });
  afterAll(async () => dispose?.());

  const count = async (sql: string) => (await store.query<{ n: number }>(sql))[0]!.n;

  it("gets failureThreshold attempts, then one probe per cool-down (doubling), then recovers by itself", async () => {
    await store.transaction(async (tx) => {
      for (let k = 0; k < 4; k++) {
        await appendEvent(tx, { type: "t", businessKey: `k:${k}`, keyVersion: 1, payload: {}, correlationId: "c" }, [
          { target: "erp", required: true },
        ]);
      }
    });
    const port = new SwitchablePort();
    const clock = { t: 1_000_000 };
    const d = new Dispatcher({
      store,
      ports: new Map([["erp", port]]),
      // Retries are due almost at once: without the breaker every poll would send again.
      retryPolicy: compileRetryPolicy({ initialDelayMs: 1, maxDelayMs: 2, maxAttempts: 1_000, jitter: 0 }),
      workerId: "w",
      concurrency: 1,
      leaseMs: 60_000,
      deliveryTimeoutMs: 30_000,
      pollIntervalMs: 10,
      circuit: { failureThreshold: 3, openMs: 1_000, maxOpenMs: 4_000 },
      now: () => clock.t,
    });
    d.start();
    try {
      await waitFor(() => port.calls.length === 3, 10_000, "three failed attempts");
      await manyPolls();
      expect(port.calls).toHaveLength(3);
      expect(d.circuitStatus("erp")).toMatchObject({ state: "open", consecutiveFailures: 3 });
      expect(d.circuitStatus("erp").nextProbeAt).toEqual(new Date(clock.t + 1_000));
      // While open nothing is claimed: no attempt is spent, every delivery waits pending.
      await waitFor(
        async () => (await count("SELECT count(*)::int AS n FROM deliveries WHERE status = 'pending'")) === 4,
        10_000,
        "the third failure settled",
      );
      expect(await count("SELECT count(*)::int AS n FROM delivery_attempts")).toBe(3);
      expect(await count("SELECT sum(attempts)::int AS n FROM deliveries")).toBe(3);

      // Cool-down over: exactly one probe. It fails, and the next cool-down is twice as long.
      clock.t += 1_000;
      await waitFor(() => port.calls.length === 4, 10_000, "the first probe");
      await manyPolls();
      expect(port.calls).toHaveLength(4);
      await waitFor(() => d.circuitStatus("erp").state === "open", 10_000, "re-opened");
      expect(d.circuitStatus("erp").nextProbeAt).toEqual(new Date(clock.t + 2_000));
      clock.t += 1_000;
      await manyPolls();
      expect(port.calls).toHaveLength(4);
      clock.t += 1_000;
      await waitFor(() => port.calls.length === 5, 10_000, "the second probe");
      await manyPolls();
      expect(port.calls).toHaveLength(5);

      // The target comes back: the next probe succeeds, the circuit closes, everything is delivered.
      port.down = false;
      await waitFor(() => d.circuitStatus("erp").state === "open", 10_000, "re-opened");
      clock.t += 4_000;
      await waitFor(
        async () => (await count("SELECT count(*)::int AS n FROM deliveries WHERE status = 'acknowledged'")) === 4,
        10_000,
        "all delivered",
      );
    } finally {
      await d.stop();
    }
    expect(port.calls).toHaveLength(5 + 4);
    expect(new Set(port.calls.slice(5).map((m) => m.deliveryId)).size).toBe(4);
    expect(d.circuitStatus("erp")).toEqual({
      state: "closed",
      consecutiveFailures: 0,
      openedAt: undefined,
      nextProbeAt: undefined,
    });
    expect(await count("SELECT count(*)::int AS n FROM delivery_attempts")).toBe(9);
  });
});

describe.each(STORE_KINDS)("circuit breaker in the hub, seen through GET /v1/targets ($name)", (kind) => {
  const openMs = 200;
  const maxOpenMs = 400;
  const env = useRecordingHub(kind, {
    retry: { initialDelayMs: 10, maxDelayMs: 20, maxAttempts: 50, jitter: 0 },
    dispatcher: { concurrency: 1, circuit: { failureThreshold: 3, openMs, maxOpenMs } },
  });

  it("opens after three 503s, probes at growing intervals, reports it, and delivers everything when the target is back", async () => {
    env.target.enqueue({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }, { status: 503 });
    const contracts = [1, 2, 3].map((n) => contractV1({ id: `ctr-cb-${n}`, number: `AGR-CB-${n}` }));
    for (const c of contracts) expect((await postVersion(env.hub.url, c)).status).toBe(202);

    const open = await waitFor(
      async () => {
        const { body } = await getJson(`${env.hub.url}/v1/targets`);
        const t = body.items.find((x: any) => x.target === "procurement");
        return t?.circuit.state === "open" ? t : undefined;
      },
      10_000,
      "an open circuit",
    );
    expect(open.circuit.consecutiveFailures).toBeGreaterThanOrEqual(3);
    expect(Date.parse(open.circuit.nextProbeAt) - Date.parse(open.circuit.openedAt)).toBeGreaterThanOrEqual(openMs);
    expect(open.backlog.pending + open.backlog.inFlight).toBe(3);

    for (const c of contracts) {
      await waitFor(async () => (await deliveryStatuses(env.hub.url, c.id, 1)).procurement === "acknowledged");
    }
    // Five failures then one success per contract: the breaker spent no extra attempt.
    const requests = env.target.requests.filter((r) => r.contract.startsWith("AGR-CB-"));
    expect(requests).toHaveLength(5 + 3);
    expect(env.target.applied.filter((a) => a.contract.startsWith("AGR-CB-"))).toHaveLength(3);
    // Retries were due after 10–20 ms; the probes waited a cool-down each: 200, then 400 (capped), 400.
    const gap = (i: number) => requests[i]!.at - requests[i - 1]!.at;
    expect(gap(3)).toBeGreaterThanOrEqual(openMs);
    expect(gap(4)).toBeGreaterThanOrEqual(maxOpenMs);
    expect(gap(5)).toBeGreaterThanOrEqual(maxOpenMs);

    const { status, body } = await getJson(`${env.hub.url}/v1/targets`);
    expect(status).toBe(200);
    expect(body.items).toContainEqual({
      target: "procurement",
      circuit: { state: "closed", consecutiveFailures: 0, openedAt: null, nextProbeAt: null },
      backlog: { pending: 0, inFlight: 0 },
    });
  });
});

describe("circuit breaker configuration", () => {
  it("fills defaults and refuses invalid settings with a message naming the option", () => {
    expect(compileHubConfig({}).dispatcher).toMatchObject({
      circuit: { failureThreshold: 5, openMs: 5_000, maxOpenMs: 300_000 },
      routineShare: 0.2,
    });
    expect(compileHubConfig({ dispatcher: { circuit: { openMs: 100 } } }).dispatcher.circuit).toEqual({
      failureThreshold: 5,
      openMs: 100,
      maxOpenMs: 300_000,
    });
    expect(() => compileHubConfig({ dispatcher: { circuit: { failureThreshold: 0 } } })).toThrow(
      "dispatcher.circuit.failureThreshold must be a whole number of at least 1 (got 0)",
    );
    expect(() => compileHubConfig({ dispatcher: { circuit: { openMs: 10_000, maxOpenMs: 5_000 } } })).toThrow(
      "dispatcher.circuit.maxOpenMs (5000) must be at least openMs (10000)",
    );
    expect(() => compileHubConfig({ dispatcher: { routineShare: 1.5 } })).toThrow(
      "dispatcher.routineShare must be a number from 0 to 1 (got 1.5)",
    );
  });
});
