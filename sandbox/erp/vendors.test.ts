import type { AddressInfo } from "node:net";
import Fastify from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { smallDataset } from "../shared/test-fixture.js";
import { createErpServer } from "./server.js";
import { VENDOR_NUMBER_CALLBACK_PATH, vendorDeskOf } from "./vendors.js";

const { dataset } = smallDataset();
const app = createErpServer({ state: dataset.erp });
const desk = vendorDeskOf(app);
afterAll(() => app.close());

const request = (ref: string, over: Record<string, unknown> = {}) => ({
  REQUEST_REF: ref,
  VENDOR_NAME: "Lakeview Surgical Instruments",
  ADDRESS_LINE1: "1 Lake Rd",
  CITY: "Peoria",
  STATE: "IL",
  POSTAL_CODE: "61602",
  COUNTRY: "US",
  PAYMENT_TERMS: "NET30",
  TAX_ID_LAST4: "0001",
  BANK_ACCOUNT_LAST4: "0301",
  CONTACTS: [{ NAME: "Pat Lee" }],
  ...over,
});
const post = (payload: object, key: string) =>
  app.inject({ method: "POST", url: "/erp/api/vendors/requests", headers: { "idempotency-key": key }, payload });
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(check()).toBe(true);
};

describe("ERP vendor desk", () => {
  it("acknowledges at once, assigns the number later and posts it back until the hub answers", async () => {
    const received: unknown[] = [];
    let up = false;
    const hub = Fastify();
    hub.post(VENDOR_NUMBER_CALLBACK_PATH, async (req, reply) => {
      if (!up) return reply.code(503).send({});
      received.push({ body: req.body, key: req.headers["x-api-key"] });
      return { status: "payable" };
    });
    await hub.listen({ port: 0, host: "127.0.0.1" });
    try {
      desk.setHub(`http://127.0.0.1:${(hub.server.address() as AddressInfo).port}`, "ck_erp.key");
      const res = await post(request("onb-1"), "k-1");
      expect(res.statusCode).toBe(202);
      const { REQUEST_ID } = res.json();
      await until(() => desk.requests.get(REQUEST_ID)?.state === "assigned");
      const num = desk.requests.get(REQUEST_ID)!.vendorNum!;
      expect(num).toMatch(/^V\d+$/);
      // The hub answers 503 for a while: the number is kept and sent again.
      await until(() => desk.requests.get(REQUEST_ID)!.callbackAttempts >= 2);
      up = true;
      await until(() => received.length === 1);
      expect(received[0]).toEqual({ body: { REQUEST_REF: "onb-1", REQUEST_ID, VENDOR_NUM: num }, key: "ck_erp.key" });
      expect((await app.inject(`/erp/api/vendors/${num}`)).json()).toMatchObject({
        VENDOR_NAME: "Lakeview Surgical Instruments",
      });
    } finally {
      await hub.close();
    }
  });

  it("answers a repeated request with its first answer and creates no second vendor", async () => {
    const before = desk.created.length;
    const first = await post(request("onb-2", { VENDOR_NAME: "Quarry Hill Orthopedics" }), "k-2");
    const again = await post(request("onb-2", { VENDOR_NAME: "Quarry Hill Orthopedics" }), "k-2");
    expect(again.json()).toEqual(first.json());
    await until(() => desk.created.length === before + 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(desk.created.length).toBe(before + 1);
  });

  it("updates an existing vendor under its own number, and refuses one it does not have", async () => {
    const existing = dataset.erp.vendors[0]!.VENDOR_NUM;
    const before = desk.created.length;
    const res = await post(request("onb-3", { EXISTING_VENDOR_NUM: existing }), "k-3");
    await until(() => desk.requests.get(res.json().REQUEST_ID)?.vendorNum === existing);
    expect(desk.created.length).toBe(before);
    const unknown = await post(request("onb-4", { EXISTING_VENDOR_NUM: "NOPE" }), "k-4");
    expect(unknown.statusCode).toBe(422);
    const bad = await post(request("onb-5", { PAYMENT_TERMS: "thirty days" }), "k-5");
    expect(bad.statusCode).toBe(400);
  });
});
