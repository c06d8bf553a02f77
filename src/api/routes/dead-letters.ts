import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { auditChange } from "../../audit/index.js";
import { Errors } from "../../errors/index.js";
import { replayDeliveries } from "../../events/index.js";
import {
  deadLetterDetail,
  listDeadLetters,
  type ReplaySelection,
  selectReplayable,
} from "../../store/queries/dead-letter-queries.js";
import type { ApiDeps } from "../api-deps.js";
import { decodePageCursor, pageOf } from "../page-cursor.js";
import { readSnapshot } from "../read-snapshot.js";
import { PageParams } from "./list-params.js";

const DeadLetterQuery = Type.Object(
  {
    target: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: "Target system" })),
    eventType: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "Event type" })),
    businessKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    olderThanHours: Type.Optional(
      Type.Number({ minimum: 0, maximum: 87_600, description: "Dead for at least this many hours" }),
    ),
    ...PageParams,
  },
  { additionalProperties: false },
);
type DeadLetterQuery = {
  target?: string;
  eventType?: string;
  businessKey?: string;
  olderThanHours?: number;
  limit?: number;
  cursor?: string;
};

const ReplayBody = Type.Object(
  {
    ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 10_000 })),
    target: Type.Optional(Type.String({ maxLength: 40 })),
    businessKey: Type.Optional(Type.String({ maxLength: 200 })),
    eventType: Type.Optional(Type.String({ maxLength: 100 })),
    includeFailed: Type.Optional(Type.Boolean({ description: "Replay permanently failed deliveries too" })),
    all: Type.Optional(Type.Boolean({ description: "Required to replay without any filter" })),
    dryRun: Type.Optional(Type.Boolean({ description: "Answer what would be replayed; change nothing" })),
  },
  { additionalProperties: false },
);
type ReplayBody = {
  ids?: number[];
  target?: string;
  businessKey?: string;
  eventType?: string;
  includeFailed?: boolean;
  all?: boolean;
  dryRun?: boolean;
};

/** Dead letters: listed with filters, read one by one with their payload and attempts, replayed (or dry-run). */
export async function deadLetterRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get<{ Querystring: DeadLetterQuery }>(
    "/v1/dead-letters",
    {
      schema: { querystring: DeadLetterQuery, summary: "Dead letters, newest first" },
      config: { scope: "operations:read" },
    },
    async (request) => {
      const { cursor, limit = 100, ...filter } = request.query;
      const rows = await listDeadLetters(deps.store, {
        ...filter,
        beforeId: cursor === undefined ? undefined : decodePageCursor(cursor, "number"),
        limit: limit + 1,
      });
      return pageOf(rows, limit, (r) => r.id);
    },
  );

  app.get<{ Params: { id: number } }>(
    "/v1/dead-letters/:id",
    {
      schema: {
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        summary: "One dead letter: the original event payload and every attempt",
      },
      config: { scope: "operations:read" },
    },
    async (request) => {
      const detail = await readSnapshot(deps.store, (tx) => deadLetterDetail(tx, request.params.id));
      if (!detail) throw Errors.NotFound(`no delivery ${request.params.id}`, { id: request.params.id });
      return detail;
    },
  );

  /**
   * Replays one (ids), a filter, or all (all: true); an empty filter is refused, not taken as "all".
   * `dryRun: true` answers what the same request would replay and changes nothing.
   */
  app.post<{ Body: ReplayBody }>(
    "/v1/dead-letters/replay",
    {
      schema: { body: ReplayBody, summary: "Replay dead letters (or dry-run: what would be replayed)" },
      config: { scope: "operations:write" },
    },
    async (request) => {
      const b = request.body;
      const filtered = b.ids || b.target || b.businessKey || b.eventType;
      if (!filtered && !b.all) {
        throw Errors.InputSchema(
          "give ids, target, businessKey or eventType, or all: true to replay every dead letter",
        );
      }
      const selection: ReplaySelection = {
        ids: b.ids,
        target: b.target,
        businessKey: b.businessKey,
        eventType: b.eventType,
        statuses: b.includeFailed ? ["dead", "failed"] : ["dead"],
      };
      if (b.dryRun) {
        const would = await selectReplayable(deps.store, selection);
        return { dryRun: true, wouldReplay: would.length, ids: would.map((d) => d.id), byTarget: byTarget(would) };
      }
      const clientId = request.principal!.clientId;
      const replayed = await deps.store.transaction(async (tx) => {
        const ids = await replayDeliveries(tx, {
          ...(b.ids ? { ids: b.ids } : {}),
          ...(b.target ? { target: b.target } : {}),
          ...(b.businessKey ? { businessKey: b.businessKey } : {}),
          ...(b.eventType ? { eventType: b.eventType } : {}),
          statuses: selection.statuses,
        });
        if (ids.length === 0) return [];
        const targets = await tx.query<{ id: number; target: string }>(
          "SELECT id, target FROM deliveries WHERE id = ANY($1::bigint[]) ORDER BY target, id",
          [ids],
        );
        // Last in the transaction (the chain tip lock): who asked, for what, and what it moved.
        await auditChange(tx, {
          actor: clientId,
          action: "dead-letters.replayed",
          subjectType: "delivery",
          subjectId: ids.length === 1 ? String(ids[0]) : `${ids.length} deliveries`,
          detail: {
            clientId,
            // The ids asked for are in `ids` below as replayed; the filter is kept as given.
            filter: {
              target: b.target ?? null,
              businessKey: b.businessKey ?? null,
              eventType: b.eventType ?? null,
              includeFailed: b.includeFailed ?? false,
              all: b.all ?? false,
              idsAskedFor: b.ids?.length ?? 0,
            },
            replayed: ids.length,
            ids: targets.map((t) => t.id),
            byTarget: byTarget(targets),
          },
        });
        return targets;
      });
      if (replayed.length > 0) deps.onOutboxWrite();
      return { replayed: replayed.length, ids: replayed.map((d) => d.id), byTarget: byTarget(replayed) };
    },
  );
}

/** Ids grouped by target, targets in name order: what an operator checks before pressing replay. */
function byTarget(rows: readonly { id: number; target: string }[]): { target: string; count: number; ids: number[] }[] {
  const groups = new Map<string, number[]>();
  for (const r of rows) groups.set(r.target, [...(groups.get(r.target) ?? []), r.id]);
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([target, ids]) => ({ target, count: ids.length, ids: ids.sort((x, y) => x - y) }));
}
