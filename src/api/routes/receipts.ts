import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import { acceptReceipts } from "../../workflows/invoice-match/accept-receipts.js";
import type { ApiDeps } from "../api-deps.js";
import { actingSystem } from "../auth/install-auth.js";
import { toProblem } from "../problem.js";
import { correlation, refuseWhenOverloaded } from "./inbound.js";

const ReceiptsBody = Type.Object(
  {
    receipts: Type.Array(Type.Unknown(), {
      minItems: 1,
      maxItems: 1000,
      description: "Canonical receipts (src/model/schemas/receipt.ts); each is checked on its own",
    }),
  },
  { additionalProperties: false },
);
const SourceHeaders = Type.Object({
  "x-concord-system": Type.Optional(Type.String({ pattern: "^[a-z][a-z0-9-]{1,30}$" })),
});

/** Goods receipts from the system that recorded them at the dock (the ERP or procurement). */
export async function receiptRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.post<{ Body: { receipts: unknown[] } }>(
    "/v1/receipts",
    {
      schema: {
        body: ReceiptsBody,
        headers: SourceHeaders,
        summary:
          "Send goods receipts (batch, per-record results, idempotent per receipt id); held invoices they cure are matched again",
      },
      config: { scope: "receipts:write" },
    },
    async (request) => {
      refuseWhenOverloaded(deps);
      const system = actingSystem(request);
      const allowed = deps.invoiceExceptions?.receiptSystems ?? ["erp", "procurement"];
      if (!allowed.includes(system)) {
        throw Errors.OwnershipViolation(`system ${system} does not record goods receipts (${allowed.join(", ")} do)`, {
          system,
          entityType: "receipt",
          owners: allowed,
        });
      }
      const results = await acceptReceipts(
        { store: deps.store, onRequeued: deps.onOutboxWrite },
        system,
        request.body.receipts,
        correlation(request.headers["x-correlation-id"]).correlationId ?? crypto.randomUUID(),
      );
      const counts = { accepted: 0, duplicate: 0, rejected: 0 };
      for (const r of results) counts[r.status]++;
      return {
        ...counts,
        results: results.map((r) =>
          r.status === "rejected"
            ? { index: r.index, id: r.id, status: r.status, problem: toProblem(r.error, request.url) }
            : r,
        ),
      };
    },
  );
}
