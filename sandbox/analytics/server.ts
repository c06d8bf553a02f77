import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { UomSchema } from "../../src/model/index.js";
import { type FaultInjector, installFaults } from "../faults/index.js";
import { type AppOptions, createApp } from "../shared/app.js";
import { Decimal, NullableDate, Ref } from "../shared/native-schema.js";
import { firstError } from "../shared/validate.js";

const PREFIX = "/analytics/api";

/** Analytics is keyed by canonical ids and canonical UOM words: it is Concord's own warehouse feed. */
export const PriceBatchSchema = Type.Object(
  {
    batch_id: Type.String({ minLength: 1, maxLength: 128 }),
    contract_number: Ref,
    contract_version: Type.Integer({ minimum: 1 }),
    supplier_id: Ref,
    emitted_at: Type.String({ minLength: 10 }),
    rows: Type.Array(
      Type.Object(
        {
          line_no: Type.Integer({ minimum: 1 }),
          item_id: Ref,
          uom: UomSchema,
          tier: Type.Integer({ minimum: 0, maximum: 9 }),
          price: Decimal,
          valid_from: Type.Optional(NullableDate),
          valid_to: Type.Optional(NullableDate),
        },
        { additionalProperties: false },
      ),
      { maxItems: 200_000 },
    ),
  },
  { additionalProperties: false },
);
export type PriceBatch = Static<typeof PriceBatchSchema>;

export interface StoredBatch extends PriceBatch {
  receivedAt: string;
}

export interface AnalyticsServerOptions extends AppOptions {
  seed?: number;
  hangMs?: number;
}

export interface AnalyticsHandle {
  readonly batches: StoredBatch[];
  /** Batches re-sent with a batch_id already received (accepted 0). */
  readonly stats: { duplicates: number };
  readonly faults: FaultInjector;
}

export type AnalyticsServer = FastifyInstance & { sandbox: AnalyticsHandle };

export function createAnalyticsServer(opts: AnalyticsServerOptions = {}): AnalyticsServer {
  const app = createApp(opts);
  const faults = installFaults(app, {
    prefix: "/analytics",
    seed: opts.seed,
    hangMs: opts.hangMs,
    errorBody: (status, code, message) => ({ error: code.toLowerCase(), status, message }),
  });
  const batches: StoredBatch[] = [];
  const byId = new Map<string, StoredBatch>();
  const stats = { duplicates: 0 };

  app.setErrorHandler((e: { statusCode?: number; message: string }, _req, reply) => {
    const status = e.statusCode && e.statusCode < 500 ? e.statusCode : 500;
    return reply
      .code(status)
      .send({ error: status === 400 ? "malformed_request" : "internal_error", message: e.message });
  });

  app.post(`${PREFIX}/ingest/contract-prices`, { preHandler: faults.gate }, async (request, reply) => {
    const invalid = firstError(PriceBatchSchema, request.body);
    if (invalid) return reply.code(400).send({ error: "malformed_request", ...invalid });
    const body = request.body as PriceBatch;
    if (Number.isNaN(Date.parse(body.emitted_at)))
      return reply.code(400).send({ error: "malformed_request", field: "emitted_at", message: "not an ISO timestamp" });
    if (byId.has(body.batch_id)) {
      stats.duplicates++;
      return reply.code(202).send({ accepted: 0, duplicate: true });
    }
    const rejected = faults.rejected([...new Set(body.rows.map((r) => r.item_id))]);
    if (rejected.length > 0) return reply.code(422).send({ error: "unknown_item", items: rejected });
    const stored: StoredBatch = { ...body, receivedAt: new Date().toISOString() };
    batches.push(stored);
    byId.set(body.batch_id, stored);
    return reply.code(202).send({ accepted: body.rows.length });
  });

  app.get(`${PREFIX}/batches`, async () =>
    batches.map((b) => ({
      batch_id: b.batch_id,
      contract_number: b.contract_number,
      contract_version: b.contract_version,
      rows: b.rows.length,
      receivedAt: b.receivedAt,
    })),
  );

  app.get<{ Querystring: { contract_number?: string } }>(`${PREFIX}/contract-prices`, async (request, reply) => {
    const num = request.query.contract_number;
    if (!num)
      return reply.code(400).send({ error: "malformed_request", field: "contract_number", message: "required" });
    // Latest version wins; within a version the most recently received batch wins.
    let latest: StoredBatch | undefined;
    for (const b of batches)
      if (b.contract_number === num && (!latest || b.contract_version >= latest.contract_version)) latest = b;
    if (!latest) return reply.code(404).send({ error: "not_found", contract_number: num });
    return {
      contract_number: num,
      contract_version: latest.contract_version,
      supplier_id: latest.supplier_id,
      batch_id: latest.batch_id,
      rows: latest.rows,
    };
  });

  return Object.assign(app, { sandbox: { batches, stats, faults } });
}
