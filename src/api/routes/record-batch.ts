import { Type } from "@sinclair/typebox";
import type { BatchRefusal } from "../../workflows/partner-documents/index.js";
import { toProblem } from "../problem.js";

/** A batch intake's body: `{ <field>: [record, …] }`, each record checked on its own by its workflow. */
export function batchBody(field: string, description: string) {
  return Type.Object(
    { [field]: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 1000, description }) },
    { additionalProperties: false },
  );
}

/** The system a batch is sent for (acting-for rules in install-auth.ts). */
export const SourceHeaders = Type.Object({
  "x-concord-system": Type.Optional(Type.String({ pattern: "^[a-z][a-z0-9-]{1,30}$" })),
});

/** The answer to a batch: counts, and one result per record, a refused one with its problem+json. */
export function batchAnswer<R extends { readonly status: "accepted" } | BatchRefusal>(
  results: readonly R[],
  instance: string,
) {
  const counts = { accepted: 0, duplicate: 0, rejected: 0 };
  for (const r of results) counts[r.status]++;
  return {
    ...counts,
    results: results.map((r) =>
      r.status === "rejected"
        ? { index: r.index, id: r.id, status: r.status, problem: toProblem(r.error, instance) }
        : r,
    ),
  };
}
