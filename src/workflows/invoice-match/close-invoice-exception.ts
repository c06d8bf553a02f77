import type { Queryable } from "../../store/index.js";
import { markExceptionResolved } from "../../store/queries/invoice-exception-queries.js";
import { cancelTimer } from "../timers/index.js";
import { INVOICE_EXCEPTION_WORKFLOW, slaTimerKey } from "./invoice-exception-deps.js";

/** Marks an open invoice exception resolved and cancels its SLA timer; the caller holds its row lock. */
export async function closeInvoiceException(
  tx: Queryable,
  exceptionId: number,
  r: { code: string; reason: string; resolvedBy: string },
): Promise<void> {
  await markExceptionResolved(tx, exceptionId, r);
  const [sla] = await tx.query<{ level: number }>(
    "SELECT level FROM invoice_exception_slas WHERE exception_id = $1 FOR UPDATE",
    [exceptionId],
  );
  if (sla) await cancelTimer(tx, INVOICE_EXCEPTION_WORKFLOW, slaTimerKey(exceptionId, sla.level));
}

/** The open match exceptions of an invoice, locked, oldest first. */
export async function openInvoiceExceptions(
  tx: Queryable,
  invoiceDocumentId: number,
): Promise<{ id: number; rule: string; lineId: string | null }[]> {
  const rows = await tx.query<{ id: number; rule: string; details: { lineId?: string | null } }>(
    `SELECT id, rule, details FROM exceptions
     WHERE subject_type = 'trade-document' AND subject_id = $1 AND rule LIKE 'invoice-match.%' AND status = 'open'
     ORDER BY id FOR UPDATE`,
    [String(invoiceDocumentId)],
  );
  return rows.map((r) => ({ id: Number(r.id), rule: r.rule, lineId: r.details?.lineId ?? null }));
}
