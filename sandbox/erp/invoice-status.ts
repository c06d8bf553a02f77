import { Type } from "@sinclair/typebox";
import type { FastifyInstance, preHandlerHookHandler } from "fastify";
import { headerValue } from "../shared/app.js";
import { firstError } from "../shared/validate.js";

const Money = Type.String({ pattern: "^-?\\d+(\\.\\d{1,4})?$" });

/** The body of `POST /payables/invoices/:invoiceNum/status`: what AP does with a held invoice. */
export const InvoiceStatusSchema = Type.Object({
  INVOICE_NUM: Type.String({ minLength: 1, maxLength: 50 }),
  SUPPLIER_SITE: Type.String({ minLength: 1, maxLength: 80 }),
  PO_NUMBER: Type.Union([Type.String(), Type.Null()]),
  INVOICE_DATE: Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" }),
  INVOICE_CURRENCY_CODE: Type.String({ pattern: "^[A-Z]{3}$" }),
  INVOICE_AMOUNT: Money,
  ACTION: Type.Union([Type.Literal("RELEASE"), Type.Literal("SHORT_PAY"), Type.Literal("REJECT")]),
  APPROVED_AMOUNT: Money,
  DISPUTED_AMOUNT: Money,
  CREDIT_MEMO_REQUESTED: Type.Union([Type.Literal("Y"), Type.Literal("N")]),
  HOLD_RELEASES: Type.Array(
    Type.Object({
      HOLD_REF: Type.String({ minLength: 1 }),
      HOLD_LOOKUP_CODE: Type.String({ pattern: "^[A-Z0-9_]+$" }),
      RELEASE_LOOKUP_CODE: Type.String({ pattern: "^[A-Z0-9_]+$" }),
      RELEASE_REASON: Type.String({ maxLength: 240 }),
      RELEASED_BY: Type.String({ minLength: 1 }),
      AMOUNT: Money,
    }),
  ),
  DECIDED_BY: Type.String({ minLength: 1 }),
  DECISION_DATE: Type.String({ minLength: 10 }),
  SOURCE_REF: Type.String({ minLength: 1 }),
});

export interface InvoiceStatusBody {
  INVOICE_NUM: string;
  SUPPLIER_SITE: string;
  PO_NUMBER: string | null;
  INVOICE_DATE: string;
  INVOICE_CURRENCY_CODE: string;
  INVOICE_AMOUNT: string;
  ACTION: "RELEASE" | "SHORT_PAY" | "REJECT";
  APPROVED_AMOUNT: string;
  DISPUTED_AMOUNT: string;
  CREDIT_MEMO_REQUESTED: "Y" | "N";
  HOLD_RELEASES: {
    HOLD_REF: string;
    HOLD_LOOKUP_CODE: string;
    RELEASE_LOOKUP_CODE: string;
    RELEASE_REASON: string;
    RELEASED_BY: string;
    AMOUNT: string;
  }[];
  DECIDED_BY: string;
  DECISION_DATE: string;
  SOURCE_REF: string;
}

const PAYMENT_STATUS = { RELEASE: "APPROVED", SHORT_PAY: "SHORT_PAID", REJECT: "CANCELLED" } as const;

/** One invoice as accounts payable holds it: the status the last decision set, and every decision applied. */
export interface PayableInvoice {
  readonly invoiceId: number;
  readonly invoiceNum: string;
  paymentStatus: "APPROVED" | "SHORT_PAID" | "CANCELLED";
  readonly decisions: {
    readonly idempotencyKey: string;
    readonly body: InvoiceStatusBody;
    readonly appliedAt: string;
  }[];
}

/** The ERP's accounts payable: invoice statuses written back by Concord. */
export interface PayablesDesk {
  /** By SUPPLIER_SITE + INVOICE_NUM (invoice numbers are unique per supplier only). */
  readonly invoices: ReadonlyMap<string, PayableInvoice>;
  /** Every decision applied, in order: a repeated Idempotency-Key is not applied twice. */
  readonly applied: readonly { readonly key: string; readonly body: InvoiceStatusBody }[];
}

const desks = new WeakMap<FastifyInstance, PayablesDesk>();

/** The accounts-payable desk of an ERP sandbox server. */
export function payablesOf(app: FastifyInstance): PayablesDesk {
  const desk = desks.get(app);
  if (!desk) throw new Error("this ERP server has no payables desk");
  return desk;
}

type ErpError = { CODE: string; MESSAGE: string; [k: string]: unknown };
const errors = (...list: ErpError[]) => ({ STATUS: "ERROR", ERRORS: list });

/**
 * `POST {prefix}/payables/invoices/:invoiceNum/status` records a decision on a held invoice
 * (idempotent by Idempotency-Key: a repeat gets the first answer and changes nothing), and
 * `GET {prefix}/payables/invoices/:invoiceNum?site=` reads it back as AP sees it.
 */
export function installPayablesDesk(app: FastifyInstance, o: { prefix: string; gate: preHandlerHookHandler }): void {
  const invoices = new Map<string, PayableInvoice>();
  const applied: { key: string; body: InvoiceStatusBody }[] = [];
  const answers = new Map<string, unknown>();
  desks.set(app, { invoices, applied });
  app.post<{ Params: { invoiceNum: string } }>(
    `${o.prefix}/payables/invoices/:invoiceNum/status`,
    { preHandler: o.gate },
    async (request, reply) => {
      const key = headerValue(request.headers["idempotency-key"]);
      if (!key)
        return reply
          .code(400)
          .send(errors({ CODE: "MISSING_IDEMPOTENCY_KEY", MESSAGE: "Idempotency-Key header is required" }));
      if (answers.has(key)) return answers.get(key);
      const invalid = firstError(InvoiceStatusSchema, request.body);
      if (invalid)
        return reply
          .code(400)
          .send(errors({ CODE: "INVALID_REQUEST", FIELD: invalid.field, MESSAGE: invalid.message }));
      const body = request.body as InvoiceStatusBody;
      if (body.INVOICE_NUM !== request.params.invoiceNum)
        return reply
          .code(400)
          .send(
            errors({ CODE: "INVALID_REQUEST", FIELD: "INVOICE_NUM", MESSAGE: "INVOICE_NUM differs from the path" }),
          );
      const id = `${body.SUPPLIER_SITE}/${body.INVOICE_NUM}`;
      const current = invoices.get(id);
      if (current && current.paymentStatus === "CANCELLED")
        return reply.code(409).send(errors({ CODE: "INVOICE_CANCELLED", MESSAGE: `invoice ${id} is cancelled` }));
      const invoice: PayableInvoice = current ?? {
        invoiceId: 880_000 + invoices.size + 1,
        invoiceNum: body.INVOICE_NUM,
        paymentStatus: PAYMENT_STATUS[body.ACTION],
        decisions: [],
      };
      invoice.paymentStatus = PAYMENT_STATUS[body.ACTION];
      invoice.decisions.push({ idempotencyKey: key, body, appliedAt: new Date().toISOString() });
      invoices.set(id, invoice);
      applied.push({ key, body });
      const answer = { STATUS: "SUCCESS", INVOICE_ID: invoice.invoiceId, PAYMENT_STATUS: invoice.paymentStatus };
      answers.set(key, answer);
      return answer;
    },
  );
  app.get<{ Params: { invoiceNum: string }; Querystring: { site?: string } }>(
    `${o.prefix}/payables/invoices/:invoiceNum`,
    async (request, reply) => {
      const found = [...invoices.entries()].filter(
        ([id, inv]) =>
          inv.invoiceNum === request.params.invoiceNum &&
          (request.query.site === undefined || id.startsWith(`${request.query.site}/`)),
      );
      if (found.length === 0)
        return reply
          .code(404)
          .send(errors({ CODE: "NOT_FOUND", MESSAGE: `invoice ${request.params.invoiceNum} not found` }));
      return found.map(([id, inv]) => ({
        SUPPLIER_SITE: id.slice(0, id.indexOf("/")),
        INVOICE_NUM: inv.invoiceNum,
        INVOICE_ID: inv.invoiceId,
        PAYMENT_STATUS: inv.paymentStatus,
        DECISIONS: inv.decisions.map((d) => ({ ...d.body, APPLIED_AT: d.appliedAt })),
      }));
    },
  );
}
