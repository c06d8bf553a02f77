import { afterAll, describe, expect, it } from "vitest";
import { createAnalyticsServer } from "./server.js";

const app = createAnalyticsServer();
afterAll(() => app.close());

const batch = (id: string, version: number, price = "12.34") => ({
  batch_id: id,
  contract_number: "AGR-2026-00001",
  contract_version: version,
  supplier_id: "sup-0001",
  emitted_at: "2026-01-01T00:00:00.000Z",
  rows: [
    { line_no: 1, item_id: "itm-00001", uom: "box", tier: 0, price, valid_from: null, valid_to: null },
    {
      line_no: 1,
      item_id: "itm-00001",
      uom: "box",
      tier: 1,
      price: "11.90",
      valid_from: null,
      valid_to: null,
    },
  ],
});
const ingest = (payload: unknown) =>
  app.inject({ method: "POST", url: "/analytics/api/ingest/contract-prices", payload: payload as object });

describe("analytics price ingest", () => {
  it("accepts batches, dedupes by batch_id and serves the latest version", async () => {
    expect((await ingest(batch("b-1", 1))).json()).toEqual({ accepted: 2 });
    const dup = await ingest(batch("b-1", 1));
    expect(dup.statusCode).toBe(202);
    expect(dup.json()).toEqual({ accepted: 0, duplicate: true });
    await ingest(batch("b-2", 2, "10.00"));
    await ingest(batch("b-0", 1, "99.00")); // a late older version must not win
    const prices = (await app.inject("/analytics/api/contract-prices?contract_number=AGR-2026-00001")).json();
    expect(prices).toMatchObject({ contract_version: 2, batch_id: "b-2" });
    expect(prices.rows[0].price).toBe("10.00");
    const batches = (await app.inject("/analytics/api/batches")).json();
    expect(batches.map((b: { batch_id: string }) => b.batch_id)).toEqual(["b-1", "b-2", "b-0"]);
  });

  it("rejects malformed batches with 400", async () => {
    const b = batch("b-3", 3);
    b.rows[0]!.uom = "BX";
    const res = await ingest(b);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: "malformed_request", field: "rows[0].uom" });
    expect((await app.inject("/analytics/api/contract-prices?contract_number=AGR-X")).statusCode).toBe(404);
  });
});
