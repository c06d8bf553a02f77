import { afterAll, describe, expect, it } from "vitest";
import { localId, toErpBlanketAgreement } from "../generator/native-contracts.js";
import { nextVersion, smallDataset } from "../shared/test-fixture.js";
import { createErpServer } from "./server.js";

const { dataset, xrefs, contract } = smallDataset();
const app = createErpServer({ state: dataset.erp });
afterAll(() => app.close());

const body = (version = 1) => toErpBlanketAgreement(nextVersion(contract, version), xrefs);
const post = (payload: unknown, key: string | null) =>
  app.inject({
    method: "POST",
    url: "/erp/api/purchasing/blanket-agreements",
    headers: key ? { "idempotency-key": key } : {},
    payload: payload as object,
  });
const num = contract.number;

describe("ERP blanket agreements", () => {
  it("imports a revision, keeps DOCUMENT_ID stable, and replays duplicates", async () => {
    const first = await post(body(1), "e-1");
    expect(first.statusCode).toBe(200);
    const { DOCUMENT_ID } = first.json();
    expect(first.json()).toEqual({ STATUS: "SUCCESS", DOCUMENT_ID, REVISION_NUM: 1 });
    expect((await post(body(1), "e-1")).json()).toEqual(first.json());
    expect(app.sandbox.ledger.duplicates).toBe(1);
    const second = await post(body(2), "e-2");
    expect(second.json()).toEqual({ STATUS: "SUCCESS", DOCUMENT_ID, REVISION_NUM: 2 });
    const history = (await app.inject(`/erp/api/purchasing/blanket-agreements/${num}/history`)).json();
    expect(history.map((h: { REVISION_NUM: number }) => h.REVISION_NUM)).toEqual([1, 2]);
    const got = (await app.inject(`/erp/api/purchasing/blanket-agreements/${num}`)).json();
    expect(got).toMatchObject({ AGREEMENT_NUM: num, REVISION_NUM: 2, LINES: body(2).LINES });
  });

  it("rejects a stale revision with 409", async () => {
    const res = await post(body(2), "e-2-again");
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ STATUS: "ERROR", ERRORS: [{ CODE: "STALE_REVISION" }] });
  });

  it("rejects unknown items and vendors with 422", async () => {
    const b = body(3);
    b.LINES[0]!.ITEM_NUMBER = "MED-999999";
    const res = await post(b, "e-3");
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      STATUS: "ERROR",
      ERRORS: [{ CODE: "INVALID_ITEM", ITEM_NUMBER: "MED-999999", MESSAGE: expect.any(String) }],
    });
    const v = await post({ ...body(3), VENDOR_NUM: "999999" }, "e-3b");
    expect(v.json()).toMatchObject({ ERRORS: [{ CODE: "INVALID_VENDOR", VENDOR_NUM: "999999" }] });
  });

  it("rejects malformed requests with 400", async () => {
    expect((await post(body(3), null)).json()).toMatchObject({
      ERRORS: [{ CODE: "MISSING_IDEMPOTENCY_KEY" }],
    });
    const res = await post({ ...body(3), LINES: [{ ...body(3).LINES[0], UNIT_PRICE: 12.5 }] }, "e-3c");
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ ERRORS: [{ CODE: "INVALID_REQUEST", FIELD: "LINES[0].UNIT_PRICE" }] });
  });

  it("serves vendors and items", async () => {
    const vendor = localId(xrefs, "erp", "supplier", contract.supplierId);
    expect((await app.inject(`/erp/api/vendors/${vendor}`)).json()).toMatchObject({ VENDOR_NUM: vendor });
    const item = localId(xrefs, "erp", "item", contract.priceLines[0]!.itemId);
    expect((await app.inject(`/erp/api/items/${item}`)).json()).toMatchObject({ ITEM_NUMBER: item });
    expect((await app.inject("/erp/api/items/MED-000000")).statusCode).toBe(404);
  });
});
