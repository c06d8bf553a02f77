/**
 * A supplier that orders in cXML, as a test partner: it takes OrderRequests on its endpoint
 * (checking the Sender's SharedSecret and its payloadID duplicate check, as supplier networks do),
 * answers a cXML Response, and sends its ConfirmationRequest to the hub's cXML intake.
 */
import Fastify, { type FastifyInstance } from "fastify";
import type { CxmlStatusUpdate } from "../../src/connectors/cxml/index.js";
import { buildStatusResponse, decodeCxml, encodeCxml } from "../../src/connectors/cxml/index.js";
import type { Invoice, OrderConfirmation, PurchaseOrder } from "../../src/model/index.js";

export const CXML_SUPPLIER = {
  system: "medline-cxml",
  credential: { domain: "DUNS", identity: "081234567" },
  sharedSecret: "abracadabra-7",
  concord: { domain: "NetworkId", identity: "AN01000000123" },
} as const;

export interface CxmlSupplier {
  readonly app: FastifyInstance;
  /** The OrderRequest endpoint (the target's baseUrl). */
  readonly url: string;
  /** Each order once, in arrival order, with the payloadID it came with. */
  readonly orders: { payloadId: string; po: PurchaseOrder; from: string; to: string }[];
  /** Every POST, resends included. */
  readonly received: string[];
  /** StatusUpdateRequests the buyer sent (e.g. what accounts payable decided about an invoice). */
  readonly statusUpdates: { payloadId: string; update: CxmlStatusUpdate }[];
  /**
   * The next n OrderRequests are answered with this cXML status code (e.g. 500, then 400) in an
   * HTTP 200, or with `http` as the HTTP status (and Retry-After seconds), or not at all (`hang`).
   */
  failNext(count: number, code: number, how?: { http?: number; retryAfter?: number; hang?: boolean }): void;
  /** Sends an InvoiceDetailRequest to the hub; returns its payloadID and the hub's cXML Response status. */
  invoice(
    hubUrl: string,
    invoice: Invoice,
  ): Promise<{ payloadId: string; http: number; code: number; message: string }>;
  /** Sends its ConfirmationRequest for a PO to the hub; returns the hub's cXML Response status. */
  confirm(hubUrl: string, c: Omit<OrderConfirmation, "kind" | "parties">): Promise<{ http: number; code: number }>;
}

export async function startCxmlSupplier(): Promise<CxmlSupplier> {
  const orders: CxmlSupplier["orders"] = [];
  const statusUpdates: CxmlSupplier["statusUpdates"] = [];
  const received: string[] = [];
  let failures: { count: number; code: number; http?: number; retryAfter?: number; hang?: boolean } = {
    count: 0,
    code: 200,
  };
  let sent = 0;
  const app = Fastify();
  app.addContentTypeParser(["text/xml", "application/xml"], { parseAs: "string" }, (_req, body, done) =>
    done(null, body),
  );
  app.post("/cxml/orders", async (req, reply) => {
    reply.type("text/xml; charset=utf-8");
    const raw = req.body as string;
    received.push(raw);
    const doc = decodeCxml(raw);
    const sender = doc.envelope.sender?.credentials[0];
    if (sender?.sharedSecret !== CXML_SUPPLIER.sharedSecret)
      return buildStatusResponse({ code: 401, message: "bad SharedSecret" });
    if (failures.count > 0) {
      failures = { ...failures, count: failures.count - 1 };
      if (failures.hang) return new Promise(() => {});
      if (failures.retryAfter !== undefined) reply.header("retry-after", String(failures.retryAfter));
      if (failures.http !== undefined) reply.code(failures.http);
      return buildStatusResponse({ code: failures.code, message: `scripted ${failures.code}` });
    }
    if (doc.body.type === "StatusUpdateRequest") {
      if (!statusUpdates.some((u) => u.payloadId === doc.envelope.payloadId))
        statusUpdates.push({ payloadId: doc.envelope.payloadId, update: doc.body.statusUpdate });
      return buildStatusResponse({ code: 200 });
    }
    if (doc.body.type !== "OrderRequest") return buildStatusResponse({ code: 450, message: doc.body.type });
    if (orders.some((o) => o.payloadId === doc.envelope.payloadId))
      return buildStatusResponse({ code: 409, message: "duplicate payloadID" });
    const id = (c: { domain: string; identity: string } | undefined) => (c ? `${c.domain}/${c.identity}` : "");
    orders.push({
      payloadId: doc.envelope.payloadId,
      po: doc.body.document,
      from: id(doc.envelope.from[0]),
      to: id(doc.envelope.to[0]),
    });
    return buildStatusResponse({ code: 200, payloadId: `order-${orders.length}@supplier` });
  });
  const base = await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    app,
    url: `${base}/cxml/orders`,
    orders,
    received,
    statusUpdates,
    failNext(count, code, how = {}) {
      failures = { count, code, ...how };
    },
    async invoice(hubUrl, invoice) {
      const payloadId = `invoice-${++sent}-${Date.now()}@supplier`;
      const res = await post(hubUrl, payloadId, { type: "InvoiceDetailRequest", document: invoice });
      return { payloadId, ...res };
    },
    async confirm(hubUrl, c) {
      const xml = encodeCxml({
        envelope: {
          payloadId: `confirm-${++sent}-${Date.now()}@supplier`,
          timestamp: "2026-03-02T10:00:00Z",
          from: [CXML_SUPPLIER.credential],
          to: [CXML_SUPPLIER.concord],
          sender: {
            credentials: [{ ...CXML_SUPPLIER.credential, sharedSecret: CXML_SUPPLIER.sharedSecret }],
            userAgent: "Supplier OMS 4.2",
          },
        },
        body: { type: "ConfirmationRequest", document: { kind: "order-confirmation", parties: [], ...c } },
      });
      const res = await fetch(`${hubUrl}/v1/inbound/cxml`, {
        method: "POST",
        headers: { "content-type": "text/xml; charset=utf-8" },
        body: xml,
      });
      const answer = decodeCxml(await res.text());
      return { http: res.status, code: answer.body.type === "Response" ? answer.body.status.code : 0 };
    },
  };
}

/** POSTs one cXML request to the hub as the supplier; returns the hub's answer. */
async function post(hubUrl: string, payloadId: string, body: Parameters<typeof encodeCxml>[0]["body"]) {
  const xml = encodeCxml({
    envelope: {
      payloadId,
      timestamp: "2026-03-02T10:00:00Z",
      from: [CXML_SUPPLIER.credential],
      to: [CXML_SUPPLIER.concord],
      sender: {
        credentials: [{ ...CXML_SUPPLIER.credential, sharedSecret: CXML_SUPPLIER.sharedSecret }],
        userAgent: "Supplier OMS 4.2",
      },
    },
    body,
  });
  const res = await fetch(`${hubUrl}/v1/inbound/cxml`, {
    method: "POST",
    headers: { "content-type": "text/xml; charset=utf-8" },
    body: xml,
  });
  const answer = decodeCxml(await res.text());
  return {
    http: res.status,
    code: answer.body.type === "Response" ? answer.body.status.code : 0,
    message: answer.body.type === "Response" ? (answer.body.status.message ?? answer.body.status.text) : "",
  };
}
