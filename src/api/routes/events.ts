import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import { eventDetail, listEvents } from "../../store/queries/event-queries.js";
import type { ApiDeps } from "../api-deps.js";
import { decodePageCursor, pageOf } from "../page-cursor.js";
import { readSnapshot } from "../read-snapshot.js";
import { Instant, instant, PageParams } from "./list-params.js";

const EventQuery = Type.Object(
  {
    type: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: "Event type, e.g. contract.version-accepted" }),
    ),
    businessKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "e.g. contract:ctr-1" })),
    correlationId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    since: Type.Optional(Instant("Written at or after this instant (RFC 3339)")),
    until: Type.Optional(Instant("Written before this instant (RFC 3339)")),
    ...PageParams,
  },
  { additionalProperties: false },
);
type EventQuery = {
  type?: string;
  businessKey?: string;
  correlationId?: string;
  since?: string;
  until?: string;
  limit?: number;
  cursor?: string;
};

/** The outbox as operators read it: events with filters, and one event with its payload and deliveries. */
export async function eventRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get<{ Querystring: EventQuery }>(
    "/v1/events",
    {
      schema: { querystring: EventQuery, summary: "Outbox events, newest first, with delivery counts by status" },
      config: { scope: "operations:read" },
    },
    async (request) => {
      const { cursor, limit = 100, since, until, ...filter } = request.query;
      const rows = await listEvents(deps.store, {
        ...filter,
        since: since === undefined ? undefined : instant("since", since),
        until: until === undefined ? undefined : instant("until", until),
        beforeId: cursor === undefined ? undefined : decodePageCursor(cursor, "number"),
        limit: limit + 1,
      });
      return pageOf(rows, limit, (r) => r.id);
    },
  );

  app.get<{ Params: { id: number } }>(
    "/v1/events/:id",
    {
      schema: {
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        summary: "One event: its payload and every delivery with its attempts",
      },
      config: { scope: "operations:read" },
    },
    async (request) => {
      const detail = await readSnapshot(deps.store, (tx) => eventDetail(tx, request.params.id));
      if (!detail) throw Errors.NotFound(`no event ${request.params.id}`, { id: request.params.id });
      return detail;
    },
  );
}
