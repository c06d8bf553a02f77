import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Errors } from "../../errors/index.js";
import type { OutboundMessage } from "../../events/index.js";
import type { PurchaseOrder } from "../../model/index.js";
import { createCxmlHttpConnector, payloadIdFor } from "./cxml-http-connector.js";
import { decodeCxml } from "./decode-cxml.js";
import { buildStatusResponse } from "./status-response.js";

const po: PurchaseOrder = {
  kind: "purchase-order",
  id: "PO-1",
  purpose: "original",
  orderDate: "2026-01-05",
  currency: "USD",
  parties: [],
  lines: [{ lineId: "1", item: { supplierPartNo: "DRAPE-1" }, quantity: "2", uom: "case", unitPrice: "12.5" }],
};

const msg = (idempotencyKey: string, payload: unknown = po): OutboundMessage => ({
  deliveryId: 1,
  target: "supplier",
  eventType: "purchase-order",
  businessKey: "po:PO-1",
  keyVersion: 1,
  payload,
  idempotencyKey,
  correlationId: "corr-1",
  attempt: 1,
});

describe("CxmlHttpConnector against a local cXML endpoint", () => {
  let app: FastifyInstance;
  let base: string;
  const received: { contentType: string | undefined; body: string }[] = [];

  beforeAll(async () => {
    app = Fastify();
    app.addContentTypeParser("text/xml", { parseAs: "string" }, (_req, body, done) => done(null, body));
    // The answer is chosen by the order id, so each test drives one behaviour.
    app.post("/cxml", async (req, reply) => {
      const body = req.body as string;
      received.push({ contentType: req.headers["content-type"], body });
      const orderId = /orderID="([^"]+)"/.exec(body)?.[1];
      reply.type("text/xml");
      if (orderId === "PO-HTTP503") return reply.code(503).header("retry-after", "7").send("busy");
      if (orderId === "PO-HTTP400") return reply.code(400).send("bad");
      const code = orderId === "PO-400" ? 400 : orderId === "PO-560" ? 560 : 200;
      return buildStatusResponse({ code, payloadId: "answer-1" });
    });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app.close();
  });

  const connector = () =>
    createCxmlHttpConnector({
      system: "supplier",
      url: `${base}/cxml`,
      from: [{ domain: "NetworkId", identity: "AN-BUYER" }],
      to: [{ domain: "DUNS", identity: "128293714" }],
      sender: {
        credentials: [{ domain: "NetworkId", identity: "AN-BUYER", sharedSecret: "s3cr3t" }],
        userAgent: "Concord",
      },
      toBody: (m) => ({ type: "OrderRequest", document: m.payload as PurchaseOrder }),
    });

  it("POSTs text/xml whose payloadID is the idempotency key and acknowledges cXML 200", async () => {
    const c = connector();
    try {
      const outcome = await c.deliver(msg("concord/supplier/po:PO-1/v1"), new AbortController().signal);
      expect(outcome).toEqual({ kind: "acknowledged", ref: "answer-1", httpStatus: 200 });
      const sent = received.at(-1)!;
      expect(sent.contentType).toBe("text/xml; charset=utf-8");
      const decoded = decodeCxml(sent.body);
      expect(decoded.envelope.payloadId).toBe(payloadIdFor("concord/supplier/po:PO-1/v1"));
      expect(decoded.envelope.sender?.credentials[0]?.sharedSecret).toBe("s3cr3t");
      expect(decoded.body).toEqual({ type: "OrderRequest", document: { ...po, total: "25.00" } });
    } finally {
      await c.close?.();
    }
  });

  it.each([
    ["cXML 400 in an HTTP 200", "PO-400", Errors.ConnectorRejected.code, false],
    ["cXML 560 in an HTTP 200", "PO-560", Errors.ConnectorTransient.code, true],
    ["HTTP 503 with Retry-After", "PO-HTTP503", Errors.ConnectorTransient.code, true],
    ["HTTP 400", "PO-HTTP400", Errors.ConnectorRejected.code, false],
  ])("classifies %s", async (_what, id, code, retryable) => {
    const c = connector();
    try {
      await expect(c.deliver(msg(`k-${id}`, { ...po, id }), new AbortController().signal)).rejects.toMatchObject({
        code,
        retryable,
      });
    } finally {
      await c.close?.();
    }
  });

  it("rejects a payload it cannot encode without sending anything", async () => {
    const c = connector();
    const before = received.length;
    try {
      const bad = { ...po, lines: [{ ...po.lines[0]!, lineId: "A-1" }] };
      await expect(c.deliver(msg("k-bad", bad), new AbortController().signal)).rejects.toMatchObject({
        code: Errors.ConnectorRejected.code,
        message: expect.stringContaining("lineNumber must be digits"),
      });
      expect(received.length).toBe(before);
    } finally {
      await c.close?.();
    }
  });

  it("reports an unreachable partner as transient", async () => {
    const c = createCxmlHttpConnector({
      system: "gone",
      url: "http://127.0.0.1:1/cxml",
      from: [],
      to: [],
      sender: { credentials: [], userAgent: "Concord" },
      toBody: (m) => ({ type: "OrderRequest", document: m.payload as PurchaseOrder }),
    });
    try {
      await expect(c.deliver(msg("k-gone"), new AbortController().signal)).rejects.toMatchObject({
        code: Errors.ConnectorTransient.code,
      });
    } finally {
      await c.close?.();
    }
  });
});
