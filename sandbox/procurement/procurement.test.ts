import { afterAll, describe, expect, it } from "vitest";
import { localId, toProcurementCatalog } from "../generator/native-contracts.js";
import { nextVersion, smallDataset } from "../shared/test-fixture.js";
import { createProcurementServer } from "./server.js";

const { dataset, xrefs, contract } = smallDataset();
const app = createProcurementServer({ state: dataset.procurement });
afterAll(() => app.close());

const body = (version = 1) => toProcurementCatalog(nextVersion(contract, version), xrefs);
const ref = contract.number;
const put = (payload: unknown, key: string | null, contractRef = ref) =>
  app.inject({
    method: "PUT",
    url: `/procurement/api/contract-catalogs/${contractRef}`,
    headers: key ? { "idempotency-key": key } : {},
    payload: payload as object,
  });

describe("procurement contract catalogs", () => {
  it("applies a revision and serves it back with history", async () => {
    const res = await put(body(1), "k-1");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "applied", revision: 1, receiptId: "PRC-RCPT-000001" });
    const got = await app.inject(`/procurement/api/contract-catalogs/${ref}`);
    expect(got.json()).toMatchObject({ contractRef: ref, revision: 1, lines: body(1).lines });
    const history = await app.inject(`/procurement/api/contract-catalogs/${ref}/history`);
    expect(history.json()).toEqual([
      expect.objectContaining({ revision: 1, idempotencyKey: "k-1", receiptId: "PRC-RCPT-000001" }),
    ]);
  });

  it("answers a repeated Idempotency-Key with the same body without applying again", async () => {
    const res = await put(body(1), "k-1");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "applied", revision: 1, receiptId: "PRC-RCPT-000001" });
    expect(app.sandbox.ledger.duplicates).toBe(1);
    expect((await app.inject(`/procurement/api/contract-catalogs/${ref}/history`)).json()).toHaveLength(1);
  });

  it("rejects a stale revision with 409 and never applies it", async () => {
    expect((await put(body(3), "k-3")).statusCode).toBe(200);
    const res = await put(body(2), "k-2");
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: "stale_revision", currentRevision: 3 });
    expect((await put(body(3), "k-3b")).statusCode).toBe(409);
    expect((await app.inject(`/procurement/api/contract-catalogs/${ref}`)).json().revision).toBe(3);
  });

  it("rejects unknown items and suppliers with 422", async () => {
    const missing = localId(xrefs, "procurement", "item", contract.priceLines[1]!.itemId);
    expect((await app.inject({ method: "DELETE", url: `/procurement/api/catalog-items/${missing}` })).statusCode).toBe(
      204,
    );
    expect((await app.inject(`/procurement/api/catalog-items/${missing}`)).statusCode).toBe(404);
    const res = await put(body(4), "k-4");
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({ error: "unknown_item", items: [missing] });
    const sup = await put({ ...body(4), supplierNumber: "SUP-9999" }, "k-4b");
    expect(sup.statusCode).toBe(422);
    expect(sup.json()).toEqual({ error: "unknown_supplier", suppliers: ["SUP-9999"] });
  });

  it("rejects malformed requests with 400 naming the field", async () => {
    expect((await put(body(5), null)).json()).toMatchObject({ error: "missing_idempotency_key" });
    const b = body(5);
    b.lines[0]!.price.amount = "12.345678";
    const res = await put(b, "k-5");
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: "malformed_request", field: "lines[0].price.amount" });
    expect((await put(body(5), "k-5b", "AGR-OTHER")).json()).toMatchObject({ field: "contractRef" });
    const broken = await app.inject({
      method: "PUT",
      url: `/procurement/api/contract-catalogs/${ref}`,
      headers: { "idempotency-key": "k-5c", "content-type": "application/json" },
      payload: "{not json",
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ error: "malformed_request" });
  });
});
