import { randomUUID } from "node:crypto";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import { Id } from "../../model/index.js";
import {
  decideApproval,
  type OnboardingDeps,
  type OnboardingRequest,
  OnboardingRequestSchema,
  onboardingView,
  recordVendorNumber,
  startOnboarding,
} from "../../workflows/supplier-onboarding/index.js";
import type { ApiDeps } from "../api-deps.js";
import { hasScope, mayActFor } from "../auth/principal.js";
import { correlation, refuseWhenOverloaded } from "./inbound.js";

const Params = Type.Object({ id: Type.String({ pattern: "^onb-[0-9a-f-]{36}$" }) });
const ApprovalBody = Type.Object(
  {
    decision: Type.Union([Type.Literal("approve"), Type.Literal("reject")]),
    comment: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
/** The ERP's callback in its own column names: REQUEST_REF is the onboarding id it was given. */
const VendorNumberBody = Type.Object({
  REQUEST_REF: Type.String({ minLength: 1, maxLength: 80 }),
  VENDOR_NUM: Id,
  REQUEST_ID: Type.Optional(Type.String({ maxLength: 80 })),
});

/**
 * Supplier onboarding: procurement starts one, people decide its approvals, the ERP sends the
 * vendor number back. Each call is one transaction of the workflow (src/workflows/supplier-onboarding).
 */
export async function supplierOnboardingRoutes(
  app: FastifyInstance,
  deps: ApiDeps,
  onboarding: OnboardingDeps,
): Promise<void> {
  app.post<{ Body: OnboardingRequest }>(
    "/v1/suppliers/onboarding",
    { schema: { body: OnboardingRequestSchema }, config: { scope: "suppliers:write" } },
    async (request, reply) => {
      // Procurement completes onboarding: only a client acting for it may start one.
      if (!mayActFor(request.principal, "procurement"))
        throw Errors.AuthSystem(`client ${request.principal?.clientId ?? "(none)"} may not act for procurement`, {
          system: "procurement",
        });
      refuseWhenOverloaded(deps);
      const started = await startOnboarding(onboarding, request.body, {
        requestedBy: request.principal?.clientId,
        correlationId: correlation(request.headers["x-correlation-id"]).correlationId ?? randomUUID(),
      });
      const location = `/v1/suppliers/onboarding/${started.id}`;
      return reply
        .code(202)
        .header("location", location)
        .send({
          ...started,
          links: {
            self: location,
            paymentReadiness: `/v1/suppliers/${started.supplierId}/payment-readiness`,
            history: `/v1/suppliers/${started.supplierId}/history`,
          },
        });
    },
  );

  app.get<{ Params: { id: string } }>(
    "/v1/suppliers/onboarding/:id",
    { schema: { params: Params }, config: { scope: "suppliers:read" } },
    async (request) => {
      const view = await onboardingView(
        deps.store,
        onboarding.cipher,
        request.params.id,
        hasScope(request, "pii:read"),
      );
      if (!view) throw Errors.NotFound(`no supplier onboarding ${request.params.id}`);
      return view;
    },
  );

  app.post<{ Params: { id: string }; Body: { decision: "approve" | "reject"; comment?: string } }>(
    "/v1/suppliers/onboarding/:id/approvals",
    { schema: { params: Params, body: ApprovalBody }, config: { scope: "onboarding:approve" } },
    async (request) =>
      decideApproval(onboarding, {
        onboardingId: request.params.id,
        approver: request.principal?.clientId,
        decision: request.body.decision,
        comment: request.body.comment,
      }),
  );

  app.post<{ Body: { REQUEST_REF: string; VENDOR_NUM: string } }>(
    "/v1/inbound/erp/vendor-numbers",
    { schema: { body: VendorNumberBody }, config: { scope: "suppliers:write" } },
    async (request) => {
      const erp = onboarding.options.erpSystem;
      if (!mayActFor(request.principal, erp))
        throw Errors.AuthSystem(`client ${request.principal?.clientId ?? "(none)"} may not act for ${erp}`, {
          system: erp,
        });
      if (!/^onb-[0-9a-f-]{36}$/.test(request.body.REQUEST_REF))
        throw Errors.NotFound(`REQUEST_REF ${request.body.REQUEST_REF} is not a supplier onboarding`);
      return recordVendorNumber(onboarding, request.body.REQUEST_REF, request.body.VENDOR_NUM, erp);
    },
  );
}
