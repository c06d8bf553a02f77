import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import { replayDeliveries } from "../../events/index.js";
import { deliveryDetail } from "../../store/index.js";
import type { ApiDeps } from "../api-deps.js";

const Page = { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) };
const DeadLetterQuery = Type.Object({ target: Type.Optional(Type.String({ maxLength: 40 })), ...Page });
const ReplayBody = Type.Object(
  {
    ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 10_000 })),
    target: Type.Optional(Type.String({ maxLength: 40 })),
    businessKey: Type.Optional(Type.String({ maxLength: 100 })),
    eventType: Type.Optional(Type.String({ maxLength: 100 })),
    includeFailed: Type.Optional(Type.Boolean()),
    all: Type.Optional(Type.Boolean({ description: "Required to replay without any filter" })),
  },
  { additionalProperties: false },
);
const ExceptionQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal("open"), Type.Literal("resolved")])),
  subjectType: Type.Optional(Type.String({ maxLength: 40 })),
  subjectId: Type.Optional(Type.String({ maxLength: 100 })),
  ...Page,
});

/** Dead letters, replay, exceptions and policy violations: what operators act on. */
export async function operationsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get<{ Querystring: { target?: string; limit?: number } }>(
    "/v1/dead-letters",
    { schema: { querystring: DeadLetterQuery } },
    async (request) => {
      const rows = await deps.store.query(
        `SELECT d.id, d.target, d.business_key AS "businessKey", d.key_version AS "keyVersion", d.attempts,
           d.last_error_code AS "lastErrorCode", d.last_error AS "lastError", d.settled_at AS "deadAt",
           d.replays, e.event_type AS "eventType", e.correlation_id AS "correlationId"
         FROM deliveries d JOIN events e ON e.id = d.event_id
         WHERE d.status = 'dead' AND ($1::text IS NULL OR d.target = $1)
         ORDER BY d.settled_at DESC LIMIT $2`,
        [request.query.target ?? null, request.query.limit ?? 100],
      );
      return { items: rows };
    },
  );

  /** Replays one (ids), a filter, or all (all: true); an empty filter is refused, not taken as "all". */
  app.post<{ Body: Record<string, unknown> & { ids?: number[]; includeFailed?: boolean; all?: boolean } }>(
    "/v1/dead-letters/replay",
    { schema: { body: ReplayBody } },
    async (request) => {
      const b = request.body as {
        ids?: number[];
        target?: string;
        businessKey?: string;
        eventType?: string;
        includeFailed?: boolean;
        all?: boolean;
      };
      const filtered = b.ids || b.target || b.businessKey || b.eventType;
      if (!filtered && !b.all) {
        throw Errors.InputSchema(
          "give ids, target, businessKey or eventType, or all: true to replay every dead letter",
        );
      }
      const replayed = await deps.store.transaction((tx) =>
        replayDeliveries(tx, {
          ...(b.ids ? { ids: b.ids } : {}),
          ...(b.target ? { target: b.target } : {}),
          ...(b.businessKey ? { businessKey: b.businessKey } : {}),
          ...(b.eventType ? { eventType: b.eventType } : {}),
          statuses: b.includeFailed ? ["dead", "failed"] : ["dead"],
        }),
      );
      if (replayed.length > 0) deps.onOutboxWrite();
      return { replayed: replayed.length, ids: replayed };
    },
  );

  /** One delivery and its every attempt (outcome, error, Retry-After, when the next one is due). */
  app.get<{ Params: { id: number } }>(
    "/v1/deliveries/:id",
    { schema: { params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) } },
    async (request) => {
      const detail = await deliveryDetail(deps.store, request.params.id);
      if (!detail) throw Errors.NotFound(`no delivery ${request.params.id}`);
      return detail;
    },
  );

  app.get<{ Querystring: { status?: string; subjectType?: string; subjectId?: string; limit?: number } }>(
    "/v1/exceptions",
    { schema: { querystring: ExceptionQuery } },
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
    { schema: { querystring: Type.Object(Page) } },
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
