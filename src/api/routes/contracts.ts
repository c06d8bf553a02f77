import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import { ContractSchema, Id } from "../../model/index.js";
import { contractPropagation, contractVersionTerms, getContractVersion } from "../../store/index.js";
import { canonicalContractItem, releaseByApproval } from "../../workflows/contract-propagation/index.js";
import { activateReleased } from "../../workflows/price-activation/index.js";
import { systemClock } from "../../workflows/timers/index.js";
import type { ApiDeps } from "../api-deps.js";
import { actingSystem } from "../auth/install-auth.js";
import { correlation, refuseWhenOverloaded } from "./inbound.js";

const ContractParams = Type.Object({ id: Id });
const VersionParams = Type.Object({ id: Id, version: Type.Integer({ minimum: 1 }) });
const SourceHeaders = Type.Object({
  "x-concord-system": Type.Optional(Type.String({ pattern: "^[a-z][a-z0-9-]{1,30}$" })),
  "idempotency-key": Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});
const ReleaseBody = Type.Object(
  {
    approvedBy: Type.String({ minLength: 1, maxLength: 100 }),
    reason: Type.String({ minLength: 5, maxLength: 500 }),
  },
  { additionalProperties: false },
);

export async function contractRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get<{ Params: { id: string } }>(
    "/v1/contracts/:id",
    { schema: { params: ContractParams }, config: { scope: "contracts:read" } },
    async (request) => {
      const contract = await getContractVersion(deps.store, request.params.id);
      if (!contract) throw Errors.NotFound(`no contract ${request.params.id}`);
      return contract;
    },
  );

  /** Every version of a contract with its terms (dates, lines, tiers, eligibility, rebates) and status. */
  app.get<{ Params: { id: string } }>(
    "/v1/contracts/:id/versions",
    { schema: { params: ContractParams }, config: { scope: "contracts:read" } },
    async (request) => {
      const versions = await contractVersionTerms(deps.store, request.params.id);
      if (versions.length === 0) throw Errors.NotFound(`no contract ${request.params.id}`);
      return { contractId: request.params.id, versions };
    },
  );

  app.get<{ Params: { id: string; version: number } }>(
    "/v1/contracts/:id/versions/:version",
    { schema: { params: VersionParams }, config: { scope: "contracts:read" } },
    async (request) => {
      const contract = await getContractVersion(deps.store, request.params.id, request.params.version);
      if (!contract) throw Errors.NotFound(`contract ${request.params.id} has no version ${request.params.version}`);
      return contract;
    },
  );

  app.get<{ Params: { id: string } }>(
    "/v1/contracts/:id/propagation",
    { schema: { params: ContractParams }, config: { scope: "contracts:read" } },
    async (request) => {
      const versions = await contractPropagation(deps.store, request.params.id);
      if (versions.length === 0) throw Errors.NotFound(`no contract ${request.params.id}`);
      return { contractId: request.params.id, versions };
    },
  );

  /**
   * A canonical contract version from a system acting through the API: the client's system, or
   * the one X-Concord-System names among those it may act for. Ownership applies exactly as for
   * native webhooks.
   */
  app.post<{
    Params: { id: string };
    Body: Record<string, unknown>;
    Headers: { "x-concord-system"?: string; "idempotency-key"?: string };
  }>(
    "/v1/contracts/:id/versions",
    {
      schema: { params: ContractParams, headers: SourceHeaders, body: ContractSchema },
      config: { scope: "contracts:write" },
    },
    async (request, reply) => {
      if (request.body.id !== request.params.id) {
        throw Errors.InputSchema(
          `body id "${String(request.body.id)}" does not match the path id "${request.params.id}"`,
        );
      }
      refuseWhenOverloaded(deps);
      const system = actingSystem(request);
      const result = await deps.intake.submit(
        canonicalContractItem(
          {
            system,
            messageType: "concord.contract-version",
            messageId:
              request.headers["idempotency-key"] ??
              `${request.params.id}/v${String(request.body.version)}/${crypto.randomUUID()}`,
            contentType: "application/json",
            rawBody: request.rawBody ?? JSON.stringify(request.body),
            correlationId: correlation(request.headers["x-correlation-id"]).correlationId ?? crypto.randomUUID(),
          },
          request.body as never,
        ),
      );
      return reply.code(202).send({ ...result, propagation: `/v1/contracts/${result.contractId}/propagation` });
    },
  );

  app.post<{ Params: { id: string; version: number }; Body: { approvedBy: string; reason: string } }>(
    "/v1/contracts/:id/versions/:version/release",
    { schema: { params: VersionParams, body: ReleaseBody }, config: { scope: "operations:write" } },
    async (request) => {
      const { id, version } = request.params;
      const now = (deps.priceActivation?.clock ?? systemClock).now();
      await deps.store.transaction(async (tx) => {
        await releaseByApproval(tx, id, version, request.body);
        // Facilities whose activation instant came activate with the release (price activation).
        await activateReleased(tx, [{ contractId: id, version }], now, request.body.approvedBy);
      });
      return { contractId: id, version, status: "released" };
    },
  );
}
