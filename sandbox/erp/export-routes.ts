import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { RevisionLedger } from "../shared/ledger.js";
import type { BlanketAgreementBody } from "./schema.js";
import type { ErpItem, ErpVendor } from "./types.js";

const MAX_LIMIT = 5_000;

export interface ErpExportSources {
  readonly vendors: ReadonlyMap<string, ErpVendor>;
  readonly items: ReadonlyMap<string, ErpItem>;
  readonly ledger: RevisionLedger<BlanketAgreementBody, unknown>;
}

/**
 * The ERP's bulk extracts: NDJSON pages of its purchasing tables, upper-snake columns as it
 * names them, ordered by the table key, `?AFTER=<key>&LIMIT=<n>` (its own parameter style); the
 * header `X-Next-Cursor` names the key to continue after, absent on the last page.
 */
export function erpExportRoutes(app: FastifyInstance, prefix: string, src: ErpExportSources): void {
  route(app, `${prefix}/exports/vendors`, () => src.vendors.entries());
  route(app, `${prefix}/exports/items`, () => src.items.entries());
  route(app, `${prefix}/exports/blanket-agreements`, () =>
    [...src.ledger.current.entries()].map(([num, e]) => [num, e.doc] as const),
  );
}

function route(app: FastifyInstance, path: string, records: () => Iterable<readonly [string, unknown]>): void {
  app.get<{ Querystring: { AFTER?: string; LIMIT?: string } }>(path, async (request, reply) => {
    const limit = Number(request.query.LIMIT ?? 500);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      return reply.code(400).send({
        STATUS: "ERROR",
        ERRORS: [{ CODE: "INVALID_REQUEST", FIELD: "LIMIT", MESSAGE: `must be 1..${MAX_LIMIT}` }],
      });
    const after = request.query.AFTER ?? "";
    const keyed = [...records()].filter(([k]) => k > after).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const page = keyed.slice(0, limit);
    if (keyed.length > limit) reply.header("x-next-cursor", page.at(-1)![0]);
    reply.type("application/x-ndjson");
    return reply.send(Readable.from(page.map(([, r]) => `${JSON.stringify(r)}\n`)));
  });
}
