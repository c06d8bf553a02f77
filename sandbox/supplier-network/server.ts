import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { buildStatusResponse, type DecodedCxml, decodeCxml } from "../../src/connectors/cxml/index.js";
import type { PurchaseOrder } from "../../src/model/index.js";
import { installFaults } from "../faults/index.js";
import { type AppOptions, createApp } from "../shared/app.js";
import { answerOrderLine, confirmationFor, type NetworkLineAnswer } from "./order-rule.js";
import { type ConfirmationState, type Credential, sendConfirmation } from "./send-confirmation.js";

const PREFIX = "/supplier-network";
/** The OrderRequest endpoint, under the network's origin (the hub target's baseUrl). */
export const SUPPLIER_NETWORK_ORDER_PATH = `${PREFIX}/cxml/orders`;

/** The sandbox network's identity toward Concord, and Concord's toward it (the partner's `cxml` settings). */
export const SUPPLIER_NETWORK = {
  system: "supplier-network",
  credential: { domain: "NetworkId", identity: "AN-SANDBOX-SUPPLIER" },
  buyer: { domain: "NetworkId", identity: "AN-CONCORD-SANDBOX" },
  sharedSecret: "sandbox-network-shared-secret",
} as const;

export interface SupplierNetworkServerOptions extends AppOptions {
  /** The hub's origin; also settable later (`sandbox.setHubUrl`), since the hub starts after the sandbox. */
  hubUrl?: string;
  /** Its own credential (From and Sender of its ConfirmationRequests). */
  credential?: Credential;
  /** The Sender credential it takes orders from (Concord's `concordCredential`). */
  buyer?: Credential;
  sharedSecret?: string;
  /** How long after its Response it sends the ConfirmationRequest. Default 500 ms. */
  confirmDelayMs?: number;
  /** Between confirmation attempts (× the attempt number) when the hub is unreachable or 5xx. Default 1 s. */
  retryMs?: number;
  /** Default 8. */
  maxAttempts?: number;
  seed?: number;
  hangMs?: number;
  now?: () => Date;
}

/** One OrderRequest taken, what the network answered per line, and its ConfirmationRequest. */
export interface ReceivedOrder {
  readonly payloadId: string;
  readonly receivedAt: string;
  readonly from: string;
  readonly to: string;
  readonly purchaseOrder: PurchaseOrder;
  readonly answers: NetworkLineAnswer[];
  /** null for a resent order (a PO id taken before under another payloadID): confirmed once only. */
  readonly confirmation: ConfirmationState | null;
  readonly resent: boolean;
}

/** A request it refused, with the cXML status it answered. */
export interface RefusedRequest {
  readonly payloadId: string | null;
  readonly code: number;
  readonly message: string;
  readonly at: string;
}

export interface SupplierNetworkHandle {
  readonly orders: ReceivedOrder[];
  readonly refused: RefusedRequest[];
  setHubUrl(url: string): void;
  /** Resolves when every confirmation scheduled so far was sent or given up on. */
  settled(): Promise<void>;
}

export type SupplierNetworkServer = FastifyInstance & { sandbox: SupplierNetworkHandle };

const label = (c: Credential | undefined) => (c ? `${c.domain}/${c.identity}` : "");
const sameSecret = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));

/**
 * A supplier network that takes cXML OrderRequests as Ariba-like networks do: the Sender must be
 * the buyer's credential with the relationship's shared secret (401 otherwise), a payloadID it
 * took before is refused as a duplicate (409), anything but an original OrderRequest gets a 4xx.
 * A taken order is answered 200 at once; its ConfirmationRequest (order-rule.ts decides each line)
 * goes to the hub's POST /v1/inbound/cxml `confirmDelayMs` later, with the network's own credentials.
 */
export function createSupplierNetworkServer(opts: SupplierNetworkServerOptions = {}): SupplierNetworkServer {
  const app = createApp(opts);
  const now = opts.now ?? (() => new Date());
  const me = opts.credential ?? SUPPLIER_NETWORK.credential;
  const buyer = opts.buyer ?? SUPPLIER_NETWORK.buyer;
  const secret = opts.sharedSecret ?? SUPPLIER_NETWORK.sharedSecret;
  let hubUrl = opts.hubUrl;
  let closed = false;
  const orders: ReceivedOrder[] = [];
  const refused: RefusedRequest[] = [];
  const inFlight = new Set<Promise<void>>();
  const faults = installFaults(app, {
    prefix: PREFIX,
    seed: opts.seed,
    hangMs: opts.hangMs,
    errorBody: (status, code, message) => buildStatusResponse({ code: status, message: `${code}: ${message}` }),
  });

  app.addContentTypeParser(["text/xml", "application/xml"], { parseAs: "string" }, (_req, body, done) =>
    done(null, body),
  );
  app.addHook("onClose", async () => {
    closed = true;
  });

  const refuse = (payloadId: string | null, code: number, message: string) => {
    refused.push({ payloadId, code, message, at: now().toISOString() });
    return buildStatusResponse({ code, message });
  };

  /** The network's checks, in the order a network runs them: the refusal (cXML status), or the order. */
  const check = (doc: DecodedCxml): { code: number; message: string } | PurchaseOrder => {
    const credentials = doc.envelope.sender?.credentials ?? [];
    const sender = credentials.find(
      (c) => c.domain.toLowerCase() === buyer.domain.toLowerCase() && c.identity === buyer.identity,
    );
    if (!sender) return { code: 401, message: `Sender ${label(credentials[0])} is not a buyer of this network` };
    if (!sender.sharedSecret || !sameSecret(sender.sharedSecret, secret))
      return { code: 401, message: "SharedSecret does not match the buyer relationship" };
    if (orders.some((o) => o.payloadId === doc.envelope.payloadId))
      return { code: 409, message: `Duplicate payloadID ${doc.envelope.payloadId}` };
    if (doc.body.type !== "OrderRequest")
      return { code: 400, message: `this endpoint takes OrderRequest, not ${doc.body.type}` };
    if (doc.body.document.purpose !== "original")
      return { code: 400, message: `orderRequestHeader type ${doc.body.document.purpose} is not supported` };
    return doc.body.document;
  };

  app.post(SUPPLIER_NETWORK_ORDER_PATH, { preHandler: faults.gate }, async (req, reply) => {
    reply.type("text/xml; charset=utf-8");
    let doc: DecodedCxml;
    try {
      doc = decodeCxml(typeof req.body === "string" ? req.body : "");
    } catch (e) {
      return refuse(null, 406, `not a readable cXML document: ${(e as Error).message}`);
    }
    const verdict = check(doc);
    if ("code" in verdict) return refuse(doc.envelope.payloadId, verdict.code, verdict.message);
    const po = verdict;
    const resent = orders.some((o) => o.purchaseOrder.id === po.id);
    const order: ReceivedOrder = {
      payloadId: doc.envelope.payloadId,
      receivedAt: now().toISOString(),
      from: label(doc.envelope.from[0]),
      to: label(doc.envelope.to[0]),
      purchaseOrder: po,
      answers: po.lines.map(answerOrderLine),
      confirmation: resent
        ? null
        : { payloadId: `confirm.${po.id}@sandbox-network`, status: "pending", attempts: 0, sentAt: null, answer: null },
      resent,
    };
    orders.push(order);
    if (order.confirmation) {
      const state = order.confirmation;
      const document = confirmationFor(po, order.answers, now().toISOString().slice(0, 10));
      const sender = {
        hubUrl: () => hubUrl,
        me,
        buyer,
        sharedSecret: secret,
        now,
        retryMs: opts.retryMs ?? 1_000,
        maxAttempts: opts.maxAttempts ?? 8,
      };
      const job = new Promise<void>((r) => setTimeout(r, opts.confirmDelayMs ?? 500).unref())
        .then(() => sendConfirmation(sender, state, document, () => closed))
        .finally(() => inFlight.delete(job));
      inFlight.add(job);
    }
    return buildStatusResponse({ code: 200, payloadId: `${Date.now()}.order-${orders.length}@sandbox-network` });
  });

  app.get(`${PREFIX}/api/orders`, async () => orders);
  app.get<{ Params: { poNumber: string } }>(`${PREFIX}/api/orders/:poNumber`, async (req, reply) => {
    const found = orders.filter((o) => o.purchaseOrder.id === req.params.poNumber);
    return found.length > 0 ? found : reply.code(404).send({ error: "not_found", poNumber: req.params.poNumber });
  });
  app.get(`${PREFIX}/api/refused`, async () => refused);

  const handle: SupplierNetworkHandle = {
    orders,
    refused,
    setHubUrl: (url) => {
      hubUrl = url;
    },
    settled: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
  return Object.assign(app, { sandbox: handle });
}
