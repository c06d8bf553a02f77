import { Type } from "@sinclair/typebox";
import type { FastifyInstance, preHandlerHookHandler } from "fastify";
import { Agent, request } from "undici";
import { headerValue } from "../shared/app.js";
import { firstError } from "../shared/validate.js";
import type { ErpVendor } from "./types.js";

/** The body of `POST /vendors/requests`: a vendor to create, or (EXISTING_VENDOR_NUM) to update. */
export const VendorRequestSchema = Type.Object({
  REQUEST_REF: Type.String({ minLength: 1, maxLength: 80 }),
  VENDOR_NAME: Type.String({ minLength: 1, maxLength: 240 }),
  EXISTING_VENDOR_NUM: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
  ADDRESS_LINE1: Type.String({ minLength: 1 }),
  ADDRESS_LINE2: Type.Optional(Type.String()),
  CITY: Type.String({ minLength: 1 }),
  STATE: Type.String({ minLength: 2, maxLength: 3 }),
  POSTAL_CODE: Type.String({ minLength: 5 }),
  COUNTRY: Type.String({ minLength: 2, maxLength: 2 }),
  PAYMENT_TERMS: Type.String({ pattern: "^NET\\d{1,3}$" }),
  TAX_ID_LAST4: Type.String({ pattern: "^\\d{0,4}$" }),
  BANK_ACCOUNT_LAST4: Type.String({ pattern: "^\\d{4}$" }),
  CONTACTS: Type.Array(
    Type.Object({ NAME: Type.String(), EMAIL: Type.Optional(Type.String()), PHONE: Type.Optional(Type.String()) }),
  ),
});

export interface VendorRequestBody {
  REQUEST_REF: string;
  VENDOR_NAME: string;
  EXISTING_VENDOR_NUM?: string;
  ADDRESS_LINE1: string;
  ADDRESS_LINE2?: string;
  CITY: string;
  STATE: string;
  POSTAL_CODE: string;
  COUNTRY: string;
  PAYMENT_TERMS: string;
  TAX_ID_LAST4: string;
  BANK_ACCOUNT_LAST4: string;
  CONTACTS: { NAME: string; EMAIL?: string; PHONE?: string }[];
}

/** Where the ERP posts assigned vendor numbers back to the hub. */
export const VENDOR_NUMBER_CALLBACK_PATH = "/v1/inbound/erp/vendor-numbers";

export interface VendorRequestRecord {
  readonly requestId: string;
  readonly idempotencyKey: string;
  readonly body: VendorRequestBody;
  state: "pending" | "assigned";
  vendorNum: string | null;
  callback: "waiting" | "delivered" | "failed";
  callbackAttempts: number;
}

/**
 * The ERP's vendor desk: a vendor request is acknowledged at once (202 with a request id) and the
 * vendor number is assigned later, as a vendor-master clerk (or an approval workflow) would, then
 * posted back to the hub at least once (retried until the hub answers). A request repeated with
 * its Idempotency-Key gets the first answer and never creates a second vendor.
 */
export interface VendorDesk {
  readonly requests: ReadonlyMap<string, VendorRequestRecord>;
  /** Vendors created through the desk, in order (each VENDOR_NUM once). */
  readonly created: readonly ErpVendor[];
  /** The hub to post numbers back to, and the ERP's API key there; pending callbacks go at once. */
  setHub(url: string, apiKey?: string): void;
  /** While held, requests are taken but no number is assigned (a slow vendor master). */
  hold(held: boolean): void;
  close(): Promise<void>;
}

const desks = new WeakMap<FastifyInstance, VendorDesk>();

/** The vendor desk of an ERP sandbox server. */
export function vendorDeskOf(app: FastifyInstance): VendorDesk {
  const desk = desks.get(app);
  if (!desk) throw new Error("this ERP server has no vendor desk");
  return desk;
}

export function installVendorDesk(
  app: FastifyInstance,
  o: {
    readonly prefix: string;
    readonly vendors: Map<string, ErpVendor>;
    readonly gate: preHandlerHookHandler;
    /** Delay before a number is assigned. Default 50 ms. */
    readonly assignDelayMs?: number;
  },
): VendorDesk {
  const byKey = new Map<string, VendorRequestRecord>();
  const byId = new Map<string, VendorRequestRecord>();
  const created: ErpVendor[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const agent = new Agent({ keepAliveTimeout: 1_000 });
  let hub: { url: string; apiKey: string | undefined } | undefined;
  let held = false;
  let closed = false;
  let nextVendor = 90_001;

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const assign = (r: VendorRequestRecord) => {
    if (closed || held || r.state !== "pending") return;
    const existing = r.body.EXISTING_VENDOR_NUM ? o.vendors.get(r.body.EXISTING_VENDOR_NUM) : undefined;
    const num = existing?.VENDOR_NUM ?? `V${nextVendor++}`;
    const vendor: ErpVendor = {
      VENDOR_NUM: num,
      VENDOR_NAME: r.body.VENDOR_NAME,
      DUNS_NUMBER: existing?.DUNS_NUMBER ?? null,
      PAYMENT_TERMS: r.body.PAYMENT_TERMS,
      ENABLED_FLAG: "Y",
    };
    o.vendors.set(num, vendor);
    if (!existing) created.push(vendor);
    r.state = "assigned";
    r.vendorNum = num;
    void callBack(r);
  };

  const callBack = async (r: VendorRequestRecord): Promise<void> => {
    if (closed || !hub || r.callback !== "waiting") return;
    r.callbackAttempts++;
    let retry = true;
    try {
      const res = await request(`${hub.url}${VENDOR_NUMBER_CALLBACK_PATH}`, {
        method: "POST",
        dispatcher: agent,
        headers: {
          "content-type": "application/json",
          "idempotency-key": `erp-vendor-number-${r.requestId}`,
          ...(hub.apiKey ? { "x-api-key": hub.apiKey } : {}),
        },
        body: JSON.stringify({ REQUEST_REF: r.body.REQUEST_REF, REQUEST_ID: r.requestId, VENDOR_NUM: r.vendorNum }),
        headersTimeout: 5_000,
        bodyTimeout: 5_000,
      });
      await res.body.dump();
      if (res.statusCode < 300) {
        r.callback = "delivered";
        return;
      }
      retry = res.statusCode >= 500 || res.statusCode === 429 || res.statusCode === 401;
    } catch {
      retry = !closed; // the hub is down or restarting: keep the number until it is back
    }
    if (!retry) {
      r.callback = "failed";
      return;
    }
    later(Math.min(100 * 2 ** Math.min(r.callbackAttempts, 5), 2_000), () => void callBack(r));
  };

  app.post(`${o.prefix}/vendors/requests`, { preHandler: o.gate }, async (req, reply) => {
    const key = headerValue(req.headers["idempotency-key"]);
    if (!key)
      return reply.code(400).send({
        STATUS: "ERROR",
        ERRORS: [{ CODE: "MISSING_IDEMPOTENCY_KEY", MESSAGE: "Idempotency-Key header is required" }],
      });
    const seen = byKey.get(key);
    if (seen) return reply.code(202).send({ STATUS: "PENDING", REQUEST_ID: seen.requestId });
    const invalid = firstError(VendorRequestSchema, req.body);
    if (invalid)
      return reply.code(400).send({
        STATUS: "ERROR",
        ERRORS: [{ CODE: "INVALID_REQUEST", FIELD: invalid.field, MESSAGE: invalid.message }],
      });
    const body = req.body as VendorRequestBody;
    if (body.EXISTING_VENDOR_NUM && !o.vendors.has(body.EXISTING_VENDOR_NUM))
      return reply.code(422).send({
        STATUS: "ERROR",
        ERRORS: [{ CODE: "INVALID_VENDOR", MESSAGE: `vendor ${body.EXISTING_VENDOR_NUM} does not exist` }],
      });
    const r: VendorRequestRecord = {
      requestId: `VR${String(byId.size + 1).padStart(6, "0")}`,
      idempotencyKey: key,
      body,
      state: "pending",
      vendorNum: null,
      callback: "waiting",
      callbackAttempts: 0,
    };
    byKey.set(key, r);
    byId.set(r.requestId, r);
    later(o.assignDelayMs ?? 50, () => assign(r));
    return reply.code(202).send({ STATUS: "PENDING", REQUEST_ID: r.requestId });
  });

  app.get<{ Params: { id: string } }>(`${o.prefix}/vendors/requests/:id`, async (req, reply) => {
    const r = byId.get(req.params.id);
    if (!r)
      return reply
        .code(404)
        .send({ STATUS: "ERROR", ERRORS: [{ CODE: "NOT_FOUND", MESSAGE: `request ${req.params.id} not found` }] });
    return {
      REQUEST_ID: r.requestId,
      REQUEST_REF: r.body.REQUEST_REF,
      STATUS: r.state.toUpperCase(),
      VENDOR_NUM: r.vendorNum,
    };
  });

  const desk: VendorDesk = {
    requests: byId,
    created,
    setHub(url, apiKey) {
      hub = { url: url.replace(/\/+$/, ""), apiKey };
      for (const r of byId.values()) if (r.state === "assigned" && r.callback === "waiting") void callBack(r);
    },
    hold(on) {
      held = on;
      if (!on) for (const r of byId.values()) assign(r);
    },
    async close() {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await agent.destroy();
    },
  };
  app.addHook("onClose", () => desk.close());
  desks.set(app, desk);
  return desk;
}
