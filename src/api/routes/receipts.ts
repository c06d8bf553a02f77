import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import { acceptReceipts } from "../../workflows/invoice-match/accept-receipts.js";
import type { ApiDeps } from "../api-deps.js";
import { actingSystem } from "../auth/install-auth.js";
import { correlation, refuseWhenOverloaded } from "./inbound.js";
import { batchAnswer, batchBody, SourceHeaders } from "./record-batch.js";

const ReceiptsBody = batchBody(
  "receipts",
  "Canonical receipts (src/model/schemas/receipt.ts); each is checked on its own",
);

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
      return batchAnswer(results, request.url);
    },
  );
}
