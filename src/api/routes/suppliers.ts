import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import { normalizeTin } from "../../model/identifiers/tin.js";
import { Id } from "../../model/index.js";
import { paymentReadiness, searchSuppliers, supplierHistory } from "../../workflows/supplier-onboarding/index.js";
import type { ApiDeps } from "../api-deps.js";
import { hasScope } from "../auth/principal.js";
import { supplierOnboardingRoutes } from "./supplier-onboarding.js";

const Params = Type.Object({ id: Id });
const SearchQuery = Type.Object({
  name: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
  taxId: Type.Optional(Type.String({ minLength: 9, maxLength: 11 })),
  gln: Type.Optional(Type.String({ pattern: "^\\d{13}$" })),
  vendorNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});

/**
 * The supplier service: search, payment readiness and status history, plus the onboarding
 * workflow's routes. Registered with the other resources in build-app.ts.
 */
export async function supplierRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const onboarding = deps.supplierOnboarding;

  app.get<{ Querystring: { name?: string; taxId?: string; gln?: string; vendorNumber?: string; limit?: number } }>(
    "/v1/suppliers",
    { schema: { querystring: SearchQuery }, config: { scope: "suppliers:read" } },
    async (request) => {
      const q = request.query;
      let taxId: string | undefined;
      if (q.taxId !== undefined) {
        // Finding a supplier by tax id tells the caller whose tax id it is: that is reading PII.
        if (!hasScope(request, "pii:read"))
          throw Errors.AuthScope("searching suppliers by tax id needs the pii:read scope", {
            requiredScope: "pii:read",
          });
        const tin = normalizeTin(q.taxId);
        if (!tin.ok) throw Errors.InputQuery(`taxId ${tin.reason}`, { parameter: "taxId" });
        taxId = tin.value;
      }
      const items = await searchSuppliers(deps.store, onboarding.cipher, onboarding.options.erpSystem, {
        name: q.name,
        taxId,
        gln: q.gln,
        vendorNumber: q.vendorNumber,
        limit: q.limit ?? 100,
      });
      return { items };
    },
  );

  app.get<{ Params: { id: string } }>(
    "/v1/suppliers/:id/payment-readiness",
    { schema: { params: Params }, config: { scope: "suppliers:read" } },
    async (request) => {
      const today = onboarding.clock.now().toISOString().slice(0, 10);
      const r = await paymentReadiness(deps.store, request.params.id, onboarding.options.erpSystem, today);
      if (!r) throw Errors.NotFound(`no supplier ${request.params.id}`);
      return r;
    },
  );

  app.get<{ Params: { id: string } }>(
    "/v1/suppliers/:id/history",
    { schema: { params: Params }, config: { scope: "suppliers:read" } },
    async (request) => {
      const [exists] = await deps.store.query(
        "SELECT 1 FROM canonical_records WHERE entity_type = 'supplier' AND id = $1",
        [request.params.id],
      );
      if (!exists) throw Errors.NotFound(`no supplier ${request.params.id}`);
      return { supplierId: request.params.id, transitions: await supplierHistory(deps.store, request.params.id) };
    },
  );

  await supplierOnboardingRoutes(app, deps, onboarding);
}
