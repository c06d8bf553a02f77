import type { TSchema } from "@sinclair/typebox";
import { Type } from "@sinclair/typebox";
import { ClmAgreementEventSchema, ClmWithdrawalEventSchema } from "../../connectors/index.js";

/** How a route's errors are answered: problem+json, except where a format brings its own. */
export type ErrorFormat = "problem" | "fhir" | "cxml" | "none";

export interface RouteMedia {
  /** Media types of a successful answer. */
  readonly produces: readonly string[];
  /**
   * A request body the route reads without a fastify body schema (raw documents, or a native
   * payload its workflow validates), documented here so clients can send it.
   */
  readonly body?: { readonly consumes: readonly string[]; readonly schema: TSchema };
  readonly errors: ErrorFormat;
  /** A public route that checks credentials of its own (the token endpoint, cXML's SharedSecret). */
  readonly ownCredentials?: boolean;
}

const TokenRequest = Type.Object(
  {
    grant_type: Type.Literal("client_credentials"),
    client_id: Type.Optional(Type.String({ description: "Or HTTP Basic authentication" })),
    client_secret: Type.Optional(Type.String()),
    scope: Type.Optional(Type.String({ description: "Space-separated; default every scope the client has" })),
  },
  { description: "RFC 6749 §4.4 client-credentials token request" },
);
const X12_TEXT = Type.String({ description: "An X12 interchange (ISA … IEA), as the partner sent it" });

/**
 * What routes send and answer beyond JSON, by path: the exports' formats, the FHIR facade, the
 * partner endpoints. Kept beside the document rather than on the routes because none of it may
 * reach fastify's serializer (a response schema there would strip fields).
 */
const SPECIAL: readonly (RouteMedia & { readonly match: RegExp })[] = [
  { match: /^\/v\d+\/exports\/.*\.csv$/, produces: ["text/csv"], errors: "problem" },
  { match: /^\/v\d+\/exports\/.*\.fhir\.json$/, produces: ["application/fhir+json"], errors: "problem" },
  { match: /^\/v\d+\/exports\/.*\.x12$/, produces: ["application/edi-x12"], errors: "problem" },
  { match: /^\/fhir\//, produces: ["application/fhir+json"], errors: "fhir" },
  {
    match: /^\/v\d+\/inbound\/x12$/,
    produces: ["application/json", "application/edi-x12"],
    body: { consumes: ["application/edi-x12", "application/edi-consent", "text/plain"], schema: X12_TEXT },
    errors: "problem",
  },
  {
    match: /^\/v\d+\/inbound\/cxml$/,
    produces: ["text/xml"],
    body: { consumes: ["text/xml", "application/xml"], schema: Type.String({ description: "A cXML request" }) },
    errors: "cxml",
    ownCredentials: true,
  },
  {
    match: /^\/v\d+\/inbound\/clm\/agreement-events$/,
    produces: ["application/json"],
    body: {
      consumes: ["application/json"],
      schema: Type.Union([ClmAgreementEventSchema, ClmWithdrawalEventSchema]),
    },
    errors: "problem",
  },
  {
    match: /^\/oauth\/token$/,
    produces: ["application/json"],
    body: { consumes: ["application/x-www-form-urlencoded"], schema: TokenRequest },
    errors: "problem",
    ownCredentials: true,
  },
  { match: /^\/docs$/, produces: ["text/html"], errors: "none" },
];

export function routeMediaOf(url: string): RouteMedia {
  return SPECIAL.find((s) => s.match.test(url)) ?? { produces: ["application/json"], errors: "problem" };
}
