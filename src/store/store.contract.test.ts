import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestStore, STORE_KINDS } from "../../test/support/stores.js";
import { appendEvent, claimDeliveries } from "../events/index.js";
import { migrate } from "./migrate.js";
import { canonicalToLocal, localToCanonical, upsertXrefs } from "./queries/xref-queries.js";
import type { Store } from "./store.js";

/** The store contract: every case runs on embedded PGlite and on server PostgreSQL. */
describe.each(STORE_KINDS)("store contract ($name)", (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(kind));
  });
  afterAll(async () => dispose?.());

  it("migrations are recorded and re-running them applies nothing", async () => {
    expect(await migrate(store)).toEqual([]);
    const rows = await store.query<{ name: string }>("SELECT name FROM schema_migrations ORDER BY name");
    expect(rows.map((r) => r.name)).toContain("0001_spine.sql");
  });

  it("returns the same JS types from both drivers: int8 number, numeric and date strings, jsonb objects", async () => {
    const [row] = await store.query(
      "SELECT 9007199254740::int8 AS n, 12.3400::numeric(18,4) AS money, '2026-02-28'::date AS day, '{\"a\":[1]}'::jsonb AS doc",
    );
    expect(row).toEqual({ n: 9007199254740, money: "12.3400", day: "2026-02-28", doc: { a: [1] } });
  });

  it("commits a transaction that resolves and rolls back one that throws", async () => {
    await store.transaction((tx) => tx.query("INSERT INTO xrefs VALUES ('s', 'item', 'keep', 'itm-keep')"));
    await expect(
      store.transaction(async (tx) => {
        await tx.query("INSERT INTO xrefs VALUES ('s', 'item', 'drop', 'itm-drop')");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const ids = (await store.query<{ local_id: string }>("SELECT local_id FROM xrefs WHERE system = 's'")).map(
      (r) => r.local_id,
    );
    expect(ids).toEqual(["keep"]);
  });

  it("translates ids both ways through the cross-reference table in one query", async () => {
    await upsertXrefs(store, [
      { system: "erp", entityType: "item", localId: "MED-1", canonicalId: "itm-1" },
      { system: "clm", entityType: "item", localId: "CLM-1", canonicalId: "itm-1" },
      { system: "erp", entityType: "supplier", localId: "100001", canonicalId: "sup-1" },
    ]);
    expect(
      await localToCanonical(store, "clm", [
        { entityType: "item", id: "CLM-1" },
        { entityType: "item", id: "nope" },
      ]),
    ).toEqual({
      item: { "CLM-1": "itm-1" },
    });
    expect(
      await canonicalToLocal(
        store,
        ["erp", "clm"],
        [
          { entityType: "item", id: "itm-1" },
          { entityType: "supplier", id: "sup-1" },
        ],
      ),
    ).toEqual({
      erp: { item: { "itm-1": "MED-1" }, supplier: { "sup-1": "100001" } },
      clm: { item: { "itm-1": "CLM-1" } },
    });
  });

  it("claims a delivery once across concurrent claimers (SKIP LOCKED), and never version n+1 before n", async () => {
    await store.transaction(async (tx) => {
      for (const v of [1, 2]) {
        await appendEvent(tx, { type: "t", businessKey: "k:claim", keyVersion: v, payload: {}, correlationId: "c" }, [
          { target: "x", required: true },
        ]);
      }
    });
    const claim = (workerId: string) =>
      store.transaction((tx) => claimDeliveries(tx, { limit: 10, leaseMs: 60_000, workerId, targets: ["x"] }));
    const results = await Promise.all([claim("w1"), claim("w2"), claim("w3")]);
    const claimed = results.flat();
    expect(claimed.map((d) => d.keyVersion)).toEqual([1]);
    expect(claimed[0]).toMatchObject({ status: "in_flight", attempts: 1, businessKey: "k:claim" });
    // version 2 waits while version 1 is in flight
    expect(await claim("w4")).toEqual([]);
  });
});
