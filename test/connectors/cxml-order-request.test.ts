import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCxmlOrderRequestConnector } from "../../src/connectors/cxml-order-request/index.js";
import { type ConcordError, Errors } from "../../src/errors/index.js";
import type { DeliveryPort, OutboundMessage } from "../../src/events/index.js";
import type { PurchaseOrder } from "../../src/model/index.js";
import { compileHubConfig } from "../../src/server/index.js";
import { CXML_SUPPLIER, type CxmlSupplier, startCxmlSupplier } from "../support/cxml-supplier.js";

/**
 * The connector contract (test/connectors/connector-contract.test.ts) for the cXML order target,
 * whose messages are purchase orders rather than contract versions: it applies an order and says
 * so, applies one idempotency key once, classifies transient, timeout and rejected answers, and
 * refuses what it cannot send before sending anything.
 */
const po = (id: string, lineId = "1"): PurchaseOrder => ({
  kind: "purchase-order",
  id,
  purpose: "original",
  orderDate: "2026-03-02",
  currency: "USD",
  parties: [{ role: "ship-to", ids: [{ scheme: "buyer-assigned", value: "fac-1" }] }],
  lines: [{ lineId, item: { buyerPartNo: "itm-1" }, quantity: "10", uom: "box", unitPrice: "10.25" }],
});
const message = (order: PurchaseOrder, key = `k-${order.id}`, format = "cxml-order-request"): OutboundMessage => ({
  deliveryId: 1,
  target: CXML_SUPPLIER.system,
  eventType: "purchase-order.issued",
  businessKey: `purchase-order:${CXML_SUPPLIER.system}:${order.id}`,
  keyVersion: 1,
  payload: { purchaseOrder: order, partner: CXML_SUPPLIER.system, format },
  idempotencyKey: key,
  correlationId: "corr-po",
  attempt: 1,
});
const failure = async (p: Promise<unknown>) => (await p.then(() => undefined).catch((e: unknown) => e)) as ConcordError;

let supplier: CxmlSupplier;
let port: DeliveryPort;
const signal = () => AbortSignal.timeout(5_000);

beforeAll(async () => {
  supplier = await startCxmlSupplier();
  port = createCxmlOrderRequestConnector({
    system: CXML_SUPPLIER.system,
    url: supplier.url,
    partnerCredentials: [CXML_SUPPLIER.credential],
    concordCredential: CXML_SUPPLIER.concord,
    sharedSecret: CXML_SUPPLIER.sharedSecret,
  });
});
afterAll(async () => {
  await port?.close?.();
  await supplier?.app.close();
});

describe("connector contract: cxml-order-request", () => {
  it("applies an order and reports it acknowledged with the partner's reference", async () => {
    const outcome = await port.deliver(message(po("PO-1")), signal());
    expect(outcome).toEqual({ kind: "acknowledged", ref: "order-1@supplier", httpStatus: 200 });
    expect(supplier.orders.map((o) => o.po.id)).toEqual(["PO-1"]);
  });

  it("applies one idempotency key once, however often it is sent (the supplier's 409 is acknowledged)", async () => {
    const m = message(po("PO-2"));
    expect((await port.deliver(m, signal())).kind).toBe("acknowledged");
    expect((await port.deliver(m, signal())).kind).toBe("acknowledged");
    expect(supplier.orders.filter((o) => o.po.id === "PO-2")).toHaveLength(1);
  });

  it("classifies cXML 5xx, HTTP 503 and 429 as transient, carrying Retry-After", async () => {
    supplier.failNext(1, 560);
    expect(await failure(port.deliver(message(po("PO-3")), signal()))).toMatchObject({
      code: Errors.ConnectorTransient.code,
      retryable: true,
      extras: { cxmlStatus: 560 },
    });
    supplier.failNext(1, 503, { http: 503, retryAfter: 7 });
    expect((await failure(port.deliver(message(po("PO-3")), signal()))).extras).toMatchObject({
      httpStatus: 503,
      retryAfterMs: 7000,
    });
    supplier.failNext(1, 429, { http: 429, retryAfter: 2 });
    expect((await failure(port.deliver(message(po("PO-3")), signal()))).extras).toMatchObject({
      httpStatus: 429,
      retryAfterMs: 2000,
    });
  });

  it("reports a partner that does not answer in time as a timeout", async () => {
    supplier.failNext(1, 200, { hang: true });
    const e = await failure(port.deliver(message(po("PO-4")), AbortSignal.timeout(300)));
    expect(e.code).toBe(Errors.ConnectorTimeout.code);
    expect(e.retryable).toBe(true);
  });

  it("classifies the partner's cXML 4xx as a permanent rejection with its text", async () => {
    supplier.failNext(1, 400);
    const e = await failure(port.deliver(message(po("PO-5")), signal()));
    expect(e).toMatchObject({ code: Errors.ConnectorRejected.code, retryable: false });
    expect(e.message).toContain("cXML 400 Bad Request: scripted 400");
  });

  it("refuses what it cannot send before sending anything: another event, another format, a line id cXML cannot carry", async () => {
    const before = supplier.received.length;
    const contract = { ...message(po("PO-6")), eventType: "contract.version-accepted", payload: {} };
    expect((await failure(port.deliver(contract, signal()))).message).toContain(
      "sends purchase orders and invoice decisions only, not contract.version-accepted",
    );
    expect((await failure(port.deliver(message(po("PO-6"), "k-x12", "x12-850"), signal()))).message).toContain(
      "was issued as x12-850",
    );
    const x12Decision = {
      ...message(po("PO-6")),
      eventType: "invoice.decided",
      payload: { invoiceId: "INV-X", decision: "release", source: { format: "x12-810 ST 0001", messageId: "ISA-1" } },
    };
    expect((await failure(port.deliver(x12Decision, signal()))).message).toContain(
      "invoice INV-X came as x12-810 ST 0001, not cXML",
    );
    const e = await failure(port.deliver(message(po("PO-6", "A-1")), signal()));
    expect(e.code).toBe(Errors.ConnectorRejected.code);
    expect(e.message).toContain("lineNumber must be digits");
    expect(supplier.received.length).toBe(before);
  });

  it("reports an unreachable partner as transient", async () => {
    const gone = createCxmlOrderRequestConnector({
      system: "gone",
      url: "http://127.0.0.1:9/cxml",
      partnerCredentials: [],
      concordCredential: CXML_SUPPLIER.concord,
      sharedSecret: undefined,
    });
    expect((await failure(gone.deliver(message(po("PO-7")), signal()))).code).toBe(Errors.ConnectorTransient.code);
    await gone.close?.();
  });
});

describe("a cxml-order-request target in the hub's configuration", () => {
  const cxml = { credentials: [CXML_SUPPLIER.credential], sharedSecret: "s" };
  it("must be a partner with cxml settings and an endpoint URL", () => {
    expect(() =>
      compileHubConfig({
        partners: [{ system: "edi-only", x12: { qualifier: "ZZ", id: "EDI" } }],
        targets: [{ system: "edi-only", kind: "cxml-order-request", baseUrl: "https://edi.example/cxml" }],
      }),
    ).toThrow(
      'target edi-only: a cxml-order-request target must be a partner with cxml settings (partners[].system = "edi-only")',
    );
    expect(() =>
      compileHubConfig({
        partners: [{ system: "net", cxml }],
        targets: [{ system: "net", kind: "cxml-order-request", baseUrl: "supplier/cxml" }],
      }),
    ).toThrow('target net: baseUrl "supplier/cxml" is not a URL');
    expect(() =>
      compileHubConfig({
        partners: [{ system: "net", cxml: { ...cxml, concordCredential: { domain: "DUNS", identity: " " } } }],
      }),
    ).toThrow("concordCredential needs a domain and an identity");
  });

  it("acknowledges (may be required) and makes the partner's POs cXML OrderRequests by default", () => {
    const config = compileHubConfig({
      partners: [{ system: "net", x12: { qualifier: "ZZ", id: "NET" }, cxml }],
      targets: [
        {
          system: "net",
          kind: "cxml-order-request",
          baseUrl: "https://net.example/cxml",
          events: ["purchase-order.issued"],
        },
      ],
    });
    expect(config.targets[0]).toMatchObject({ required: true, events: ["purchase-order.issued"] });
    expect(config.requisitionToPo.orderFormats).toEqual({ net: "cxml-order-request" });
    expect(config.partners.cxml.partners[0]!.concordCredential).toEqual({ domain: "NetworkId", identity: "CONCORD" });
  });
});
