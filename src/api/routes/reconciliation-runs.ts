import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import {
  listReconcileRuns,
  RECONCILE_ENTITY_TYPES,
  type ReconcileEntityType,
  readReconcileRun,
  requestReconcileRun,
} from "../../reconcile/index.js";
import type { ApiDeps } from "../api-deps.js";

const RunBody = Type.Object(
  {
    heal: Type.Optional(
      Type.Boolean({ description: "Re-send what drifted through the outbox (default: the configuration's)" }),
    ),
    entityTypes: Type.Optional(
      Type.Array(Type.Union(RECONCILE_ENTITY_TYPES.map((t) => Type.Literal(t))), { minItems: 1, uniqueItems: true }),
    ),
  },
  { additionalProperties: false },
);

/**
 * Reconciliation from the hub: ask the workers for a run (one at a time cluster-wide; the
 * configured schedule asks too), and follow runs to their end. Results: GET /v1/consistency.
 */
export async function reconciliationRunRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.post<{ Body: { heal?: boolean; entityTypes?: ReconcileEntityType[] } }>(
    "/v1/reconciliation-runs",
    {
      schema: { body: RunBody, summary: "Request a reconciliation run of the configured systems (run by a worker)" },
      config: { scope: "operations:write" },
    },
    async (request, reply) => {
      const config = deps.reconcile?.config;
      if (!config) throw Errors.ReconcileNotConfigured("this hub has no `reconcile.systems` configured");
      const run = await deps.store.transaction((tx) =>
        requestReconcileRun(tx, {
          trigger: "api",
          requestedBy: request.principal!.clientId,
          heal: request.body?.heal ?? config.heal,
          ...(request.body?.entityTypes ? { entityTypes: request.body.entityTypes } : {}),
        }),
      );
      if (!run.created) {
        throw Errors.ReconcileRunOpen(`reconciliation run ${run.id} is already waiting or running`, { runId: run.id });
      }
      deps.reconcile!.onRequested();
      reply.code(202).header("location", `/v1/reconciliation-runs/${run.id}`);
      return readReconcileRun(deps.store, run.id);
    },
  );

  app.get<{ Querystring: { limit?: number } }>(
    "/v1/reconciliation-runs",
    {
      schema: {
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })) },
          { additionalProperties: false },
        ),
        summary: "Reconciliation runs, newest first (requested, running, completed, failed)",
      },
      config: { scope: "operations:read" },
    },
    async (request) => ({ items: await listReconcileRuns(deps.store, request.query.limit ?? 20) }),
  );

  app.get<{ Params: { id: number } }>(
    "/v1/reconciliation-runs/:id",
    {
      schema: { params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), summary: "One reconciliation run" },
      config: { scope: "operations:read" },
    },
    async (request) => {
      const run = await readReconcileRun(deps.store, request.params.id);
      if (!run) throw Errors.NotFound(`no reconciliation run ${request.params.id}`);
      return run;
    },
  );
}
