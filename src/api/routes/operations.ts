import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import { deliveryDetail } from "../../store/index.js";
import type { ApiDeps } from "../api-deps.js";

const Page = { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) };
const ExceptionQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal("open"), Type.Literal("resolved")])),
  subjectType: Type.Optional(Type.String({ maxLength: 40 })),
  subjectId: Type.Optional(Type.String({ maxLength: 100 })),
  ...Page,
});

/**
 * Deliveries, exceptions and policy violations: what operators act on. Dead letters and replay are
 * in dead-letters.ts, the outbox in events.ts, traces in trace.ts.
 */
export async function operationsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  /** One delivery and its every attempt (outcome, error, Retry-After, when the next one is due). */
  app.get<{ Params: { id: number } }>(
    "/v1/deliveries/:id",
    { schema: { params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) }, config: { scope: "operations:read" } },
    async (request) => {
      const detail = await deliveryDetail(deps.store, request.params.id);
      if (!detail) throw Errors.NotFound(`no delivery ${request.params.id}`);
      return detail;
    },
  );

  app.get<{ Querystring: { status?: string; subjectType?: string; subjectId?: string; limit?: number } }>(
    "/v1/exceptions",
    { schema: { querystring: ExceptionQuery }, config: { scope: "operations:read" } },
    async (request) => {
      const q = request.query;
      const rows = await deps.store.query(
        `SELECT id, code, rule, urgency, subject_type AS "subjectType", subject_id AS "subjectId", system, message,
           details, correlation_id AS "correlationId", status, created_at AS "createdAt"
         FROM exceptions
         WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR subject_type = $2)
           AND ($3::text IS NULL OR subject_id = $3)
         ORDER BY id DESC LIMIT $4`,
        [q.status ?? null, q.subjectType ?? null, q.subjectId ?? null, q.limit ?? 100],
      );
      return { items: rows };
    },
  );

  app.get<{ Querystring: { limit?: number } }>(
    "/v1/policy-violations",
    { schema: { querystring: Type.Object(Page) }, config: { scope: "operations:read" } },
    async (request) => {
      const rows = await deps.store.query(
        `SELECT id, rule, system, entity_type AS "entityType", entity_id AS "entityId", field_groups AS "fieldGroups",
           message, correlation_id AS "correlationId", created_at AS "createdAt"
         FROM policy_violations ORDER BY id DESC LIMIT $1`,
        [request.query.limit ?? 100],
      );
      return { items: rows };
    },
  );
}
