import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import { RECONCILE_ENTITY_TYPES, readConsistency, readFindings, runExists } from "../../reconcile/index.js";
import type { ApiDeps } from "../api-deps.js";

const ConsistencyQuery = Type.Object({ runId: Type.Optional(Type.Integer({ minimum: 1 })) });
const FindingsQuery = Type.Object({
  system: Type.Optional(Type.String({ maxLength: 40 })),
  entityType: Type.Optional(Type.Union(RECONCILE_ENTITY_TYPES.map((t) => Type.Literal(t)))),
  kind: Type.Optional(
    Type.Union([Type.Literal("missing"), Type.Literal("extra"), Type.Literal("different"), Type.Literal("unreadable")]),
  ),
  after: Type.Optional(Type.Integer({ minimum: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});

/**
 * Cross-system consistency from the reconciliation runs: per system and entity type, the share of
 * records that agree with canonical (the latest completed run, or `?runId=`), and the findings
 * behind it down to the differing fields.
 */
export async function consistencyRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get<{ Querystring: { runId?: number } }>(
    "/v1/consistency",
    { schema: { querystring: ConsistencyQuery }, config: { scope: "operations:read" } },
    async (request) => {
      const found = await readConsistency(deps.store, request.query.runId);
      if (!found) {
        throw Errors.NotFound(
          request.query.runId
            ? `no reconciliation run ${request.query.runId}`
            : "no reconciliation run has completed yet",
        );
      }
      return found;
    },
  );

  app.get<{
    Params: { runId: number };
    Querystring: { system?: string; entityType?: string; kind?: string; after?: number; limit?: number };
  }>(
    "/v1/consistency/:runId/findings",
    {
      schema: { params: Type.Object({ runId: Type.Integer({ minimum: 1 }) }), querystring: FindingsQuery },
      config: { scope: "operations:read" },
    },
    async (request) => {
      const { runId } = request.params;
      if (!(await runExists(deps.store, runId))) throw Errors.NotFound(`no reconciliation run ${runId}`);
      const q = request.query;
      const items = await readFindings(deps.store, runId, { ...q, limit: q.limit ?? 100 });
      return { items, ...(items.length === (q.limit ?? 100) ? { nextAfter: items.at(-1)!.seq } : {}) };
    },
  );
}
