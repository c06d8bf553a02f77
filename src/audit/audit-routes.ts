import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { Errors } from "../errors/index.js";
import type { Store } from "../store/index.js";
import { readAuditPage } from "./sql/read-audit.js";
import { verifyAuditChain } from "./verify-audit-chain.js";

export interface AuditRouteDeps {
  readonly store: Store;
}

const VerifyQuery = Type.Object(
  {
    fromSeq: Type.Optional(Type.Integer({ minimum: 1 })),
    anchorSeq: Type.Optional(Type.Integer({ minimum: 1 })),
    anchorHash: Type.Optional(Type.String({ pattern: "^[0-9a-f]{64}$" })),
  },
  { additionalProperties: false },
);
const PageQuery = Type.Object(
  {
    after: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  },
  { additionalProperties: false },
);

/**
 * GET /v1/audit/verify: the chain check, 200 with its result whether intact or not (a tampered log
 * is a finding, not a failed request). GET /v1/audit?after=&limit=: records in seq order, with
 * `next` to pass as `after` for the following page (null at the end).
 */
export async function auditRoutes(app: FastifyInstance, deps: AuditRouteDeps): Promise<void> {
  app.get<{ Querystring: { fromSeq?: number; anchorSeq?: number; anchorHash?: string } }>(
    "/v1/audit/verify",
    { schema: { querystring: VerifyQuery }, config: { scope: "audit:read" } },
    async (request) => {
      const q = request.query;
      if ((q.anchorSeq === undefined) !== (q.anchorHash === undefined)) {
        throw Errors.InputQuery("anchorSeq and anchorHash go together: the hash recorded for that seq");
      }
      const anchors = q.anchorSeq !== undefined && q.anchorHash ? [{ seq: q.anchorSeq, hash: q.anchorHash }] : [];
      return verifyAuditChain(deps.store, { ...(q.fromSeq ? { fromSeq: q.fromSeq } : {}), anchors });
    },
  );

  app.get<{ Querystring: { after?: number; limit?: number } }>(
    "/v1/audit",
    { schema: { querystring: PageQuery }, config: { scope: "audit:read" } },
    async (request) => {
      const limit = request.query.limit ?? 100;
      const items = await readAuditPage(deps.store, request.query.after ?? 0, limit);
      return { items, next: items.length === limit ? items.at(-1)!.seq : null };
    },
  );
}
