import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestStore, STORE_KINDS } from "../../../test/support/stores.js";
import type { Store } from "../../store/index.js";
import { DAY_MS, ManualClock } from "./clock.js";
import { type FiredTimer, runDueTimers, type TimerHandler } from "./run-due-timers.js";
import { cancelTimer, ensureTimer, scheduleTimer, scheduleTimers } from "./schedule-timer.js";

describe.each(STORE_KINDS)("durable timers ($name)", (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  const clock = new ManualClock("2026-03-01T00:00:00Z");
  const fired: FiredTimer[] = [];
  let failNext = false;
  const handler: TimerHandler = async (tx, t) => {
    if (failNext) {
      failNext = false;
      // Written before the failure: it must roll back with the fired mark.
      await tx.query("INSERT INTO workflow_timers (workflow, timer_key, fire_at) VALUES ('side', $1, now())", [t.key]);
      throw new Error("handler failed");
    }
    fired.push(t);
    return undefined;
  };
  const run = (workerId = "w1") =>
    runDueTimers({
      store,
      workerId,
      leaseMs: 60_000,
      clock,
      handlers: new Map([["test", handler]]),
      retryDelayMs: 1_000,
    });
  const statusOf = async (key: string) =>
    (
      await store.query<{ status: string; attempts: number }>(
        "SELECT status, attempts FROM workflow_timers WHERE workflow = 'test' AND timer_key = $1 ORDER BY id DESC LIMIT 1",
        [key],
      )
    )[0];

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(kind));
  });
  afterAll(async () => dispose?.());

  it("fires a timer once, when the clock reaches it, with its payload", async () => {
    await store.transaction((tx) =>
      scheduleTimer(tx, {
        workflow: "test",
        key: "a",
        fireAt: new Date(clock.now().getTime() + DAY_MS),
        payload: { n: 1 },
      }),
    );
    expect(await run()).toBe(0);
    clock.advance(DAY_MS);
    expect(await run()).toBe(1);
    expect(fired.map((t) => [t.key, t.payload, t.attempt])).toEqual([["a", { n: 1 }, 1]]);
    expect(await run("w2")).toBe(0);
    expect(await statusOf("a")).toMatchObject({ status: "fired" });
  });

  it("moves a live timer when scheduled again instead of adding a second one, and cancels it", async () => {
    const at = (days: number) => new Date(clock.now().getTime() + days * DAY_MS);
    await store.transaction((tx) => scheduleTimer(tx, { workflow: "test", key: "b", fireAt: at(1) }));
    await store.transaction((tx) => scheduleTimer(tx, { workflow: "test", key: "b", fireAt: at(5) }));
    expect(await store.transaction((tx) => ensureTimer(tx, { workflow: "test", key: "b", fireAt: at(1) }))).toBe(false);
    clock.advance(2 * DAY_MS);
    expect(await run()).toBe(0);
    expect(await store.transaction((tx) => cancelTimer(tx, "test", "b"))).toBe(true);
    clock.advance(5 * DAY_MS);
    expect(await run()).toBe(0);
    expect(await statusOf("b")).toMatchObject({ status: "cancelled" });
  });

  it("schedules a batch in one call: the later of a repeated key wins, live ones move, none is added twice", async () => {
    const at = (days: number) => new Date(clock.now().getTime() + days * DAY_MS);
    await store.transaction((tx) => scheduleTimer(tx, { workflow: "test", key: "batch-live", fireAt: at(9) }));
    await store.transaction((tx) =>
      scheduleTimers(tx, [
        { workflow: "test", key: "batch-1", fireAt: at(1), payload: { n: 1 } },
        { workflow: "test", key: "batch-2", fireAt: at(9), payload: { n: 2 } },
        { workflow: "test", key: "batch-2", fireAt: at(1), payload: { n: 3 } },
        { workflow: "test", key: "batch-live", fireAt: at(1), payload: { n: 4 } },
      ]),
    );
    const rows = await store.query<{ timer_key: string; n: number }>(
      "SELECT timer_key, count(*)::int AS n FROM workflow_timers WHERE timer_key LIKE 'batch-%' GROUP BY timer_key ORDER BY timer_key",
    );
    expect(rows).toEqual([
      { timer_key: "batch-1", n: 1 },
      { timer_key: "batch-2", n: 1 },
      { timer_key: "batch-live", n: 1 },
    ]);
    fired.length = 0;
    clock.advance(DAY_MS);
    expect(await run()).toBe(3);
    expect(fired.map((t) => [t.key, t.payload]).sort()).toEqual([
      ["batch-1", { n: 1 }],
      ["batch-2", { n: 3 }],
      ["batch-live", { n: 4 }],
    ]);
    await store.transaction((tx) => scheduleTimers(tx, []));
  });

  it("rolls back what a failing handler wrote and fires the timer again later", async () => {
    fired.length = 0;
    await store.transaction((tx) => scheduleTimer(tx, { workflow: "test", key: "c", fireAt: clock.now() }));
    failNext = true;
    expect(await run()).toBe(1);
    expect(fired).toEqual([]);
    expect(await store.query("SELECT 1 FROM workflow_timers WHERE workflow = 'side'")).toEqual([]);
    expect(await statusOf("c")).toMatchObject({ status: "scheduled", attempts: 1 });
    expect(await run()).toBe(0); // backed off by the run's clock
    clock.advance(1_000);
    expect(await run()).toBe(1);
    expect(fired.map((t) => [t.key, t.attempt])).toEqual([["c", 2]]);
  });

  it("takes over a timer whose worker died while firing it, once the lease ran out", async () => {
    fired.length = 0;
    await store.transaction((tx) => scheduleTimer(tx, { workflow: "test", key: "d", fireAt: clock.now() }));
    await store.query(
      "UPDATE workflow_timers SET status = 'firing', claimed_by = 'dead', attempts = 1, lease_until = now() + interval '1 hour' WHERE timer_key = 'd'",
    );
    expect(await run("w2")).toBe(0); // still leased
    await store.query("UPDATE workflow_timers SET lease_until = now() - interval '1 second' WHERE timer_key = 'd'");
    expect(await run("w2")).toBe(1);
    expect(fired.map((t) => [t.key, t.attempt])).toEqual([["d", 2]]);
  });

  it("lets two workers racing for the same due timers fire each exactly once", async () => {
    fired.length = 0;
    await store.transaction(async (tx) => {
      for (let i = 0; i < 12; i++) await scheduleTimer(tx, { workflow: "test", key: `race-${i}`, fireAt: clock.now() });
    });
    await Promise.all([run("w1"), run("w2"), run("w3")]);
    expect(fired.map((t) => t.key).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `race-${i}`).sort());
  });
});
