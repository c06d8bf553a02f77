import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { ConcordError, Errors } from "../../errors/index.js";
import { Id, type Supplier } from "../../model/index.js";
import { readSupplierSensitive, withSensitive } from "../../security/index.js";
import { MASTER_ETAG_SQL, type MasterKind, upsertMasterRecords } from "../../workflows/master-data/index.js";
import type { ApiDeps } from "../api-deps.js";
import { actingSystem } from "../auth/install-auth.js";
import { hasScope } from "../auth/principal.js";
import { toProblem } from "../problem.js";
import { correlation, refuseWhenOverloaded } from "./inbound.js";

const KINDS: Readonly<Record<string, MasterKind>> = { suppliers: "supplier", items: "item" };
const Params = Type.Object({ id: Id });
const ImportBody = Type.Object(
  { records: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 1000 }) },
  { additionalProperties: false },
);
/** Optional: a client registered for one system acts for it; one acting for several must name it. */
const SourceHeaders = Type.Object({
  "x-concord-system": Type.Optional(Type.String({ pattern: "^[a-z][a-z0-9-]{1,30}$" })),
});

/** Suppliers and items: read, and written in batches by their system of record. */
export async function masterDataRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  for (const [path, kind] of Object.entries(KINDS)) {
    app.get<{ Params: { id: string } }>(
      `/v1/${path}/:id`,
      { schema: { params: Params }, config: { scope: kind === "supplier" ? "suppliers:read" : "items:read" } },
      async (request, reply) => {
        const [row] = await deps.store.query<{ body: unknown; etag: string }>(
          `SELECT body, ${MASTER_ETAG_SQL} AS etag FROM canonical_records WHERE entity_type = $1 AND id = $2`,
          [kind, request.params.id],
        );
        if (!row) throw Errors.NotFound(`no ${kind} ${request.params.id}`);
        const etag = `"${row.etag}"`;
        void reply.header("etag", etag);
        const ifNoneMatch = request.headers["if-none-match"];
        if (
          typeof ifNoneMatch === "string" &&
          ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)
        ) {
          return reply.code(304).send();
        }
        if (kind !== "supplier") return row.body;
        // Tax id and bank account are held encrypted apart from the record: clear only with pii:read.
        const sensitive = await readSupplierSensitive(deps.store, deps.cipher, [request.params.id]);
        return withSensitive(row.body as Supplier, sensitive.get(request.params.id), hasScope(request, "pii:read"));
      },
    );
  }

  /**
   * One record replaced by its system of record, conditionally: If-Match must carry the ETag the
   * caller read (428 without, 412 when the record changed since). Ownership applies field group
   * by field group exactly as for imports, as the system the client acts for.
   */
  for (const [path, kind] of Object.entries(KINDS)) {
    app.put<{ Params: { id: string }; Body: Record<string, unknown> }>(
      `/v1/${path}/:id`,
      {
        schema: { params: Params, headers: SourceHeaders, body: Type.Object({}, { additionalProperties: true }) },
        config: { scope: kind === "supplier" ? "suppliers:write" : "items:write" },
      },
      async (request, reply) => {
        const ifMatch = request.headers["if-match"];
        if (typeof ifMatch !== "string") {
          throw Errors.PreconditionRequired(`PUT ${kind} ${request.params.id} needs If-Match with the ETag from a GET`);
        }
        if (request.body.id !== request.params.id) {
          throw Errors.InputSchema(
            `body id "${String(request.body.id)}" does not match the path id "${request.params.id}"`,
          );
        }
        const [result] = await upsertMasterRecords(
          deps.masterData,
          actingSystem(request),
          kind,
          [request.body],
          correlation(request.headers["x-correlation-id"]).correlationId ?? crypto.randomUUID(),
          { ifMatch },
        );
        if (result!.status === "rejected") throw result!.error;
        const [row] = await deps.store.query<{ etag: string }>(
          `SELECT ${MASTER_ETAG_SQL} AS etag FROM canonical_records WHERE entity_type = $1 AND id = $2`,
          [kind, request.params.id],
        );
        return reply.header("etag", `"${row!.etag}"`).send({ id: request.params.id, status: result!.status });
      },
    );
  }

  /**
   * Up to 1,000 canonical records from the system named in X-Concord-System, in one transaction.
   * Each record gets its own result (created, updated, unchanged or rejected with a problem), so
   * one bad record never fails the others; 200 whatever the mix, 207-style.
   */
  for (const [path, kind] of Object.entries(KINDS)) {
    app.post<{ Body: { records: unknown[] } }>(
      `/v1/imports/${path}`,
      {
        schema: { body: ImportBody, headers: SourceHeaders },
        config: { scope: kind === "supplier" ? "suppliers:write" : "items:write" },
      },
      async (request) => {
        refuseWhenOverloaded(deps);
        const results = await upsertMasterRecords(
          deps.masterData,
          actingSystem(request),
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
}

const asConcord = (e: unknown) => (e instanceof ConcordError ? e : Errors.Internal("unexpected error"));
