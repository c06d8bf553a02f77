import type { ErrorFormat } from "./route-media.js";

export const PROBLEM_REF = "#/components/schemas/Problem";
export const OPERATION_OUTCOME_REF = "#/components/schemas/OperationOutcome";

export interface ErrorFacts {
  readonly format: ErrorFormat;
  /** The route reads a body, a query, path parameters or headers that can be invalid. */
  readonly validates: boolean;
  readonly hasPathParams: boolean;
  /** Needs an authenticated caller with a scope. */
  readonly governed: boolean;
  /** Public, but checks credentials of its own. */
  readonly ownCredentials: boolean;
  readonly takesBody: boolean;
}

const WHY: Readonly<Record<string, string>> = {
  "400": "The request is invalid (CONCORD_ERR_INPUT_*): the detail and `issues` say which field and why",
  "401": "No credentials, or a key or token that is unknown, expired or revoked",
  "403": "The client lacks the scope this operation needs, or may not act for the system it names",
  "404": "No such resource",
  "413": "The body is larger than the hub accepts",
  "415": "The body's content type is not one this operation reads",
  "429": "Too many requests from this client; wait for Retry-After seconds",
  "500": "An unexpected error; it was logged and its text is never sent",
  "503": "The store is unreachable or the hub is draining or over its backlog; retry after Retry-After",
};

/**
 * The error answers an operation can give, each referencing the shared schema of its format.
 * The list is what the hub's layers actually do: validation (400) only where something is
 * validated, authentication (401/403) only on governed routes, 404 where a path names a resource.
 */
export function errorResponsesOf(facts: ErrorFacts): Record<string, object> {
  if (facts.format === "none") return { "500": describe("500", facts.format) };
  const statuses = [
    ...(facts.validates ? ["400"] : []),
    ...(facts.governed ? ["401", "403"] : facts.ownCredentials ? ["401"] : []),
    ...(facts.hasPathParams ? ["404"] : []),
    ...(facts.takesBody ? ["413", "415"] : []),
    "429",
    "500",
    "503",
  ];
  return Object.fromEntries(statuses.map((s) => [s, describe(s, facts.format)]));
}

function describe(status: string, format: ErrorFormat): object {
  const description = WHY[status]!;
  switch (format) {
    case "fhir":
      return { description, content: { "application/fhir+json": { schema: { $ref: OPERATION_OUTCOME_REF } } } };
    case "cxml":
      // cXML senders get a cXML Response whose Status code matches the HTTP status.
      return {
        description,
        content: { "text/xml": { schema: { type: "string", description: "A cXML Response with its Status" } } },
      };
    default:
      return { description, content: { "application/problem+json": { schema: { $ref: PROBLEM_REF } } } };
  }
}
