import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import { acceptPayments } from "../../workflows/payments/index.js";
import type { ApiDeps } from "../api-deps.js";
import { actingSystem } from "../auth/install-auth.js";
import { correlation, refuseWhenOverloaded } from "./inbound.js";
import { batchAnswer, batchBody, SourceHeaders } from "./record-batch.js";

const PaymentsBody = batchBody(
  "payments",
  "Canonical payments (src/model/schemas/payment.ts); each is checked on its own",
);

/** Payments from accounts payable (the ERP owns them): kept, shown on their POs, remitted to suppliers. */
export async function paymentRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.post<{ Body: { payments: unknown[] } }>(
    "/v1/payments",
    {
      schema: {
        body: PaymentsBody,
        headers: SourceHeaders,
        summary:
          "Send payments and the invoices they settle (batch, per-record results, idempotent per payment id); each supplier is sent its remittance",
      },
      config: { scope: "payments:write" },
    },
    async (request) => {
      refuseWhenOverloaded(deps);
      const system = actingSystem(request);
      const owner = deps.invoiceExceptions?.erpSystem ?? "erp";
      if (system !== owner) {
        throw Errors.OwnershipViolation(`system ${system} does not make payments (${owner}, accounts payable, does)`, {
          system,
          entityType: "payment",
          owners: [owner],
        });
      }
      const results = await acceptPayments(
        {
          store: deps.store,
          subscribers: deps.invoiceExceptions?.subscribers ?? (() => []),
          partnerSystems: deps.invoiceExceptions?.partnerSystems ?? new Set(),
          onOutboxWrite: deps.onOutboxWrite,
        },
        system,
        request.body.payments,
        correlation(request.headers["x-correlation-id"]).correlationId ?? crypto.randomUUID(),
      );
      return batchAnswer(results, request.url);
    },
  );
}
