import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { AREA_TAGS } from "./area-tag.js";
import { DOCS_PREFIX, describeRoute } from "./describe-route.js";
import { OperationOutcomeSchema, ProblemSchema } from "./problem-schema.js";
import { SECURITY_SCHEMES } from "./security-schemes.js";

export const OPENAPI_PATH = "/openapi.json";

/**
 * The API's OpenAPI 3.1 document, generated from the routes' own TypeBox schemas and governance
 * config when first asked for. Install it before anything registers a route, governance plugins
 * included: it only sees routes added after it.
 */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Concord hub API",
        version: "1.0.0",
        description:
          "The governed API of a Concord hub. Every operation names the scope it needs; errors are " +
          "RFC 9457 problem+json (the FHIR facade answers OperationOutcome, cXML a cXML Response).",
      },
      tags: AREA_TAGS.map((t) => ({ ...t })),
      components: {
        schemas: { Problem: ProblemSchema, OperationOutcome: OperationOutcomeSchema },
        securitySchemes: SECURITY_SCHEMES as never,
      },
    },
    transform: describeRoute,
    transformObject: (documentObject) =>
      requireUniqueOperationIds("openapiObject" in documentObject ? documentObject.openapiObject : {}),
  });
}

/**
 * GET /openapi.json and the browsable page at /docs, whose assets the hub serves itself (no CDN).
 * Registered like any other routes, after governance, so they are throttled like the rest.
 */
export async function openApiRoutes(app: FastifyInstance): Promise<void> {
  await app.register(async (docs) => {
    // The description of the API is open to anyone, like the health check: it holds no data. The
    // docs UI registers its routes without config; this marks them (auth's own check runs first
    // and knows /docs as a public prefix for that reason).
    docs.addHook("onRoute", (route) => {
      route.config = { ...route.config, public: true };
    });
    docs.get(
      OPENAPI_PATH,
      { config: { public: true }, schema: { summary: "This document: the API as OpenAPI 3.1" } as object },
      async () => docs.swagger(),
    );
    await docs.register(swaggerUi, {
      routePrefix: DOCS_PREFIX,
      theme: { title: "Concord hub API" },
      uiConfig: { deepLinking: true, persistAuthorization: false },
    });
  });
}

/** Two operations with one id would make generated clients ambiguous: refuse the document. */
function requireUniqueOperationIds<T extends { paths?: object }>(doc: T): T {
  const seen = new Map<string, string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item as Record<string, { operationId?: unknown } | undefined>)) {
      const id = typeof op?.operationId === "string" ? op.operationId : undefined;
      if (!id) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const first = seen.get(id);
      if (first) throw new Error(`operationId ${id} is used by both ${first} and ${where}`);
      seen.set(id, where);
    }
  }
  return doc;
}
