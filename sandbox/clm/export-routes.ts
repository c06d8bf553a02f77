import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { ClmAgreement, ClmItem, ClmVendor } from "./types.js";

const MAX_LIMIT = 5_000;

export interface ClmExportSources {
  readonly vendors: readonly ClmVendor[];
  readonly items: readonly ClmItem[];
  /** Every amendment per agreement; the export gives the latest. */
  readonly agreements: ReadonlyMap<string, readonly ClmAgreement[]>;
}

/**
 * The CLM's reporting extracts: NDJSON pages in its own vocabulary, ordered by its own key,
 * `?cursor=<key>&pageSize=<n>`; the header `X-Next-Cursor` names the key to continue after,
 * absent on the last page. Agreements come as their latest amendment.
 */
export function clmExportRoutes(app: FastifyInstance, prefix: string, src: ClmExportSources): void {
  route(app, `${prefix}/exports/vendors`, () => src.vendors.map((v) => [v.vendorCode, v]));
  route(app, `${prefix}/exports/items`, () => src.items.map((i) => [i.itemCode, i]));
  route(app, `${prefix}/exports/agreements`, () =>
    [...src.agreements.entries()].map(([no, history]) => [no, history.at(-1)] as const),
  );
}

function route(app: FastifyInstance, path: string, records: () => Iterable<readonly [string, unknown]>): void {
  app.get<{ Querystring: { cursor?: string; pageSize?: string } }>(path, async (request, reply) => {
    const limit = Number(request.query.pageSize ?? 500);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      return reply
        .code(400)
        .send({ error: "invalid_request", field: "pageSize", message: `must be an integer 1..${MAX_LIMIT}` });
    const after = request.query.cursor ?? "";
    const keyed = [...records()].filter(([k]) => k > after).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const page = keyed.slice(0, limit);
    if (keyed.length > limit) reply.header("x-next-cursor", page.at(-1)![0]);
    reply.type("application/x-ndjson");
    return reply.send(Readable.from(page.map(([, r]) => `${JSON.stringify(r)}\n`)));
  });
}
