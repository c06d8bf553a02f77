import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestStore, STORE_KINDS } from "../../test/support/stores.js";
import type { Store } from "../store/index.js";
import { BacklogGauge } from "./backlog-gauge.js";
import { appendEvents } from "./sql/append-events.js";

/**
 * The intake's back-pressure counts the work the hub has to do now. Work waiting on a target (a
 * retry not yet due, a target whose circuit is open) is the outbox doing its job, and must not
 * close the intake to every other target.
 */
describe.each(STORE_KINDS)("backlog gauge ($name)", (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let down: string[] = [];

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(kind));
    await store.transaction((tx) =>
      appendEvents(
        tx,
        [1, 2, 3].map((n) => ({
          type: "test.event",
          businessKey: `gauge:${n}`,
          keyVersion: 1,
          payload: {},
          correlationId: `gauge-${n}`,
        })),
        [
          { target: "up", required: true },
          { target: "flaky", required: true },
          { target: "down", required: true },
        ],
      ),
    );
  });
  afterAll(async () => dispose?.());

  const count = async () => {
    const gauge = new BacklogGauge(store, 60_000, () => down);
    await gauge.refresh();
    return gauge.current;
  };

  it("counts deliveries due now and in flight", async () => {
    expect(await count()).toBe(9);
    await store.query(
      "UPDATE deliveries SET status = 'in_flight', lease_until = now() + interval '1 minute' WHERE business_key = 'gauge:1' AND target = 'up'",
    );
    expect(await count()).toBe(9);
    await store.query("UPDATE deliveries SET status = 'acknowledged' WHERE business_key = 'gauge:1' AND target = 'up'");
    expect(await count()).toBe(8);
  });

  it("leaves out retries not yet due and targets whose circuit is open", async () => {
    await store.query(
      "UPDATE deliveries SET next_attempt_at = now() + interval '10 minutes' WHERE target = 'flaky' AND business_key <> 'gauge:3'",
    );
    expect(await count()).toBe(6);
    down = ["down"];
    expect(await count()).toBe(3);
    down = [];
    expect(await count()).toBe(6);
  });
});
