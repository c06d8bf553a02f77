import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  CodeSystems,
  type FhirReadPort,
  FhirSystems,
  facilityToLocation,
  facilityToOrganization,
  type IdentifierFilter,
  itemToDevice,
  parseFhirId,
  type R4Resource,
  SYSTEM_ALIASES,
  supplierToOrganization,
} from "../../connectors/fhir/index.js";
import { ConcordError, Errors } from "../../errors/index.js";

/** Every FHIR read needs fhir:read; the CapabilityStatement is public, as FHIR clients expect. */
const FHIR_READ = { config: { scope: "fhir:read" } } as const;

export interface FhirRoutesOptions {
  readonly port: FhirReadPort;
  /** Software version shown in the CapabilityStatement. */
  readonly version?: string;
}

const BASE = "/fhir/R4";
const FHIR_JSON = "application/fhir+json; charset=utf-8";
const SEARCH_PARAMS = {
  Organization: ["identifier", "name"],
  Location: ["identifier", "name"],
  Device: ["identifier"],
} as const;
type SearchType = keyof typeof SEARCH_PARAMS;

/**
 * A read-only FHIR R4 facade over Concord's master data: suppliers and facilities as
 * Organization, facilities as Location, items as Device. Register with
 * `app.register(fhirRoutes, { port })`; it keeps its own error and not-found handlers under
 * /fhir/R4 so FHIR clients get OperationOutcome, never problem+json.
 */
export async function fhirRoutes(app: FastifyInstance, opts: FhirRoutesOptions): Promise<void> {
  await app.register(
    async (fhir) => {
      fhir.setErrorHandler((error: FastifyError, request, reply) => sendOutcome(reply, request, toConcordError(error)));
      fhir.setNotFoundHandler((request, reply) =>
        sendOutcome(
          reply,
          request,
          Errors.RouteNotFound(`${request.method} ${request.url.split("?")[0]} is not served by Concord's FHIR API`),
        ),
      );

      fhir.get("/metadata", { config: { public: true } }, async (_request, reply) =>
        sendFhir(reply, capabilityStatement(opts.version)),
      );

      fhir.get<{ Params: { id: string } }>("/Organization/:id", FHIR_READ, async (request, reply) => {
        const ref = parseFhirId(request.params.id);
        const found =
          ref?.kind === "supplier"
            ? await opts.port.getSupplier(ref.canonicalId).then((s) => s && supplierToOrganization(s))
            : ref?.kind === "facility"
              ? await opts.port.getFacility(ref.canonicalId).then((f) => f && facilityToOrganization(f))
              : undefined;
        return sendFhir(reply, found ?? notFound("Organization", request.params.id));
      });

      fhir.get<{ Params: { id: string } }>("/Location/:id", FHIR_READ, async (request, reply) => {
        const ref = parseFhirId(request.params.id);
        const f = ref?.kind === "facility" ? await opts.port.getFacility(ref.canonicalId) : undefined;
        return sendFhir(reply, f ? facilityToLocation(f) : notFound("Location", request.params.id));
      });

      fhir.get<{ Params: { id: string } }>("/Device/:id", FHIR_READ, async (request, reply) => {
        const ref = parseFhirId(request.params.id);
        const i = ref?.kind === "item" ? await opts.port.getItem(ref.canonicalId) : undefined;
        return sendFhir(reply, i ? itemToDevice(i) : notFound("Device", request.params.id));
      });

      fhir.get("/Organization", FHIR_READ, async (request, reply) => {
        const q = searchQuery(request, "Organization");
        const filter = { ...q.filter };
        // An identifier of one kind only narrows one list: a HIN is never a supplier's.
        const suppliers = q.only === "facility" ? [] : await opts.port.listSuppliers(filter);
        const facilities = q.only === "supplier" ? [] : await opts.port.listFacilities(filter);
        const found: R4Resource[] = [
          ...suppliers.map(supplierToOrganization),
          ...facilities.map(facilityToOrganization),
        ];
        return sendFhir(reply, searchset(request, "Organization", q.none ? [] : found));
      });

      fhir.get("/Location", FHIR_READ, async (request, reply) => {
        const q = searchQuery(request, "Location");
        const found = q.none || q.only === "supplier" ? [] : await opts.port.listFacilities(q.filter);
        return sendFhir(reply, searchset(request, "Location", found.map(facilityToLocation)));
      });

      fhir.get("/Device", FHIR_READ, async (request, reply) => {
        const q = searchQuery(request, "Device");
        const found = q.none ? [] : await opts.port.listItems(q.filter);
        return sendFhir(reply, searchset(request, "Device", found.map(itemToDevice)));
      });
    },
    { prefix: BASE },
  );
}

interface SearchQuery {
  readonly filter: { identifier?: IdentifierFilter; name?: string };
  /** The identifier's system can only name one kind of record. */
  readonly only?: "supplier" | "facility";
  /** The identifier's system is one no Concord record has: the answer is an empty bundle. */
  readonly none: boolean;
}

/** Parses and checks the search parameters; anything not understood is refused, never ignored. */
function searchQuery(request: FastifyRequest, type: SearchType): SearchQuery {
  const query = request.query as Record<string, string | string[] | undefined>;
  const allowed: readonly string[] = SEARCH_PARAMS[type];
  const filter: { identifier?: IdentifierFilter; name?: string } = {};
  let only: SearchQuery["only"];
  let none = false;
  for (const [key, raw] of Object.entries(query)) {
    if (key === "_format") {
      if (raw !== "json" && raw !== "application/fhir+json" && raw !== "application/json") {
        throw Errors.FhirUnsupported(`_format ${JSON.stringify(raw)}: Concord's FHIR API answers in JSON only`, {
          parameter: key,
        });
      }
      continue;
    }
    if (!allowed.includes(key)) {
      throw Errors.FhirUnsupported(
        `search parameter ${JSON.stringify(key)} is not supported on ${type}; supported: ${allowed.join(", ")}, _format`,
        { parameter: key, supported: allowed },
      );
    }
    if (typeof raw !== "string" || raw === "") {
      throw Errors.InputQuery(`search parameter ${key} must be given once, with a value`, { parameter: key });
    }
    if (key === "name") filter.name = raw;
    if (key === "identifier") {
      const parsed = identifierFilter(type, raw);
      if (parsed === "no-match") none = true;
      else {
        filter.identifier = parsed.filter;
        only = parsed.only;
      }
    }
  }
  return { filter, ...(only ? { only } : {}), none };
}

/** `system|value` or a bare `value` (any system), with the systems of docs/formats/fhir.md. */
function identifierFilter(
  type: SearchType,
  raw: string,
): { readonly filter: IdentifierFilter; readonly only?: "supplier" | "facility" } | "no-match" {
  const bar = raw.indexOf("|");
  const system = bar < 0 ? undefined : raw.slice(0, bar);
  const value = bar < 0 ? raw : raw.slice(bar + 1);
  if (value === "") {
    throw Errors.FhirUnsupported(`identifier=${raw}: searching by system alone is not supported; give system|value`, {
      parameter: "identifier",
    });
  }
  if (system === undefined || system === "") return { filter: { scheme: "any", value } };
  const alias = SYSTEM_ALIASES.get(system);
  const own = `${FhirSystems.concordId}/`;
  if (type === "Device") {
    if (system === FhirSystems.gtin || system === FhirSystems.udiIssuerGs1 || alias === "gtin") {
      return { filter: { scheme: "gtin", value } };
    }
    if (system === `${own}item`) return { filter: { scheme: "canonical", value } };
    if (system === FhirSystems.manufacturerPartNo) return { filter: { scheme: "manufacturer-part-no", value } };
    return "no-match";
  }
  if (system === FhirSystems.gln || alias === "gln") return { filter: { scheme: "gln", value } };
  if (system === FhirSystems.duns || alias === "duns") return { filter: { scheme: "duns", value }, only: "supplier" };
  if (system === FhirSystems.hin) return { filter: { scheme: "hin", value }, only: "facility" };
  if (system === `${own}supplier`) return { filter: { scheme: "canonical", value }, only: "supplier" };
  if (system === `${own}facility`) return { filter: { scheme: "canonical", value }, only: "facility" };
  return "no-match";
}

function searchset(request: FastifyRequest, type: SearchType, resources: readonly R4Resource[]) {
  const origin = `${request.protocol}://${request.host}`;
  return {
    resourceType: "Bundle" as const,
    type: "searchset" as const,
    total: resources.length,
    link: [{ relation: "self", url: `${origin}${request.url}` }],
    ...(resources.length > 0
      ? {
          entry: resources.map((resource) => ({
            fullUrl: `${origin}${BASE}/${type}/${resource.id}`,
            resource,
            search: { mode: "match" as const },
          })),
        }
      : {}),
  };
}

function notFound(type: string, id: string): never {
  throw Errors.NotFound(`${type}/${id} is not a Concord record`, { resourceType: type, id });
}

function sendFhir(reply: FastifyReply, body: object) {
  return reply.type(FHIR_JSON).send(JSON.stringify(body));
}

const ISSUE_CODE: Readonly<Record<number, string>> = { 400: "invalid", 404: "not-found", 406: "not-supported" };

/** OperationOutcome for every FHIR error: issue code by status, the registry code in details. */
function sendOutcome(reply: FastifyReply, request: FastifyRequest, e: ConcordError) {
  if (e.status >= 500 && !e.retryable) request.log.error({ err: e }, "FHIR request failed");
  const code =
    e.code === "CONCORD_ERR_FHIR_UNSUPPORTED"
      ? "not-supported"
      : (ISSUE_CODE[e.status] ?? (e.status >= 500 ? "exception" : "processing"));
  return reply
    .code(e.status)
    .type(FHIR_JSON)
    .send(
      JSON.stringify({
        resourceType: "OperationOutcome",
        issue: [
          {
            severity: "error",
            code,
            details: { coding: [{ system: CodeSystems.concordError, code: e.code }], text: e.title },
            diagnostics: e.message,
          },
        ],
      }),
    );
}

function toConcordError(error: FastifyError): ConcordError {
  if (error instanceof ConcordError) return error;
  if (error.statusCode === 400) return Errors.InputQuery(error.message);
  return Errors.Internal("an unexpected error occurred; it has been logged", {}, error);
}

function capabilityStatement(version = "0.1.0") {
  return {
    resourceType: "CapabilityStatement" as const,
    name: "ConcordFhirFacade",
    title: "Concord supply-chain master data (read-only)",
    status: "active" as const,
    date: "2026-01-01",
    publisher: "Concord",
    kind: "instance" as const,
    software: { name: "Concord", version },
    fhirVersion: "4.0.1" as const,
    format: ["json"],
    rest: [
      {
        mode: "server" as const,
        resource: (Object.keys(SEARCH_PARAMS) as SearchType[]).map((type) => ({
          type,
          interaction: [{ code: "read" as const }, { code: "search-type" as const }],
          searchParam: SEARCH_PARAMS[type].map((name) => ({
            name,
            type: name === "identifier" ? ("token" as const) : ("string" as const),
          })),
        })),
      },
    ],
  };
}
