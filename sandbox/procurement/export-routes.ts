import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { RevisionLedger } from "../shared/ledger.js";
import type { ContractCatalogBody } from "./schema.js";
import type { ProcurementCatalogItem, ProcurementSupplier } from "./types.js";

const MAX_LIMIT = 5_000;

export interface ProcurementExportSources {
  readonly suppliers: readonly ProcurementSupplier[];
  readonly catalogItems: ReadonlyMap<string, ProcurementCatalogItem>;
  readonly ledger: RevisionLedger<ContractCatalogBody, unknown>;
}

/**
 * Batch exports, as the suite's bulk extract API gives them: NDJSON pages in the suite's own
 * field names, ordered by its own key, `?after=<key>&limit=<n>`; the header `X-Next-Cursor` names
 * the key to continue after and is absent on the last page. Read-only, so faults never apply.
 */
export function procurementExportRoutes(app: FastifyInstance, prefix: string, src: ProcurementExportSources): void {
  route(app, `${prefix}/exports/suppliers`, () => src.suppliers.map((s) => [s.supplierNumber, s]));
  route(app, `${prefix}/exports/catalog-items`, () => src.catalogItems.entries());
  route(app, `${prefix}/exports/contract-catalogs`, () =>
    [...src.ledger.current.entries()].map(([ref, e]) => [ref, e.doc] as const),
  );
}

function route(app: FastifyInstance, path: string, records: () => Iterable<readonly [string, unknown]>): void {
  app.get<{ Querystring: { after?: string; limit?: string } }>(path, async (request, reply) => {
    const limit = Number(request.query.limit ?? 500);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      return reply.code(400).send({ error: "malformed_request", field: "limit", message: `must be 1..${MAX_LIMIT}` });
    const after = request.query.after ?? "";
    // Plain code-unit order, the order a client merging by key expects.
    const keyed = [...records()].filter(([k]) => k > after).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const page = keyed.slice(0, limit);
    if (keyed.length > limit) reply.header("x-next-cursor", page.at(-1)![0]);
    reply.type("application/x-ndjson");
    return reply.send(Readable.from(page.map(([, r]) => `${JSON.stringify(r)}\n`)));
  });
}
