import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { ConcordError, Errors } from "../../errors/index.js";
import { Id } from "../../model/index.js";
import { type MasterKind, upsertMasterRecords } from "../../workflows/master-data/index.js";
import type { ApiDeps } from "../api-deps.js";
import { toProblem } from "../problem.js";
import { correlation, refuseWhenOverloaded } from "./inbound.js";

const KINDS: Readonly<Record<string, MasterKind>> = { suppliers: "supplier", items: "item" };
const Params = Type.Object({ id: Id });
const ImportParams = Type.Object({ kind: Type.Union([Type.Literal("suppliers"), Type.Literal("items")]) });
const ImportBody = Type.Object(
  { records: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 1000 }) },
  { additionalProperties: false },
);
const SourceHeaders = Type.Object({ "x-concord-system": Type.String({ pattern: "^[a-z][a-z0-9-]{1,30}$" }) });

/** Suppliers and items: read, and written in batches by their system of record. */
export async function masterDataRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  for (const [path, kind] of Object.entries(KINDS)) {
    app.get<{ Params: { id: string } }>(`/v1/${path}/:id`, { schema: { params: Params } }, async (request) => {
      const [row] = await deps.store.query<{ body: unknown }>(
        "SELECT body FROM canonical_records WHERE entity_type = $1 AND id = $2",
        [kind, request.params.id],
      );
      if (!row) throw Errors.NotFound(`no ${kind} ${request.params.id}`);
      return row.body;
    });
  }

  /**
   * Up to 1,000 canonical records from the system named in X-Concord-System, in one transaction.
   * Each record gets its own result (created, updated, unchanged or rejected with a problem), so
   * one bad record never fails the others; 200 whatever the mix, 207-style.
   */
  app.post<{ Params: { kind: string }; Body: { records: unknown[] }; Headers: { "x-concord-system": string } }>(
    "/v1/imports/:kind",
    { schema: { params: ImportParams, body: ImportBody, headers: SourceHeaders } },
    async (request) => {
      refuseWhenOverloaded(deps);
      const kind = KINDS[request.params.kind]!;
      const results = await upsertMasterRecords(
        deps.masterData,
        request.headers["x-concord-system"],
        kind,
        request.body.records,
        correlation(request.headers["x-correlation-id"]).correlationId ?? crypto.randomUUID(),
      );
      const counts = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
      for (const r of results) counts[r.status]++;
      return {
        ...counts,
        results: results.map((r) =>
          r.status === "rejected"
            ? { id: r.id, status: r.status, problem: toProblem(asConcord(r.error), request.url) }
            : r,
        ),
      };
    },
  );
}

const asConcord = (e: unknown) => (e instanceof ConcordError ? e : Errors.Internal("unexpected error"));
