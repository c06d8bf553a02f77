import type { FastifyInstance } from "fastify";
import { type FaultInjector, installFaults } from "../faults/index.js";
import { type AppOptions, createApp, headerValue, sequence } from "../shared/app.js";
import { RevisionLedger } from "../shared/ledger.js";
import { firstError } from "../shared/validate.js";
import { procurementExportRoutes } from "./export-routes.js";
import { type ContractCatalogBody, ContractCatalogSchema } from "./schema.js";
import type { ProcurementCatalogItem, ProcurementState } from "./types.js";

const PREFIX = "/procurement/api";

export interface ProcurementServerOptions extends AppOptions {
  state: ProcurementState;
  seed?: number;
  hangMs?: number;
}

export type AppliedResponse = { status: "applied"; revision: number; receiptId: string };

export interface ProcurementHandle {
  readonly state: ProcurementState;
  readonly catalogItems: Map<string, ProcurementCatalogItem>;
  readonly ledger: RevisionLedger<ContractCatalogBody, AppliedResponse>;
  readonly faults: FaultInjector;
}

export type ProcurementServer = FastifyInstance & { sandbox: ProcurementHandle };

const err = (error: string, extra: Record<string, unknown> = {}) => ({ error, ...extra });

export function createProcurementServer(opts: ProcurementServerOptions): ProcurementServer {
  const app = createApp(opts);
  const faults = installFaults(app, {
    prefix: "/procurement",
    seed: opts.seed,
    hangMs: opts.hangMs,
    errorBody: (status, code, message) => err(code.toLowerCase(), { status, message }),
  });
  const catalogItems = new Map(opts.state.catalogItems.map((i) => [i.catalogItemId, i]));
  const suppliers = new Set(opts.state.suppliers.map((s) => s.supplierNumber));
  const shipTos = new Set(opts.state.shipTos.map((s) => s.shipToCode));
  const ledger = new RevisionLedger<ContractCatalogBody, AppliedResponse>();
  const nextReceipt = sequence("PRC-RCPT-");
  for (const doc of opts.state.contractCatalogs) {
    const receiptId = nextReceipt();
    const entry = {
      revision: doc.revision,
      idempotencyKey: `preload-${doc.contractRef}`,
      receipt: receiptId,
      appliedAt: "1970-01-01T00:00:00.000Z",
      doc,
    };
    ledger.apply(doc.contractRef, entry, { status: "applied", revision: doc.revision, receiptId });
  }

  app.setErrorHandler((e: { statusCode?: number; message: string }, _req, reply) => {
    const status = e.statusCode && e.statusCode < 500 ? e.statusCode : 500;
    return reply
      .code(status)
      .send(err(status === 400 ? "malformed_request" : "internal_error", { message: e.message }));
  });

  app.put<{ Params: { contractRef: string } }>(
    `${PREFIX}/contract-catalogs/:contractRef`,
    { preHandler: faults.gate },
    async (request, reply) => {
      const key = headerValue(request.headers["idempotency-key"]);
      if (!key) return reply.code(400).send(err("missing_idempotency_key", { field: "Idempotency-Key" }));
      const replayed = ledger.replay(key);
      if (replayed) return replayed;
      const invalid = firstError(ContractCatalogSchema, request.body);
      if (invalid) return reply.code(400).send(err("malformed_request", { ...invalid }));
      const body = request.body as ContractCatalogBody;
      const ref = request.params.contractRef;
      const semantic = semanticError(body, ref);
      if (semantic) return reply.code(400).send(err("malformed_request", semantic));
      const current = ledger.currentRevision(ref);
      if (body.revision <= current) return reply.code(409).send(err("stale_revision", { currentRevision: current }));
      if (!suppliers.has(body.supplierNumber))
        return reply.code(422).send(err("unknown_supplier", { suppliers: [body.supplierNumber] }));
      const ids = [...new Set(body.lines.map((l) => l.catalogItemId))];
      const unknown = [...new Set([...ids.filter((id) => !catalogItems.has(id)), ...faults.rejected(ids)])];
      if (unknown.length > 0) return reply.code(422).send(err("unknown_item", { items: unknown }));
      const badShipTos = body.eligibleShipTos.map((s) => s.shipToCode).filter((c) => !shipTos.has(c));
      if (badShipTos.length > 0) return reply.code(422).send(err("unknown_ship_to", { shipTos: badShipTos }));
      const receiptId = nextReceipt();
      const response: AppliedResponse = { status: "applied", revision: body.revision, receiptId };
      ledger.apply(
        ref,
        {
          revision: body.revision,
          idempotencyKey: key,
          receipt: receiptId,
          appliedAt: new Date().toISOString(),
          doc: body,
        },
        response,
      );
      return response;
    },
  );

  app.get<{ Params: { contractRef: string } }>(`${PREFIX}/contract-catalogs/:contractRef`, async (request, reply) => {
    const entry = ledger.current.get(request.params.contractRef);
    if (!entry) return reply.code(404).send(err("not_found", { contractRef: request.params.contractRef }));
    return { ...entry.doc, receiptId: entry.receipt, appliedAt: entry.appliedAt };
  });

  app.get<{ Params: { contractRef: string } }>(`${PREFIX}/contract-catalogs/:contractRef/history`, async (request) =>
    (ledger.history.get(request.params.contractRef) ?? []).map((e) => ({
      revision: e.revision,
      idempotencyKey: e.idempotencyKey,
      receiptId: e.receipt,
      appliedAt: e.appliedAt,
    })),
  );

  app.get<{ Params: { id: string } }>(`${PREFIX}/catalog-items/:id`, async (request, reply) => {
    const item = catalogItems.get(request.params.id);
    return item ?? reply.code(404).send(err("not_found", { catalogItemId: request.params.id }));
  });

  // Test control: removing an item makes later catalog pushes that reference it fail with unknown_item.
  app.delete<{ Params: { id: string } }>(`${PREFIX}/catalog-items/:id`, async (request, reply) => {
    if (!catalogItems.delete(request.params.id))
      return reply.code(404).send(err("not_found", { catalogItemId: request.params.id }));
    return reply.code(204).send();
  });

  app.get<{ Params: { id: string } }>(`${PREFIX}/suppliers/:id`, async (request, reply) => {
    const s = opts.state.suppliers.find((x) => x.supplierNumber === request.params.id);
    return s ?? reply.code(404).send(err("not_found", { supplierNumber: request.params.id }));
  });

  procurementExportRoutes(app, PREFIX, { suppliers: opts.state.suppliers, catalogItems, ledger });
  return Object.assign(app, { sandbox: { state: opts.state, catalogItems, ledger, faults } });
}

function semanticError(body: ContractCatalogBody, ref: string): { field: string; message: string } | null {
  if (body.contractRef !== ref)
    return {
      field: "contractRef",
      message: `body contractRef ${body.contractRef} does not match URL ${ref}`,
    };
  if (body.validFrom > body.validTo) return { field: "validTo", message: "validTo is before validFrom" };
  for (const [i, l] of body.lines.entries()) {
    if (l.price.currency !== body.currency)
      return { field: `lines[${i}].price.currency`, message: `expected ${body.currency}` };
    for (const [j, t] of (l.tierPrices ?? []).entries())
      if (t.price.currency !== body.currency)
        return { field: `lines[${i}].tierPrices[${j}].price.currency`, message: `expected ${body.currency}` };
  }
  return null;
}
