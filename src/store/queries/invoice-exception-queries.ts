import type { Queryable } from "../store.js";

/** The match's exception types (src/policy/invoice-match), as the work list filters them. */
export const INVOICE_EXCEPTION_TYPES = [
  "price",
  "quantity",
  "uom",
  "missing-receipt",
  "off-contract",
  "duplicate-invoice",
  "unmatched-line",
  "unsupported-document",
] as const;
export type InvoiceExceptionType = (typeof INVOICE_EXCEPTION_TYPES)[number];

export interface InvoiceExceptionFilter {
  readonly type?: InvoiceExceptionType | undefined;
  readonly urgency?: string | undefined;
  /** The queue that owns it (pricing-analyst, receiving, accounts-payable...). */
  readonly owner?: string | undefined;
  readonly status?: "open" | "resolved" | undefined;
  /** Raised at least this many hours ago. */
  readonly olderThanHours?: number | undefined;
  /** Open and past its SLA due time (true), or not (false). */
  readonly overdue?: boolean | undefined;
  /** Escalation level: 0 with its first owner, 1 after one escalation... */
  readonly level?: number | undefined;
  /** Business time aging is measured against (the hub's clock); default the store's now(). */
  readonly now?: Date | undefined;
  /** Keyset: only exceptions with a greater id. */
  readonly afterId?: number | undefined;
  readonly limit: number;
}

export interface InvoiceException {
  readonly id: number;
  readonly type: string;
  /** The broken rule without the workflow prefix, e.g. price.over-tolerance. */
  readonly rule: string;
  readonly urgency: string;
  readonly owner: string | null;
  readonly status: "open" | "resolved";
  readonly message: string;
  readonly invoice: {
    /** trade_documents.id of the invoice (the subject of the exception). */
    readonly documentRowId: number;
    readonly invoiceId: string | null;
    readonly partner: string | null;
  };
  readonly lineId: string | null;
  readonly purchaseOrderId: string | null;
  readonly purchaseOrderLineId: string | null;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly correlationId: string | null;
  readonly createdAt: string;
  readonly aging: {
    /** Whole hours from raised to resolved, or to now while open. */
    readonly hoursOpen: number;
    readonly slaHours: number | null;
    readonly dueAt: string | null;
    /** Open past its due time (a resolved exception is never overdue). */
    readonly overdue: boolean;
    readonly hoursOverdue: number;
    /** How many times it went up its escalation chain; 0 while with its first owner. */
    readonly escalationLevel: number;
    readonly escalatedAt: string | null;
  };
  readonly resolution: {
    readonly code: string | null;
    readonly reason: string | null;
    readonly resolvedBy: string | null;
    readonly resolvedAt: string;
  } | null;
}

const PREFIX = "invoice-match.";

const COLUMNS = `x.id, x.rule, x.urgency, x.system, x.message, x.details, x.correlation_id, x.status, x.created_at,
  x.resolved_at, x.resolution, x.resolution_code, x.resolved_by, s.owner AS sla_owner, s.level AS sla_level,
  s.raised_at AS sla_raised_at, s.due_at AS sla_due_at, s.escalated_at AS sla_escalated_at`;

// Exceptions raised before SLAs existed (0013) have none: their routing details stand in.
const FROM = "exceptions x LEFT JOIN invoice_exception_slas s ON s.exception_id = x.id";
const DUE_AT = "COALESCE(s.due_at, (x.details ->> 'dueAt')::timestamptz)";

type Row = {
  id: number;
  rule: string;
  urgency: string;
  system: string | null;
  message: string;
  details: MatchExceptionDetails;
  correlation_id: string | null;
  status: "open" | "resolved";
  created_at: Date;
  resolved_at: Date | null;
  resolution: string | null;
  resolution_code: string | null;
  resolved_by: string | null;
  sla_owner: string | null;
  sla_level: number | null;
  sla_raised_at: Date | null;
  sla_due_at: Date | null;
  sla_escalated_at: Date | null;
  subject_id: string;
};

/** What the match workflow writes into an exception's details (run-invoice-matches.ts). */
interface MatchExceptionDetails {
  readonly type?: string;
  readonly invoiceId?: string | null;
  readonly lineId?: string | null;
  readonly purchaseOrderId?: string | null;
  readonly purchaseOrderLineId?: string | null;
  readonly expected?: unknown;
  readonly actual?: unknown;
  readonly queue?: string | null;
  readonly slaHours?: number;
  readonly dueAt?: string;
}

const HOUR = 3_600_000;

function view(r: Row, now: Date): InvoiceException {
  const d = r.details ?? {};
  const dueAt = r.sla_due_at ? new Date(r.sla_due_at).toISOString() : typeof d.dueAt === "string" ? d.dueAt : null;
  // Aging in business time, from when the match raised it (the clock the due time was set by).
  const raised = r.sla_raised_at ? new Date(r.sla_raised_at) : r.created_at;
  const end = r.resolved_at ?? now;
  const overdue = r.status === "open" && dueAt !== null && now.getTime() > Date.parse(dueAt);
  return {
    id: r.id,
    type: String(d.type ?? r.rule.slice(PREFIX.length).split(".")[0]),
    rule: r.rule.slice(PREFIX.length),
    urgency: r.urgency,
    owner: r.sla_owner ?? d.queue ?? null,
    status: r.status,
    message: r.message,
    invoice: { documentRowId: Number(r.subject_id), invoiceId: d.invoiceId ?? null, partner: r.system },
    lineId: d.lineId ?? null,
    purchaseOrderId: d.purchaseOrderId ?? null,
    purchaseOrderLineId: d.purchaseOrderLineId ?? null,
    expected: d.expected ?? null,
    actual: d.actual ?? null,
    correlationId: r.correlation_id,
    createdAt: r.created_at.toISOString(),
    aging: {
      hoursOpen: Math.max(0, Math.floor((end.getTime() - raised.getTime()) / HOUR)),
      slaHours: typeof d.slaHours === "number" ? d.slaHours : null,
      dueAt,
      overdue,
      hoursOverdue: overdue ? Math.floor((now.getTime() - Date.parse(dueAt!)) / HOUR) : 0,
      escalationLevel: r.sla_level ?? 0,
      escalatedAt: r.sla_escalated_at ? new Date(r.sla_escalated_at).toISOString() : null,
    },
    resolution: r.resolved_at
      ? {
          code: r.resolution_code,
          reason: r.resolution,
          resolvedBy: r.resolved_by,
          resolvedAt: r.resolved_at.toISOString(),
        }
      : null,
  };
}

/** The invoice match's exceptions, oldest first (the work list), with their aging. */
export async function listInvoiceExceptions(q: Queryable, f: InvoiceExceptionFilter): Promise<InvoiceException[]> {
  const now = f.now ?? (await storeNow(q));
  const rows = await q.query<Row>(
    `SELECT ${COLUMNS}, x.subject_id FROM ${FROM}
     WHERE x.rule LIKE 'invoice-match.%' AND x.subject_type = 'trade-document'
       AND ($1::text IS NULL OR x.details ->> 'type' = $1) AND ($2::text IS NULL OR x.urgency = $2)
       AND ($3::text IS NULL OR COALESCE(s.owner, x.details ->> 'queue') = $3) AND ($4::text IS NULL OR x.status = $4)
       AND ($5::float8 IS NULL OR COALESCE(s.raised_at, x.created_at) <= $9::timestamptz - make_interval(secs => $5::float8 * 3600))
       AND ($6::boolean IS NULL OR $6 = (x.status = 'open' AND ${DUE_AT} < $9::timestamptz))
       AND ($7::bigint IS NULL OR x.id > $7)
       AND ($10::int IS NULL OR COALESCE(s.level, 0) = $10)
     ORDER BY x.id LIMIT $8`,
    [
      f.type ?? null,
      f.urgency ?? null,
      f.owner ?? null,
      f.status ?? null,
      f.olderThanHours ?? null,
      f.overdue ?? null,
      f.afterId ?? null,
      f.limit,
      now.toISOString(),
      f.level ?? null,
    ],
  );
  return rows.map((r) => view(r, now));
}

async function storeNow(q: Queryable): Promise<Date> {
  const [row] = await q.query<{ now: Date }>("SELECT now() AS now");
  return new Date(row!.now);
}

/**
 * One invoice exception; undefined when there is none with this id or it is not the match's.
 * `forUpdate` locks the row for the caller's transaction (resolving it).
 */
export async function invoiceExceptionById(
  q: Queryable,
  id: number,
  opts: { forUpdate?: boolean; now?: Date } = {},
): Promise<InvoiceException | undefined> {
  const [row] = await q.query<Row>(
    `SELECT ${COLUMNS}, x.subject_id FROM ${FROM}
     WHERE x.id = $1 AND x.rule LIKE 'invoice-match.%' AND x.subject_type = 'trade-document'
     ${opts.forUpdate ? "FOR UPDATE OF x" : ""}`,
    [id],
  );
  return row ? view(row, opts.now ?? (await storeNow(q))) : undefined;
}

/** Marks an exception resolved with who, how and why; the caller holds its row lock. */
export async function markExceptionResolved(
  tx: Queryable,
  id: number,
  r: { code: string; reason: string; resolvedBy: string },
): Promise<void> {
  await tx.query(
    `UPDATE exceptions SET status = 'resolved', resolved_at = now(), resolution = $2, resolution_code = $3,
       resolved_by = $4
     WHERE id = $1`,
    [id, r.reason, r.code, r.resolvedBy],
  );
}
