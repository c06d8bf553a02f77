import type { FastifyInstance } from "fastify";
import { type FaultInjector, installFaults } from "../faults/index.js";
import { type AppOptions, createApp, headerValue } from "../shared/app.js";
import { RevisionLedger } from "../shared/ledger.js";
import { firstError } from "../shared/validate.js";
import { erpExportRoutes } from "./export-routes.js";
import { installPayablesDesk } from "./invoice-status.js";
import { installPurchaseOrderDesk } from "./purchase-orders.js";
import { type BlanketAgreementBody, BlanketAgreementSchema } from "./schema.js";
import type { ErpItem, ErpState } from "./types.js";
import { installVendorDesk } from "./vendors.js";

const PREFIX = "/erp/api";

export interface ErpServerOptions extends AppOptions {
  state: ErpState;
  seed?: number;
  hangMs?: number;
}

export type ErpSuccess = { STATUS: "SUCCESS"; DOCUMENT_ID: number; REVISION_NUM: number };

export interface ErpHandle {
  readonly state: ErpState;
  readonly items: Map<string, ErpItem>;
  readonly ledger: RevisionLedger<BlanketAgreementBody, ErpSuccess>;
  readonly faults: FaultInjector;
}

export type ErpServer = FastifyInstance & { sandbox: ErpHandle };

type ErpError = { CODE: string; MESSAGE: string; [k: string]: unknown };
const errors = (...list: ErpError[]) => ({ STATUS: "ERROR", ERRORS: list });

export function createErpServer(opts: ErpServerOptions): ErpServer {
  const app = createApp(opts);
  const faults = installFaults(app, {
    prefix: "/erp",
    seed: opts.seed,
    hangMs: opts.hangMs,
    errorBody: (_status, code, message) => errors({ CODE: code, MESSAGE: message }),
  });
  const items = new Map(opts.state.items.map((i) => [i.ITEM_NUMBER, i]));
  const vendors = new Map(opts.state.vendors.map((v) => [v.VENDOR_NUM, v]));
  const orgs = new Set(opts.state.orgs.map((o) => o.ORG_CODE));
  installVendorDesk(app, { prefix: PREFIX, vendors, gate: faults.gate });
  installPayablesDesk(app, { prefix: PREFIX, gate: faults.gate });
  installPurchaseOrderDesk(app, { prefix: PREFIX, gate: faults.gate });
  const ledger = new RevisionLedger<BlanketAgreementBody, ErpSuccess>();
  // DOCUMENT_ID is the ERP's surrogate key: assigned once per agreement, stable across revisions.
  const documentIds = new Map<string, number>();
  const documentId = (num: string) => {
    if (!documentIds.has(num)) documentIds.set(num, 12_340 + documentIds.size + 1);
    return documentIds.get(num)!;
  };
  for (const doc of opts.state.blanketAgreements) {
    const id = documentId(doc.AGREEMENT_NUM);
    const entry = {
      revision: doc.REVISION_NUM,
      idempotencyKey: `preload-${doc.AGREEMENT_NUM}`,
      receipt: String(id),
      appliedAt: "1970-01-01T00:00:00.000Z",
      doc,
    };
    ledger.apply(doc.AGREEMENT_NUM, entry, {
      STATUS: "SUCCESS",
      DOCUMENT_ID: id,
      REVISION_NUM: doc.REVISION_NUM,
    });
  }

  app.setErrorHandler((e: { statusCode?: number; message: string }, _req, reply) => {
    const status = e.statusCode && e.statusCode < 500 ? e.statusCode : 500;
    return reply
      .code(status)
      .send(errors({ CODE: status === 400 ? "INVALID_REQUEST" : "INTERNAL_ERROR", MESSAGE: e.message }));
  });

  app.post(`${PREFIX}/purchasing/blanket-agreements`, { preHandler: faults.gate }, async (request, reply) => {
    const key = headerValue(request.headers["idempotency-key"]);
    if (!key)
      return reply
        .code(400)
        .send(errors({ CODE: "MISSING_IDEMPOTENCY_KEY", MESSAGE: "Idempotency-Key header is required" }));
    const replayed = ledger.replay(key);
    if (replayed) return replayed;
    const invalid = firstError(BlanketAgreementSchema, request.body);
    if (invalid)
      return reply.code(400).send(errors({ CODE: "INVALID_REQUEST", FIELD: invalid.field, MESSAGE: invalid.message }));
    const body = request.body as BlanketAgreementBody;
    const semantic = semanticError(body);
    if (semantic) return reply.code(400).send(errors({ CODE: "INVALID_REQUEST", ...semantic }));
    const num = body.AGREEMENT_NUM;
    const current = ledger.currentRevision(num);
    if (body.REVISION_NUM <= current)
      return reply.code(409).send(
        errors({
          CODE: "STALE_REVISION",
          MESSAGE: `revision ${body.REVISION_NUM} is not newer than applied revision ${current}`,
          CURRENT_REVISION_NUM: current,
        }),
      );
    if (!vendors.has(body.VENDOR_NUM))
      return reply.code(422).send(
        errors({
          CODE: "INVALID_VENDOR",
          VENDOR_NUM: body.VENDOR_NUM,
          MESSAGE: `vendor ${body.VENDOR_NUM} does not exist`,
        }),
      );
    const nums = [...new Set(body.LINES.map((l) => l.ITEM_NUMBER))];
    const bad = [...new Set([...nums.filter((n) => !items.has(n)), ...faults.rejected(nums)])];
    if (bad.length > 0)
      return reply.code(422).send(
        errors(
          ...bad.map((n) => ({
            CODE: "INVALID_ITEM",
            ITEM_NUMBER: n,
            MESSAGE: `item ${n} is not defined in the item master`,
          })),
        ),
      );
    const badOrgs = body.ORG_ASSIGNMENTS.map((o) => o.ORG_CODE).filter((o) => !orgs.has(o));
    if (badOrgs.length > 0)
      return reply.code(422).send(
        errors(
          ...badOrgs.map((o) => ({
            CODE: "INVALID_ORG",
            ORG_CODE: o,
            MESSAGE: `organization ${o} does not exist`,
          })),
        ),
      );
    const id = documentId(num);
    const response: ErpSuccess = { STATUS: "SUCCESS", DOCUMENT_ID: id, REVISION_NUM: body.REVISION_NUM };
    ledger.apply(
      num,
      {
        revision: body.REVISION_NUM,
        idempotencyKey: key,
        receipt: String(id),
        appliedAt: new Date().toISOString(),
        doc: body,
      },
      response,
    );
    return response;
  });

  app.get<{ Params: { num: string } }>(`${PREFIX}/purchasing/blanket-agreements/:num`, async (request, reply) => {
    const entry = ledger.current.get(request.params.num);
    if (!entry)
      return reply.code(404).send(errors({ CODE: "NOT_FOUND", MESSAGE: `agreement ${request.params.num} not found` }));
    return { ...entry.doc, DOCUMENT_ID: Number(entry.receipt), LAST_UPDATE_DATE: entry.appliedAt };
  });

  app.get<{ Params: { num: string } }>(`${PREFIX}/purchasing/blanket-agreements/:num/history`, async (request) =>
    (ledger.history.get(request.params.num) ?? []).map((e) => ({
      REVISION_NUM: e.revision,
      IDEMPOTENCY_KEY: e.idempotencyKey,
      DOCUMENT_ID: Number(e.receipt),
      APPLIED_AT: e.appliedAt,
    })),
  );

  app.get<{ Params: { vendorNum: string } }>(`${PREFIX}/vendors/:vendorNum`, async (request, reply) => {
    const v = vendors.get(request.params.vendorNum);
    return (
      v ?? reply.code(404).send(errors({ CODE: "NOT_FOUND", MESSAGE: `vendor ${request.params.vendorNum} not found` }))
    );
  });

  app.get<{ Params: { itemNumber: string } }>(`${PREFIX}/items/:itemNumber`, async (request, reply) => {
    const i = items.get(request.params.itemNumber);
    return (
      i ?? reply.code(404).send(errors({ CODE: "NOT_FOUND", MESSAGE: `item ${request.params.itemNumber} not found` }))
    );
  });

  erpExportRoutes(app, PREFIX, { vendors, items, ledger });
  return Object.assign(app, { sandbox: { state: opts.state, items, ledger, faults } });
}

function semanticError(body: BlanketAgreementBody): { FIELD: string; MESSAGE: string } | null {
  if (body.START_DATE > body.END_DATE) return { FIELD: "END_DATE", MESSAGE: "END_DATE is before START_DATE" };
  const seen = new Set<number>();
  for (const [i, l] of body.LINES.entries()) {
    if (seen.has(l.LINE_NUM)) return { FIELD: `LINES[${i}].LINE_NUM`, MESSAGE: `duplicate LINE_NUM ${l.LINE_NUM}` };
    seen.add(l.LINE_NUM);
  }
  return null;
}
