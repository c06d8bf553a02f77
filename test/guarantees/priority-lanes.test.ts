import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendEvents, compileRetryPolicy, Dispatcher, type NewEvent, PRIORITY } from "../../src/events/index.js";
import type { Store } from "../../src/store/index.js";
import { GatedPort } from "../support/gated-port.js";
import { openTestStore, STORE_KINDS } from "../support/stores.js";
import { waitFor } from "../support/test-hub.js";

const ROUTINE = 200;
const URGENT_KEYS = 25; // two versions each: 50 urgent deliveries

const event = (type: string, key: string, version: number, priority: number): NewEvent => ({
  type,
  businessKey: key,
  keyVersion: version,
  payload: {},
  correlationId: `c-${key}-${version}`,
  priority,
});

describe.each(STORE_KINDS)("priority lanes under a backlog ($name)", (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(kind));
  });
  afterAll(async () => dispose?.());

  it("urgent deliveries overtake a routine backlog, routine ones keep moving, per-key order holds", async () => {
    const targets = [{ target: "erp", required: true }];
    await store.transaction((tx) =>
      appendEvents(
        tx,
        Array.from({ length: ROUTINE }, (_, i) => event("routine", `r:${i}`, 1, PRIORITY.routine)),
        targets,
      ),
    );
    const port = new GatedPort("erp");
    const d = new Dispatcher({
      store,
      ports: new Map([["erp", port]]),
      retryPolicy: compileRetryPolicy(),
      workerId: "w",
      concurrency: 2,
      leaseMs: 60_000,
      deliveryTimeoutMs: 30_000,
      pollIntervalMs: 10,
      routineShare: 0.2,
    });
    const total = ROUTINE + 2 * URGENT_KEYS;
    let released = 0;
    const finishOne = async () => {
      port.release(1);
      released += 1;
      const expected = Math.min(total, released + 2);
      await waitFor(() => port.started.length >= expected, 10_000, `${expected} deliveries started`);
    };
    d.start();
    try {
      await waitFor(() => port.started.length === 2, 10_000, "two deliveries started");
      for (let i = 0; i < 10; i++) await finishOne();
      // The urgent stream arrives while the routine backlog is draining.
      await store.transaction((tx) =>
        appendEvents(
          tx,
          Array.from({ length: URGENT_KEYS }, (_, i) => [
            event("urgent", `u:${i}`, 1, PRIORITY.urgent),
            event("urgent", `u:${i}`, 2, PRIORITY.urgent),
          ]).flat(),
          targets,
        ),
      );
      d.wake();
      while (released < total) await finishOne();
    } finally {
      port.release(total);
      await d.stop();
    }

    const order = port.started.map((m) => m.eventType);
    expect(order).toHaveLength(total);
    const positions = (type: string) => order.flatMap((t, i) => (t === type ? [i] : []));
    const urgent = positions("urgent");
    const firstUrgent = urgent[0]!;
    const lastUrgent = urgent.at(-1)!;
    // Nothing urgent before it existed: the first 12 were routine (two in flight + ten finished).
    expect(firstUrgent).toBeGreaterThanOrEqual(12);
    // Urgent work overtakes: all 50 done within about 50 / 0.8 slots of arriving, not after 200 routine ones.
    expect(lastUrgent - firstUrgent).toBeLessThan(70);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(urgent)).toBeLessThan(mean(positions("routine")) / 2);
    // Routine work is not starved: about one slot in five went to it while urgent work waited.
    const routineMeanwhile = order.slice(firstUrgent, lastUrgent).filter((t) => t === "routine").length;
    expect(routineMeanwhile).toBeGreaterThanOrEqual(10);
    // Per-key order within the urgent lane: version 1 reached the target before version 2.
    for (let i = 0; i < URGENT_KEYS; i++) {
      const versions = port.started.filter((m) => m.businessKey === `u:${i}`).map((m) => m.keyVersion);
      expect(versions).toEqual([1, 2]);
    }
    const rows = await store.query<{ status: string; n: number }>(
      "SELECT status, count(*)::int AS n FROM deliveries GROUP BY status",
    );
    expect(rows).toEqual([{ status: "acknowledged", n: total }]);
  });
});
