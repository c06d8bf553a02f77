import type { FastifySchema, RouteOptions } from "fastify";
import type { RouteGovernance } from "../auth/principal.js";
import { areaTagsOf } from "./area-tag.js";
import { errorResponsesOf } from "./error-responses.js";
import { operationIdOf } from "./operation-id.js";
import { routeMediaOf } from "./route-media.js";
import { securityOf } from "./security-schemes.js";

/** Where @fastify/swagger-ui serves the browsable page; its own asset routes stay undocumented. */
export const DOCS_PREFIX = "/docs";

type DocumentedSchema = FastifySchema & {
  hide?: boolean;
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  consumes?: readonly string[];
  response?: Record<string, unknown>;
};

const WITH_BODY = new Set(["POST", "PUT", "PATCH"]);

/**
 * The swagger transform: what the document says about one route, computed when the document is
 * first generated (after every route is registered), so a scope or deprecation added to a
 * route's config is always current. Only the document sees the result; fastify keeps the route's
 * own schema, so nothing here can change how requests are validated or answers serialized.
 */
export function describeRoute({
  schema,
  url: routeUrl,
  route,
}: {
  schema: FastifySchema;
  url: string;
  route: RouteOptions;
}): {
  schema: FastifySchema;
  url: string;
} {
  const own = (schema ?? {}) as DocumentedSchema;
  // The page itself is documented (fastify hands it over as `/docs/`); its assets, its copy of the
  // document (`/docs/json`, `/docs/yaml`) and its OAuth redirect are not operations.
  const url = routeUrl === `${DOCS_PREFIX}/` ? DOCS_PREFIX : routeUrl;
  if (url.startsWith(`${DOCS_PREFIX}/`)) return { schema: { ...own, hide: true }, url };
  // Other static pages (the dashboard and its assets) hide themselves; the docs page is shown
  // although swagger-ui registers it hidden.
  if (own.hide === true && url !== DOCS_PREFIX) return { schema: own, url };
  const method = (Array.isArray(route.method) ? route.method[0] : route.method) as string;
  const governance = route.config as RouteGovernance | undefined;
  const media = routeMediaOf(url);
  const takesBody = WITH_BODY.has(method);
  const hasPathParams = /[:*]/.test(url);
  // FHIR searches refuse parameters they do not support (400) without a fastify query schema.
  const fhirSearch = media.errors === "fhir" && /\/[A-Z][A-Za-z]+$/.test(url);
  const body = own.body === undefined && media.body ? { body: media.body.schema, consumes: media.body.consumes } : {};
  const described: DocumentedSchema = {
    ...own,
    ...body,
    hide: false,
    operationId: own.operationId ?? operationIdOf(method, url),
    summary: own.summary ?? firstSentence(own.description) ?? `${method} ${url.replace(/:(\w+)/g, "{$1}")}`,
    tags: own.tags ?? areaTagsOf(url),
    security: securityOf(governance),
    response: {
      ...errorResponsesOf({
        format: media.errors,
        validates: Boolean(own.body ?? own.querystring ?? own.params ?? own.headers) || takesBody || fhirSearch,
        hasPathParams,
        governed: !governance?.public,
        ownCredentials: media.ownCredentials === true,
        takesBody,
      }),
      ...(own.response ?? { "2XX": success(media.produces) }),
    },
  };
  const deprecated = governance?.deprecated;
  if (deprecated) {
    described.deprecated = true;
    described.description = [
      own.description,
      `Deprecated since ${deprecated.since}; answers until its sunset on ${deprecated.sunset}. ` +
        `Use ${deprecated.successor} instead.`,
    ]
      .filter(Boolean)
      .join("\n\n");
  }
  return { schema: described, url };
}

function success(produces: readonly string[]) {
  const content = Object.fromEntries(
    // JSON answers are not described field by field yet: `{}` says "any JSON", which is true.
    produces.map((m) => [m, { schema: m.endsWith("json") ? {} : { type: "string" } }]),
  );
  return { description: "Success", content };
}

function firstSentence(text: string | undefined): string | undefined {
  const sentence = text?.split(/(?<=\.)\s/, 1)[0]?.trim();
  return sentence ? sentence.replace(/\.$/, "") : undefined;
}
