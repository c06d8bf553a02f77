import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beforeTransaction } from "../../../test/support/before-transaction.js";
import { openTestStore, STORE_KINDS } from "../../../test/support/stores.js";
import type { Store } from "../../store/index.js";
import { ThrottleCounters } from "./throttle-counters.js";

const WINDOW = 60_000;

describe("throttle counters of one process", () => {
  it("count per key in windows aligned to the clock, and start again with the next window", () => {
    const clock = { t: 10 * WINDOW + 45_000 };
    const c = new ThrottleCounters({ windowMs: WINDOW, now: () => clock.t });
    expect(c.incr("client:a")).toEqual({ current: 1, ttl: 15_000 });
    expect(c.incr("client:a")).toEqual({ current: 2, ttl: 15_000 });
    expect(c.incr("client:b").current).toBe(1);
    clock.t += 14_999;
    expect(c.incr("client:a")).toEqual({ current: 3, ttl: 1 });
    clock.t += 1;
    expect(c.incr("client:a")).toEqual({ current: 1, ttl: WINDOW });
  });
});

describe.each(STORE_KINDS)("throttle counters shared through the store ($name)", (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(kind));
  });
  afterAll(async () => dispose?.());

  const clock = { t: 1_000 * WINDOW };
  const counters = (s: Store = store) =>
    new ThrottleCounters({ windowMs: WINDOW, share: { store: s, everyMs: 60_000 }, now: () => clock.t });
  const rows = () =>
    store.query<{ key: string; window_start: number; count: number }>(
      "SELECT key, window_start, count FROM api_rate_counters ORDER BY window_start, key",
    );

  it("hold a client to one count across processes, each adding only what it counted itself", async () => {
    const a = counters();
    const b = counters();
    for (let i = 0; i < 6; i++) a.incr("client:shared");
    await a.share();
    await b.share();
    expect(b.incr("client:shared").current).toBe(7);
    b.incr("client:shared");
    await b.share();
    // Sharing again adds nothing twice.
    await b.share();
    await a.share();
    expect(a.incr("client:shared").current).toBe(9);
    await a.share();
    expect(await rows()).toEqual([{ key: "client:shared", window_start: clock.t, count: 9 }]);
  });

  it("keep counting what is being shared until the totals read back include it", async () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const c = counters(beforeTransaction(store, () => gate));
    for (let i = 0; i < 3; i++) c.incr("client:midshare");
    const sharing = c.share();
    expect(c.incr("client:midshare").current).toBe(4);
    open();
    await sharing;
    expect(c.incr("client:midshare").current).toBe(5);
  });

  it("keep what a failed share counted, and add it with the next one", async () => {
    let fail = true;
    const flaky = beforeTransaction(store, () => {
      if (fail) throw new Error("connection reset");
    });
    const failures: unknown[] = [];
    const c = new ThrottleCounters({
      windowMs: WINDOW,
      share: { store: flaky, everyMs: 60_000 },
      now: () => clock.t,
      onShareFailed: (e) => failures.push(e),
    });
    c.incr("client:flaky");
    c.incr("client:flaky");
    await c.share();
    expect(failures).toHaveLength(1);
    expect(c.incr("client:flaky").current).toBe(3);
    fail = false;
    await c.share();
    expect((await rows()).find((r) => r.key === "client:flaky")?.count).toBe(3);
  });

  it("forget windows before the previous one", async () => {
    const c = counters();
    clock.t += 2 * WINDOW;
    c.incr("client:later");
    await c.share();
    expect(await rows()).toEqual([{ key: "client:later", window_start: clock.t, count: 1 }]);
  });
});
