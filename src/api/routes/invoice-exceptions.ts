import { randomUUID } from "node:crypto";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { Errors } from "../../errors/index.js";
import { DEFAULT_EXCEPTION_ESCALATION } from "../../policy/index.js";
import {
  INVOICE_EXCEPTION_TYPES,
  type InvoiceExceptionType,
  listInvoiceExceptions,
} from "../../store/queries/invoice-exception-queries.js";
import type { InvoiceExceptionDeps } from "../../workflows/invoice-match/invoice-exception-deps.js";
import {
  INVOICE_RESOLUTION_CODES,
  type InvoiceResolutionCode,
  resolveInvoiceException,
} from "../../workflows/invoice-match/resolve-invoice-exception.js";
import { systemClock } from "../../workflows/timers/index.js";
import type { ApiDeps } from "../api-deps.js";
import { decodePageCursor, pageOf } from "../page-cursor.js";
import { PageParams } from "./list-params.js";

// "duplicate" is what people call it; the match names the type duplicate-invoice.
const TYPE_NAMES = [...INVOICE_EXCEPTION_TYPES, "duplicate"] as const;

const InvoiceExceptionQuery = Type.Object(
  {
    type: Type.Optional(Type.Union(TYPE_NAMES.map((t) => Type.Literal(t)))),
    urgency: Type.Optional(
      Type.Union([Type.Literal("financial"), Type.Literal("compliance"), Type.Literal("clinical")]),
    ),
    owner: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: "The owning queue" })),
    status: Type.Optional(Type.Union([Type.Literal("open"), Type.Literal("resolved")])),
    olderThanHours: Type.Optional(
      Type.Number({ minimum: 0, maximum: 87_600, description: "Raised at least this many hours ago" }),
    ),
    overdue: Type.Optional(Type.Boolean({ description: "Open past its SLA due time" })),
    level: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 100, description: "Escalation level (0: still with its first owner)" }),
    ),
    ...PageParams,
  },
  { additionalProperties: false },
);
type InvoiceExceptionQuery = {
  type?: InvoiceExceptionType | "duplicate";
  urgency?: string;
  owner?: string;
  status?: "open" | "resolved";
  olderThanHours?: number;
  overdue?: boolean;
  level?: number;
  limit?: number;
  cursor?: string;
};

const REASON_MIN = 10;
const ResolveBody = Type.Object(
  {
    resolution: Type.Union(
      INVOICE_RESOLUTION_CODES.map((c) => Type.Literal(c)),
      { description: "How it was resolved" },
    ),
    reason: Type.String({ minLength: REASON_MIN, maxLength: 2000, description: "Why, in words a person can audit" }),
  },
  { additionalProperties: false },
);
type ResolveBody = { resolution: InvoiceResolutionCode; reason: string };

/** The hub's invoice exception deps; a bare app (tests of other routes) gets defaults and no write-back. */
function exceptionDeps(deps: ApiDeps): InvoiceExceptionDeps {
  return (
    deps.invoiceExceptions ?? {
      store: deps.store,
      clock: systemClock,
      escalation: DEFAULT_EXCEPTION_ESCALATION,
      erpSystem: null,
      subscribers: deps.partners.x12.subscribers,
      onOutboxWrite: deps.onOutboxWrite,
    }
  );
}

/** The invoice match's exceptions as a work list, and their resolution. */
export async function invoiceExceptionRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get<{ Querystring: InvoiceExceptionQuery }>(
    "/v1/invoice-exceptions",
    {
      schema: { querystring: InvoiceExceptionQuery, summary: "Invoice exceptions, oldest first, with their aging" },
      config: { scope: "invoices:read" },
    },
    async (request) => {
      const { cursor, limit = 100, type, ...filter } = request.query;
      const rows = await listInvoiceExceptions(deps.store, {
        ...filter,
        now: exceptionDeps(deps).clock.now(),
        type: type === "duplicate" ? "duplicate-invoice" : type,
        afterId: cursor === undefined ? undefined : decodePageCursor(cursor, "number"),
        limit: limit + 1,
      });
      return pageOf(rows, limit, (r) => r.id);
    },
  );

  app.post<{ Params: { id: number }; Body: ResolveBody }>(
    "/v1/invoice-exceptions/:id/resolve",
    {
      schema: {
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        body: ResolveBody,
        summary: "Resolve an invoice exception (recorded with the caller, an audit record and an outbox event)",
      },
      config: { scope: "invoices:write" },
    },
    async (request) => {
      const reason = request.body.reason.trim();
      // Ten spaces pass minLength; a reason must say something.
      if (reason.length < REASON_MIN) {
        throw Errors.InputSchema(`body is invalid: /reason needs at least ${REASON_MIN} characters besides spaces`, {
          issues: [{ path: "/reason", message: `needs at least ${REASON_MIN} characters besides spaces` }],
        });
      }
      const header = request.headers["x-correlation-id"];
      // The caller's id only when well formed (it ends up in the outbox and the audit log).
      const callerCorrelation = typeof header === "string" && /^[\w.:-]{1,100}$/.test(header) ? header : undefined;
      const { exception, eventId, invoice } = await resolveInvoiceException(exceptionDeps(deps), {
        exceptionId: request.params.id,
        code: request.body.resolution,
        reason,
        resolvedBy: request.principal!.clientId,
        correlationId: callerCorrelation ?? randomUUID(),
      });
      return { ...exception, eventId, ...(invoice ? { invoice } : {}) };
    },
  );
}
