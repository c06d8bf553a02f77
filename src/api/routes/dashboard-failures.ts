import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { maskSensitive } from "../../audit/index.js";
import { Errors } from "../../errors/index.js";
import { deadLetterDetail } from "../../store/queries/dead-letter-queries.js";
import { exceptionDetail, listFailures } from "../../store/queries/failure-queries.js";
import type { ApiDeps } from "../api-deps.js";
import { mappedPayload } from "../dashboard/mapped-payload.js";
import { maskText } from "../dashboard/mask-text.js";
import { readSnapshot } from "../read-snapshot.js";

const FailureQuery = Type.Object(
  {
    kind: Type.Optional(Type.Union([Type.Literal("dead-letter"), Type.Literal("exception")])),
    system: Type.Optional(
      Type.String({ minLength: 1, maxLength: 40, description: "Target (dead letters) or system (exceptions)" }),
    ),
    type: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: "Prefix of the event type or exception rule" }),
    ),
    urgency: Type.Optional(Type.Union(["clinical", "financial", "compliance", "routine"].map((u) => Type.Literal(u)))),
    olderThanHours: Type.Optional(Type.Number({ minimum: 0, maximum: 87_600 })),
    status: Type.Optional(Type.Union([Type.Literal("open"), Type.Literal("resolved")])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
  },
  { additionalProperties: false },
);
type FailureQuery = Omit<Parameters<typeof listFailures>[1], "limit"> & { limit?: number };

/** Sensitive fields stay masked unless the caller may see them (pii:read), as everywhere else. */
const mayReadPii = (request: FastifyRequest) => request.principal?.scopes.has("pii:read") === true;
const shown = (request: FastifyRequest, value: unknown) => (mayReadPii(request) ? value : maskSensitive(value));

/** What an operator works through: dead letters and exceptions in one list, and each in detail. */
export async function dashboardFailureRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get<{ Querystring: FailureQuery }>(
    "/v1/dashboard/failures",
    {
      schema: {
        querystring: FailureQuery,
        summary: "Dead letters and exceptions, newest first, filtered, with the filter values",
      },
      config: { scope: "operations:read" },
    },
    async (request) => listFailures(deps.store, { ...request.query, limit: request.query.limit ?? 200 }),
  );

  app.get<{ Params: { id: number } }>(
    "/v1/dashboard/failures/dead-letter/:id",
    {
      schema: {
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        summary: "A dead letter with its original (canonical) and mapped (target's native) payloads, masked",
      },
      config: { scope: "operations:read" },
    },
    async (request) => {
      const d = await readSnapshot(deps.store, (tx) => deadLetterDetail(tx, request.params.id));
      if (!d) throw Errors.NotFound(`no delivery ${request.params.id}`, { id: request.params.id });
      const mapped = mappedPayload(d.eventType, d.target, d.payload);
      return {
        ...d,
        payload: shown(request, d.payload),
        mappedPayload: mapped ? { ...mapped, body: shown(request, mapped.body) } : null,
      };
    },
  );

  app.get<{ Params: { id: number } }>(
    "/v1/dashboard/failures/exception/:id",
    {
      schema: {
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        summary: "An exception with its details and the inbound message of its transaction, masked",
      },
      config: { scope: "operations:read" },
    },
    async (request) => {
      const found = await exceptionDetail(deps.store, request.params.id);
      if (!found) throw Errors.NotFound(`no exception ${request.params.id}`, { id: request.params.id });
      const { exception, original } = found;
      return {
        ...(shown(request, exception) as object),
        original: original
          ? { ...original, body: shown(request, parsedBody(original.contentType, original.body, request)) }
          : null,
      };
    },
  );
}

/** A JSON message as a value (so its keys can be masked), anything else as its (masked) text. */
function parsedBody(contentType: string, body: string, request: FastifyRequest): unknown {
  if (!contentType.includes("json")) return mayReadPii(request) ? body : maskText(body);
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
