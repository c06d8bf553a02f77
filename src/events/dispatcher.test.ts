import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beforeTransaction } from "../../test/support/before-transaction.js";
import { GatedPort } from "../../test/support/gated-port.js";
import { openTestStore, STORE_KINDS } from "../../test/support/stores.js";
import { waitFor } from "../../test/support/test-hub.js";
import type { Store } from "../store/index.js";
import { Dispatcher } from "./dispatcher.js";
import { compileRetryPolicy } from "./retry-policy.js";
import { appendEvent } from "./sql/append-event.js";

const tick = () => new Promise((r) => setTimeout(r, 20));

describe.each(STORE_KINDS.slice(0, 1))("dispatcher at capacity ($name)", (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(kind));
  });
  afterAll(async () => dispose?.());

  it("never holds more than `concurrency` deliveries, keeps the event loop free while full, and drains", async () => {
    await store.transaction(async (tx) => {
      for (let k = 0; k < 6; k++) {
        await appendEvent(tx, { type: "t", businessKey: `k:${k}`, keyVersion: 1, payload: {}, correlationId: "c" }, [
          { target: "gated", required: true },
        ]);
      }
    });
    const port = new GatedPort();
    const d = new Dispatcher({
      store,
      ports: new Map([["gated", port]]),
      retryPolicy: compileRetryPolicy(),
      workerId: "w",
      concurrency: 2,
      leaseMs: 60_000,
      deliveryTimeoutMs: 30_000,
      pollIntervalMs: 10,
    });
    d.start();
    await waitFor(() => port.started.length === 2, 10_000, "two deliveries started");
    // Wake-ups while full must not spin: timers still fire (this await would hang otherwise).
    for (let i = 0; i < 5; i++) d.wake();
    await tick();
    expect(port.started).toHaveLength(2);
    port.release(1);
    await waitFor(() => port.started.length === 3, 10_000, "a third delivery after one finished");
    expect(port.started).toHaveLength(3);
    for (const n of [5, 6]) {
      port.release(2);
      await waitFor(() => port.started.length === n, 10_000, `${n} deliveries started`);
    }
    port.release(2);
    await d.stop();
    const rows = await store.query<{ status: string }>("SELECT status FROM deliveries");
    expect(rows.map((r) => r.status)).toEqual(Array(6).fill("acknowledged"));
  });

  it("does not promise a writer the slot its own claim round is filling", async () => {
    await store.transaction((tx) =>
      appendEvent(tx, { type: "t", businessKey: "k:claiming", keyVersion: 1, payload: {}, correlationId: "c" }, [
        { target: "gated", required: true },
      ]),
    );
    // The loop's first transaction (the acknowledgment sweep or the claim) waits at this gate.
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    let armed = true;
    const gatedStore = beforeTransaction(store, async () => {
      if (!armed) return;
      armed = false;
      entered();
      await gate;
    });
    const port = new GatedPort();
    const d = new Dispatcher({
      store: gatedStore,
      ports: new Map([["gated", port]]),
      retryPolicy: compileRetryPolicy(),
      workerId: "w2",
      concurrency: 1,
      leaseMs: 60_000,
      deliveryTimeoutMs: 30_000,
      pollIntervalMs: 10,
    });
    d.start();
    await inside;
    // A writer asking now would over-commit the dispatcher: its one slot is being claimed into.
    const reservation = d.reserve(1);
    expect(reservation.limit).toBe(0);
    d.adopt([], reservation);
    open();
    await waitFor(() => port.started.length === 1, 10_000, "the claimed delivery started");
    expect(d.reserve(1).limit).toBe(0);
    port.release(1);
    await d.stop();
  });
});
