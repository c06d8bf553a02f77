import { Type } from "@sinclair/typebox";

/**
 * The problem+json body (RFC 9457) as the document describes it; src/api/problem.ts builds it.
 * Extensions are open: a validation problem adds `issues`, a retryable refusal `retryAfterSeconds`,
 * others their own context.
 */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ format: "uri", description: "https://concord.dev/errors/<code>" }),
    title: Type.String({ description: "The registry's title for the code (docs/errors.md)" }),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    detail: Type.String({ description: "What went wrong with this request, for a person" }),
    code: Type.String({ pattern: "^CONCORD_ERR_[A-Z0-9_]+$", description: "The registry code; stable" }),
    instance: Type.String({ description: "The request path and query" }),
    issues: Type.Optional(
      Type.Array(Type.Object({ path: Type.String(), message: Type.String() }), {
        description: "Validation problems, one per offending field",
      }),
    ),
    retryAfterSeconds: Type.Optional(
      Type.Integer({ minimum: 0, description: "When to retry; also sent as Retry-After" }),
    ),
  },
  { additionalProperties: true, description: "An error, as RFC 9457 problem details" },
);

/** The FHIR facade's errors: an R4 OperationOutcome with the registry code in issue.details. */
export const OperationOutcomeSchema = Type.Object(
  {
    resourceType: Type.Literal("OperationOutcome"),
    issue: Type.Array(
      Type.Object(
        {
          severity: Type.String(),
          code: Type.String(),
          details: Type.Optional(Type.Object({}, { additionalProperties: true })),
          diagnostics: Type.Optional(Type.String()),
        },
        { additionalProperties: true },
      ),
      { minItems: 1 },
    ),
  },
  { additionalProperties: true, description: "A FHIR R4 OperationOutcome" },
);
