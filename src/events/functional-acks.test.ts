import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestStore, STORE_KINDS } from "../../test/support/stores.js";
import type { Store } from "../store/index.js";
import type { DeliveryOutcome, DeliveryPort } from "./delivery-port.js";
import { Dispatcher, type SettledDelivery } from "./dispatcher.js";
import { compileRetryPolicy } from "./retry-policy.js";
import { appendEvent } from "./sql/append-event.js";

/** An EDI partner: it takes the file at once; its 997 comes later, on another channel. */
class EdiPort implements DeliveryPort {
  readonly system = "edi";
  constructor(private readonly awaitAckMs: number) {}
  async deliver(): Promise<DeliveryOutcome> {
    return { kind: "delivered", ref: "ISA000000001", awaitAckMs: this.awaitAckMs };
  }
}

async function statusOf(store: Store, key: string) {
  const [row] = await store.query<{ id: number; status: string; ack_due_at: string | null }>(
    "SELECT id, status, ack_due_at FROM deliveries WHERE business_key = $1",
    [key],
  );
  return row!;
}

describe.each(STORE_KINDS)("functional acknowledgments ($name)", (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  const settled: SettledDelivery[] = [];
  const dispatcher = (awaitAckMs: number) =>
    new Dispatcher({
      store,
      ports: new Map([["edi", new EdiPort(awaitAckMs)]]),
      retryPolicy: compileRetryPolicy(),
      workerId: "w",
      concurrency: 4,
      leaseMs: 60_000,
      deliveryTimeoutMs: 5_000,
      pollIntervalMs: 10,
      onSettled: async (_tx, s) => {
        settled.push(...s);
      },
    });
  const send = (key: string) =>
    store.transaction((tx) =>
      appendEvent(tx, { type: "t", businessKey: key, keyVersion: 1, payload: {}, correlationId: `c-${key}` }, [
        { target: "edi", required: true },
      ]),
    );

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(kind));
  });
  afterAll(async () => dispose?.());

  it("keeps a sent document 'delivered' until its 997 accepts it, then acknowledges it for the workflows", async () => {
    await send("k:accepted");
    const d = dispatcher(60_000);
    await d.runOnce();
    const sent = await statusOf(store, "k:accepted");
    expect(sent.status).toBe("delivered");
    expect(sent.ack_due_at).not.toBeNull();
    expect(settled.filter((s) => s.status === "acknowledged")).toHaveLength(0);

    const acked = await store.transaction((tx) =>
      d.recordFunctionalAcks(tx, "edi", [{ deliveryId: sent.id, accepted: true, detail: "AK5*A" }]),
    );
    expect(acked.map((a) => a.status)).toEqual(["acknowledged"]);
    expect((await statusOf(store, "k:accepted")).status).toBe("acknowledged");
    expect(settled.at(-1)).toMatchObject({ status: "acknowledged", delivery: { businessKey: "k:accepted" } });

    // A duplicate 997 changes nothing and tells no workflow twice.
    const again = await store.transaction((tx) =>
      d.recordFunctionalAcks(tx, "edi", [{ deliveryId: sent.id, accepted: true, detail: "AK5*A" }]),
    );
    expect(again).toEqual([]);
  });

  it("fails a document its partner rejected, with an exception naming the partner's reason", async () => {
    await send("k:rejected");
    const d = dispatcher(60_000);
    await d.runOnce();
    const sent = await statusOf(store, "k:rejected");
    // Another partner's acknowledgment cannot touch this delivery.
    expect(
      await store.transaction((tx) =>
        d.recordFunctionalAcks(tx, "other", [{ deliveryId: sent.id, accepted: true, detail: "AK5*A" }]),
      ),
    ).toEqual([]);
    await store.transaction((tx) =>
      d.recordFunctionalAcks(tx, "edi", [
        { deliveryId: sent.id, accepted: false, detail: "AK5*R*5: segment PO1 in error" },
      ]),
    );
    expect((await statusOf(store, "k:rejected")).status).toBe("failed");
    const [exception] = await store.query<{ rule: string; message: string }>(
      "SELECT rule, message FROM exceptions WHERE subject_id = $1",
      [String(sent.id)],
    );
    expect(exception).toMatchObject({ rule: "delivery.functional-ack-accepted" });
    expect(exception!.message).toContain("AK5*R*5: segment PO1 in error");
  });

  it("raises an exception when the acknowledgment is overdue, and leaves the document unacknowledged", async () => {
    await send("k:overdue");
    const d = dispatcher(1);
    await d.runOnce();
    const sent = await statusOf(store, "k:overdue");
    await new Promise((r) => setTimeout(r, 20)); // the 1 ms deadline passes
    expect(await d.sweepOverdueAcks()).toBe(1);
    const after = await statusOf(store, "k:overdue");
    expect(after).toMatchObject({ status: "delivered", ack_due_at: null });
    const [exception] = await store.query<{ rule: string; code: string }>(
      "SELECT rule, code FROM exceptions WHERE subject_id = $1",
      [String(sent.id)],
    );
    expect(exception).toEqual({ rule: "delivery.functional-ack-received", code: "CONCORD_ERR_CONNECTOR_TIMEOUT" });
    // A 997 arriving after the deadline no longer changes the delivery: a person decides (replay or release).
    expect(
      await store.transaction((tx) =>
        d.recordFunctionalAcks(tx, "edi", [{ deliveryId: sent.id, accepted: true, detail: "late" }]),
      ),
    ).toEqual([]);
  });
});
