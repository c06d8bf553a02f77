import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestStore, STORE_KINDS } from "../../test/support/stores.js";
import { appendEvent } from "../events/index.js";
import { raiseException, recordViolation, type Store } from "../store/index.js";
import { StoreGauges } from "./store-gauges.js";

describe.each(STORE_KINDS)("store-backed gauges ($name)", (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(kind));
  });
  afterAll(async () => dispose?.());

  const sorted = <T>(rows: readonly T[]) =>
    [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  it("counts backlog and dead letters per target, open exceptions per code and age, violations per rule; reuses them for cacheMs", async () => {
    await store.transaction(async (tx) => {
      for (let k = 1; k <= 3; k++) {
        await appendEvent(
          tx,
          { type: "t", businessKey: `k:${k}`, keyVersion: 1, payload: {}, correlationId: `c${k}` },
          [
            { target: "erp", required: true },
            { target: "catalog", required: true },
          ],
        );
      }
      // One of each status the gauges read, and settled ones they must not count.
      await tx.query("UPDATE deliveries SET status = 'in_flight' WHERE target = 'erp' AND business_key = 'k:1'");
      await tx.query("UPDATE deliveries SET status = 'dead' WHERE target = 'erp' AND business_key = 'k:2'");
      await tx.query(
        "UPDATE deliveries SET status = 'acknowledged' WHERE target = 'catalog' AND business_key <> 'k:3'",
      );
      const exception = {
        rule: "r",
        urgency: "routine",
        subjectType: "delivery",
        subjectId: "1",
        message: "m",
      } as const;
      await raiseException(tx, { ...exception, code: "CONCORD_ERR_CONNECTOR_REJECTED" });
      const old = await raiseException(tx, { ...exception, code: "CONCORD_ERR_CONNECTOR_REJECTED" });
      await tx.query("UPDATE exceptions SET created_at = now() - interval '2 days' WHERE id = $1", [old]);
      const resolved = await raiseException(tx, { ...exception, code: "CONCORD_ERR_REF_UNKNOWN" });
      await tx.query("UPDATE exceptions SET status = 'resolved' WHERE id = $1", [resolved]);
      const violation = { entityType: "contract", entityId: "ctr-1", fieldGroups: ["pricing"], message: "m" };
      await recordViolation(tx, { ...violation, rule: "ownership.system-of-record", system: "erp" });
      await recordViolation(tx, { ...violation, rule: "ownership.system-of-record", system: "erp" });
    });
    let now = 1_000;
    const errors: unknown[] = [];
    const gauges = new StoreGauges(
      store,
      5_000,
      (e) => errors.push(e),
      () => now,
    );
    const first = await gauges.read();
    expect(sorted(first.deliveries)).toEqual(
      sorted([
        { target: "erp", status: "in_flight", n: 1 },
        { target: "erp", status: "dead", n: 1 },
        { target: "erp", status: "pending", n: 1 },
        { target: "catalog", status: "pending", n: 1 },
      ]),
    );
    expect(sorted(first.exceptions)).toEqual(
      sorted([
        { code: "CONCORD_ERR_CONNECTOR_REJECTED", age: "under_1h", n: 1 },
        { code: "CONCORD_ERR_CONNECTOR_REJECTED", age: "1d_to_7d", n: 1 },
      ]),
    );
    expect(first.violations).toEqual([{ rule: "ownership.system-of-record", system: "erp", n: 2 }]);

    await store.query("UPDATE deliveries SET status = 'dead' WHERE status = 'pending'");
    now += 4_999;
    expect(await gauges.read()).toBe(first);
    now += 1;
    const second = await gauges.read();
    expect(second.deliveries.filter((d) => d.status === "dead").reduce((n, d) => n + d.n, 0)).toBe(3);
    expect(errors).toEqual([]);
  });

  it("serves the last numbers and reports the error when the store does not answer", async () => {
    let fail = false;
    const flaky = {
      query: async <T>(sql: string, params?: readonly unknown[]) => {
        if (fail) throw new Error("connection refused");
        return store.query<T & Record<string, unknown>>(sql, params as unknown[]);
      },
    };
    const errors: unknown[] = [];
    const gauges = new StoreGauges(flaky as unknown as Store, 0, (e) => errors.push(e));
    const good = await gauges.read();
    fail = true;
    expect(await gauges.read()).toBe(good);
    expect(errors).toHaveLength(1);
  });
});
