import { Readable } from "node:stream";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { writeCsv } from "../../connectors/csv/index.js";
import { itemToDevice, supplierToOrganization } from "../../connectors/fhir/index.js";
import { encodeDocuments } from "../../connectors/x12/index.js";
import { priceAuthorizationFromContract } from "../../connectors/x12-price-authorization/index.js";
import { Errors } from "../../errors/index.js";
import { contractRefs, type Item, type Supplier } from "../../model/index.js";
import { canonicalToLocal, pageCurrentContracts, pageRecords } from "../../store/index.js";
import type { ApiDeps } from "../api-deps.js";

const CsvParams = Type.Object({
  kind: Type.Union([Type.Literal("suppliers"), Type.Literal("items"), Type.Literal("contract-prices")]),
});
const FhirParams = Type.Object({ kind: Type.Union([Type.Literal("suppliers"), Type.Literal("items")]) });
const X12Query = Type.Object({ partner: Type.String({ pattern: "^[a-z][a-z0-9-]{1,30}$" }) });

/**
 * Bulk exports, streamed a page at a time: CSV (the layouts of docs/formats/csv.md), FHIR R4
 * collection bundles, and the contracts as X12 845s for one trading partner (in its own ids).
 */
export async function exportRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get<{ Params: { kind: "suppliers" | "items" | "contract-prices" } }>(
    "/v1/exports/:kind.csv",
    { schema: { params: CsvParams }, config: { scope: "exports:read" } },
    async (request, reply) => {
      const stream =
        request.params.kind === "suppliers"
          ? writeCsv("supplier", pageRecords<Supplier>(deps.store, "supplier"))
          : request.params.kind === "items"
            ? writeCsv("item", pageRecords<Item>(deps.store, "item"))
            : writeCsv("contract-price", pageCurrentContracts(deps.store));
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${request.params.kind}.csv"`)
        .send(stream);
    },
  );

  app.get<{ Params: { kind: "suppliers" | "items" } }>(
    "/v1/exports/:kind.fhir.json",
    { schema: { params: FhirParams }, config: { scope: "exports:read" } },
    async (request, reply) => {
      const entries =
        request.params.kind === "suppliers"
          ? mapAsync(pageRecords<Supplier>(deps.store, "supplier"), supplierToOrganization)
          : mapAsync(pageRecords<Item>(deps.store, "item"), itemToDevice);
      return reply.type("application/fhir+json; charset=utf-8").send(Readable.from(bundle(entries)));
    },
  );

  app.get<{ Querystring: { partner: string } }>(
    "/v1/exports/contract-prices.x12",
    { schema: { querystring: X12Query }, config: { scope: "exports:read" } },
    async (request, reply) => {
      const system = request.query.partner;
      const partner = deps.partners.x12.x12PartnerOf(system);
      if (!partner) throw Errors.NotFound(`no trading partner ${system} with X12 settings`);
      const docs = [];
      // One interchange holds the lot: its size is bounded by the number of contracts (hundreds).
      for await (const contract of pageCurrentContracts(deps.store)) {
        const xrefs = await canonicalToLocal(deps.store, [system], contractRefs(contract));
        docs.push(priceAuthorizationFromContract({ contract, xrefs }, system));
      }
      if (docs.length === 0) throw Errors.NotFound("no contracts to export");
      const [seq] = await deps.store.query<{ n: number }>("SELECT nextval('x12_control_numbers')::int AS n");
      const { text } = encodeDocuments(
        docs,
        {
          sender: deps.partners.x12.identity,
          receiver: { qualifier: partner.qualifier, id: partner.id },
          controlNumber: seq!.n,
          at: new Date(),
          lineBreaks: true,
        },
        partner.options,
      );
      return reply.type("application/edi-x12").send(text);
    },
  );
}

async function* mapAsync<T, U>(source: AsyncIterable<T>, f: (t: T) => U): AsyncGenerator<U> {
  for await (const t of source) yield f(t);
}

/** A FHIR collection Bundle written entry by entry, never held whole. */
async function* bundle(resources: AsyncIterable<{ resourceType: string; id?: string }>): AsyncGenerator<string> {
  yield `{"resourceType":"Bundle","type":"collection","timestamp":"${new Date().toISOString()}","entry":[`;
  let first = true;
  for await (const r of resources) {
    yield `${first ? "" : ","}{"fullUrl":"${r.resourceType}/${r.id ?? ""}","resource":${JSON.stringify(r)}}`;
    first = false;
  }
  yield "]}";
}
