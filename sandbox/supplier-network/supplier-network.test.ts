import Fastify from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decodeCxml, encodeCxml } from "../../src/connectors/cxml/index.js";
import type { OrderConfirmation, PurchaseOrder } from "../../src/model/index.js";
import { networkRuleFor } from "./order-rule.js";
import { createSupplierNetworkServer, SUPPLIER_NETWORK, type SupplierNetworkServer } from "./server.js";

const BUYER = SUPPLIER_NETWORK.buyer;
const line = (lineId: string, itemId: string, quantity: string) => ({
  lineId,
  item: { itemId, buyerPartNo: itemId },
  quantity,
  uom: "box" as const,
  unitPrice: "10.00",
});
const po = (id: string, lines = [line("1", "itm-1", "10")]): PurchaseOrder => ({
  kind: "purchase-order",
  id,
  purpose: "original",
  orderDate: "2026-03-02",
  currency: "USD",
  parties: [],
  lines,
});
const orderXml = (
  payloadId: string,
  order: PurchaseOrder,
  secret: string = SUPPLIER_NETWORK.sharedSecret,
  sender: { domain: string; identity: string } = BUYER,
) =>
  encodeCxml({
    envelope: {
      payloadId,
      timestamp: "2026-03-02T10:00:00Z",
      from: [BUYER],
      to: [SUPPLIER_NETWORK.credential],
      sender: { credentials: [{ ...sender, sharedSecret: secret }], userAgent: "Concord" },
    },
    body: { type: "OrderRequest", document: order },
  });

/** A stand-in for the hub's POST /v1/inbound/cxml: records each request, answers by script (200 by default). */
async function startHubStandIn() {
  const received: { raw: string; doc: ReturnType<typeof decodeCxml> }[] = [];
  const script: number[] = [];
  const app = Fastify();
  app.addContentTypeParser("text/xml", { parseAs: "string" }, (_r, body, done) => done(null, body));
  app.post("/v1/inbound/cxml", async (req, reply) => {
    received.push({ raw: req.body as string, doc: decodeCxml(req.body as string) });
    const code = script.shift() ?? 200;
    return reply.type("text/xml").send(
      encodeCxml({
        envelope: { payloadId: `r${received.length}@hub`, timestamp: "2026-03-02T10:00:00Z", from: [], to: [] },
        body: { type: "Response", status: { code, text: "x" } },
      }),
    );
  });
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  return { app, url, received, script };
}

describe("sandbox supplier network", () => {
  let network: SupplierNetworkServer;
  let hub: Awaited<ReturnType<typeof startHubStandIn>>;
  const post = async (xml: string) => {
    const res = await network.inject({
      method: "POST",
      url: "/supplier-network/cxml/orders",
      headers: { "content-type": "text/xml" },
      payload: xml,
    });
    const doc = decodeCxml(res.body);
    return { http: res.statusCode, status: doc.body.type === "Response" ? doc.body.status : undefined };
  };
  beforeEach(async () => {
    hub = await startHubStandIn();
    network = createSupplierNetworkServer({ hubUrl: hub.url, confirmDelayMs: 10, retryMs: 10, maxAttempts: 3 });
    await network.ready();
  });
  afterEach(async () => {
    await network.close();
    await hub.app.close();
  });

  it("takes an OrderRequest from the buyer, answers 200, then confirms it to the hub with its own credentials", async () => {
    expect(
      await post(
        orderXml(
          "o1@concord",
          po("PO-1", [line("1", "itm-1", "10"), line("2", "itm-4", "9"), line("3", "itm-2", "3")]),
        ),
      ),
    ).toMatchObject({ http: 200, status: { code: 200 } });
    await network.sandbox.settled();
    expect(hub.received).toHaveLength(1);
    const { doc } = hub.received[0]!;
    expect(doc.envelope.from).toEqual([SUPPLIER_NETWORK.credential]);
    expect(doc.envelope.to).toEqual([BUYER]);
    expect(doc.envelope.sender?.credentials).toEqual([
      { ...SUPPLIER_NETWORK.credential, sharedSecret: SUPPLIER_NETWORK.sharedSecret },
    ]);
    expect(doc.body.type).toBe("ConfirmationRequest");
    const c = (doc.body as { document: OrderConfirmation }).document;
    expect(c).toMatchObject({ purchaseOrderId: "PO-1", status: "accepted-with-changes" });
    // itm-1 accepted, itm-4 allocated (half of 9, rounded up), itm-2 rejected: the rule in order-rule.ts.
    expect(c.lines.map((l) => [l.lineId, l.status, l.quantity])).toEqual([
      ["1", "accepted", "10"],
      ["2", "accepted-with-changes", "5"],
      ["3", "rejected", "3"],
    ]);
    const view = (await network.inject({ url: "/supplier-network/api/orders/PO-1" })).json();
    expect(view[0]).toMatchObject({
      payloadId: "o1@concord",
      from: "NetworkId/AN-CONCORD-SANDBOX",
      answers: [{ kind: "accept" }, { kind: "allocate", quantity: "5", ordered: "9" }, { kind: "reject" }],
      confirmation: { status: "sent", attempts: 1, answer: { http: 200, code: 200 } },
      resent: false,
    });
    expect((await network.inject({ url: "/supplier-network/api/orders/PO-9" })).statusCode).toBe(404);
  });

  it("refuses a wrong SharedSecret or an unknown Sender with 401, and keeps nothing", async () => {
    expect((await post(orderXml("o2@concord", po("PO-2"), "wrong"))).status?.code).toBe(401);
    expect(
      (await post(orderXml("o3@concord", po("PO-2"), SUPPLIER_NETWORK.sharedSecret, { domain: "DUNS", identity: "1" })))
        .status?.code,
    ).toBe(401);
    await network.sandbox.settled();
    expect(network.sandbox.orders).toEqual([]);
    expect(hub.received).toEqual([]);
    const refused = (await network.inject({ url: "/supplier-network/api/refused" })).json();
    expect(refused.map((r: { code: number }) => r.code)).toEqual([401, 401]);
  });

  it("refuses a payloadID it already took as a duplicate (409); a new payloadID for the same PO is taken, not confirmed twice", async () => {
    expect((await post(orderXml("o4@concord", po("PO-4")))).status?.code).toBe(200);
    expect((await post(orderXml("o4@concord", po("PO-4")))).status).toMatchObject({
      code: 409,
      message: expect.stringContaining("Duplicate payloadID"),
    });
    expect((await post(orderXml("o5@concord", po("PO-4")))).status?.code).toBe(200);
    await network.sandbox.settled();
    expect(network.sandbox.orders.map((o) => [o.payloadId, o.resent, o.confirmation?.status ?? null])).toEqual([
      ["o4@concord", false, "sent"],
      ["o5@concord", true, null],
    ]);
    expect(hub.received).toHaveLength(1);
  });

  it("answers what is not an original OrderRequest with a 4xx", async () => {
    expect((await post("<cXML>")).status?.code).toBe(406);
    expect((await post(orderXml("o6@concord", { ...po("PO-6"), purpose: "change" }))).status?.code).toBe(400);
    expect(network.sandbox.orders).toEqual([]);
  });

  it("retries its confirmation with the same payloadID while the hub answers 5xx; gives up on a 4xx", async () => {
    hub.script.push(500, 200);
    await post(orderXml("o7@concord", po("PO-7")));
    await network.sandbox.settled();
    expect(hub.received.map((r) => r.doc.envelope.payloadId)).toEqual([
      "confirm.PO-7@sandbox-network",
      "confirm.PO-7@sandbox-network",
    ]);
    expect(network.sandbox.orders[0]!.confirmation).toMatchObject({ status: "sent", attempts: 2 });
    hub.script.push(401);
    await post(orderXml("o8@concord", po("PO-8")));
    await network.sandbox.settled();
    expect(network.sandbox.orders[1]!.confirmation).toMatchObject({
      status: "failed",
      attempts: 1,
      answer: { code: 401 },
    });
  });

  it("its rule is deterministic per item: about 1 in 10 rejected, 2 in 10 allocated; a quantity of 1 is never cut", async () => {
    const kinds = Array.from({ length: 1000 }, (_, i) => networkRuleFor(`itm-${i}`));
    const share = (k: string) => kinds.filter((x) => x === k).length / kinds.length;
    expect(share("reject")).toBeGreaterThan(0.06);
    expect(share("reject")).toBeLessThan(0.14);
    expect(share("allocate")).toBeGreaterThan(0.15);
    expect(share("allocate")).toBeLessThan(0.25);
    expect([networkRuleFor("itm-1"), networkRuleFor("itm-2"), networkRuleFor("itm-4")]).toEqual([
      "accept",
      "reject",
      "allocate",
    ]);
    await post(orderXml("o9@concord", po("PO-9", [line("1", "itm-4", "1")])));
    expect(network.sandbox.orders[0]!.answers[0]).toMatchObject({ kind: "accept", quantity: "1" });
  });

  it("takes its fault injection like the other systems: a failNext answers the next order with that cXML status", async () => {
    await network.inject({
      method: "PUT",
      url: "/supplier-network/_faults",
      payload: { failNext: { count: 1, status: 503 } },
    });
    const res = await network.inject({
      method: "POST",
      url: "/supplier-network/cxml/orders",
      headers: { "content-type": "text/xml" },
      payload: orderXml("o10@concord", po("PO-10")),
    });
    expect(res.statusCode).toBe(503);
    expect(network.sandbox.orders).toEqual([]);
    expect((await post(orderXml("o10@concord", po("PO-10")))).status?.code).toBe(200);
  });
});
