import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import {
  listPurchaseOrders,
  PURCHASE_ORDER_STATUSES,
  type PurchaseOrderStatus,
  purchaseOrderStatus,
} from "../../store/queries/purchase-order-queries.js";
import type { ApiDeps } from "../api-deps.js";
import { decodePageCursor, pageOf } from "../page-cursor.js";
import { readSnapshot } from "../read-snapshot.js";
import { PageParams } from "./list-params.js";

const PurchaseOrderQuery = Type.Object(
  {
    supplier: Type.Optional(
      Type.String({ minLength: 1, maxLength: 40, description: "The supplier's trading-partner system" }),
    ),
    status: Type.Optional(
      Type.Union(
        PURCHASE_ORDER_STATUSES.map((s) => Type.Literal(s)),
        { description: "The furthest stage its documents show" },
      ),
    ),
    ...PageParams,
  },
  { additionalProperties: false },
);
type PurchaseOrderQuery = { supplier?: string; status?: PurchaseOrderStatus; limit?: number; cursor?: string };

/** Purchase orders as Concord sees them across the buyer's and the supplier's systems. */
export async function purchaseOrderRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get<{ Querystring: PurchaseOrderQuery }>(
    "/v1/purchase-orders",
    {
      schema: { querystring: PurchaseOrderQuery, summary: "Purchase orders by number, with their status" },
      config: { scope: "orders:read" },
    },
    async (request) => {
      const { cursor, limit = 100, ...filter } = request.query;
      const rows = await listPurchaseOrders(deps.store, {
        ...filter,
        afterId: cursor === undefined ? undefined : decodePageCursor(cursor, "string"),
        limit: limit + 1,
      });
      return pageOf(rows, limit, (r) => r.purchaseOrderId);
    },
  );

  app.get<{ Params: { id: string } }>(
    "/v1/purchase-orders/:id/status",
    {
      schema: {
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) }),
        summary: "Ordered, acknowledged, shipped, received, invoiced, paid: each with its source document",
      },
      config: { scope: "orders:read" },
    },
    async (request) => {
      const view = await readSnapshot(deps.store, (tx) => purchaseOrderStatus(tx, request.params.id));
      if (!view)
        throw Errors.NotFound(`no purchase order ${request.params.id}`, { purchaseOrderId: request.params.id });
      return view;
    },
  );
}
