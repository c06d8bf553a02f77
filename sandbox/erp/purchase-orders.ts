import type { FastifyInstance, preHandlerHookHandler } from "fastify";

/** A purchase order as the ERP's purchasing module takes it (upper-snake columns, like its other APIs). */
export interface ErpPurchaseOrder {
  PO_NUM: string;
  REQUISITION_REF?: string;
  ORG_CODE: string;
  COST_CENTER: string;
  VENDOR_REF: string;
  CURRENCY_CODE: string;
  ORDER_DATE: string;
  LINES: { LINE_NUM: string; ITEM_NUMBER: string; QUANTITY: string; UOM_CODE: string; UNIT_PRICE: string }[];
}

export interface PurchaseOrderDesk {
  /** Every PO recorded, once each (a repeated Idempotency-Key is answered with the first result). */
  readonly orders: (ErpPurchaseOrder & { DOCUMENT_ID: number })[];
}

const desks = new WeakMap<FastifyInstance, PurchaseOrderDesk>();

/** The purchase-order desk of a sandbox ERP server (tests read what the hub sent). */
export function purchaseOrderDeskOf(app: FastifyInstance): PurchaseOrderDesk {
  const desk = desks.get(app);
  if (!desk) throw new Error("this ERP server has no purchase-order desk");
  return desk;
}

/** `POST /purchasing/purchase-orders`: records a PO issued by Concord; idempotent per Idempotency-Key. */
export function installPurchaseOrderDesk(app: FastifyInstance, o: { prefix: string; gate: preHandlerHookHandler }) {
  const desk: PurchaseOrderDesk = { orders: [] };
  desks.set(app, desk);
  const byKey = new Map<string, number>();
  app.post(`${o.prefix}/purchasing/purchase-orders`, { preHandler: o.gate }, async (req, reply) => {
    const key = req.headers["idempotency-key"];
    if (typeof key !== "string" || !key)
      return reply.code(400).send({
        STATUS: "ERROR",
        ERRORS: [{ CODE: "MISSING_IDEMPOTENCY_KEY", MESSAGE: "Idempotency-Key header is required" }],
      });
    const body = req.body as ErpPurchaseOrder;
    if (!body?.PO_NUM || !Array.isArray(body.LINES) || body.LINES.length === 0)
      return reply.code(400).send({
        STATUS: "ERROR",
        ERRORS: [{ CODE: "INVALID_REQUEST", FIELD: "PO_NUM", MESSAGE: "PO_NUM and LINES are required" }],
      });
    const seen = byKey.get(key);
    if (seen !== undefined) return reply.code(200).send({ STATUS: "SUCCESS", DOCUMENT_ID: seen });
    const id = 70_000 + desk.orders.length + 1;
    desk.orders.push({ ...body, DOCUMENT_ID: id });
    byKey.set(key, id);
    return reply.code(201).send({ STATUS: "SUCCESS", DOCUMENT_ID: id });
  });
}
