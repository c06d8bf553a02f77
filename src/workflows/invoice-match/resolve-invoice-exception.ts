import { auditChange } from "../../audit/index.js";
import { Errors } from "../../errors/index.js";
import { appendEvent, type EventTarget } from "../../events/index.js";
import type { Store } from "../../store/index.js";
import {
  type InvoiceException,
  invoiceExceptionById,
  markExceptionResolved,
} from "../../store/queries/invoice-exception-queries.js";

/** The outbox event a resolution writes: targets subscribe to it by type (their `events` config). */
export const INVOICE_EXCEPTION_RESOLVED_EVENT = "invoice.exception.resolved";

export const INVOICE_RESOLUTION_CODES = [
  "accept-variance",
  "corrected-invoice",
  "receipt-recorded",
  "rejected",
] as const;
export type InvoiceResolutionCode = (typeof INVOICE_RESOLUTION_CODES)[number];

export interface ResolveInvoiceExceptionDeps {
  readonly store: Store;
  /** Targets subscribed to an event type. */
  readonly subscribers: (eventType: string) => readonly EventTarget[];
  /** Called after a commit that wrote deliveries. */
  readonly onOutboxWrite: () => void;
}

export interface InvoiceExceptionResolution {
  readonly exceptionId: number;
  readonly code: InvoiceResolutionCode;
  readonly reason: string;
  /** The authenticated client that resolved it. */
  readonly resolvedBy: string;
  /** Used when the exception carries no correlation id of its own. */
  readonly correlationId: string;
}

/**
 * Resolves one invoice exception in one transaction: the resolution (who, code, reason), an
 * `invoice.exception.resolved` outbox event for the systems that act on it (accounts payable, the
 * supplier's portal) and an audit record. The row is locked first, so of two concurrent resolutions
 * one wins and the other is refused as already resolved.
 *
 * @example await resolveInvoiceException(deps, { exceptionId: 7, code: "accept-variance", reason: "…", resolvedBy: "ap-desk", correlationId })
 */
export async function resolveInvoiceException(
  deps: ResolveInvoiceExceptionDeps,
  r: InvoiceExceptionResolution,
): Promise<{ exception: InvoiceException; eventId: number }> {
  const targets = deps.subscribers(INVOICE_EXCEPTION_RESOLVED_EVENT);
  const result = await deps.store.transaction(async (tx) => {
    const open = await invoiceExceptionById(tx, r.exceptionId, { forUpdate: true });
    if (!open) throw Errors.NotFound(`no invoice exception ${r.exceptionId}`, { id: r.exceptionId });
    if (open.status === "resolved") {
      const by = open.resolution!;
      throw Errors.ExceptionResolved(
        `invoice exception ${r.exceptionId} was already resolved by ${by.resolvedBy ?? "an earlier process"} at ${by.resolvedAt} (${by.code ?? "no code"})`,
        { id: r.exceptionId, resolution: by },
      );
    }
    await markExceptionResolved(tx, r.exceptionId, { code: r.code, reason: r.reason, resolvedBy: r.resolvedBy });
    const exception = (await invoiceExceptionById(tx, r.exceptionId))!;
    const correlationId = exception.correlationId ?? r.correlationId;
    const eventId = await appendEvent(
      tx,
      {
        type: INVOICE_EXCEPTION_RESOLVED_EVENT,
        businessKey: `invoice-exception:${exception.id}`,
        // An exception is resolved once, so its key has one version.
        keyVersion: 1,
        payload: {
          exceptionId: exception.id,
          type: exception.type,
          rule: exception.rule,
          invoice: exception.invoice,
          lineId: exception.lineId,
          purchaseOrderId: exception.purchaseOrderId,
          purchaseOrderLineId: exception.purchaseOrderLineId,
          resolution: exception.resolution,
        },
        correlationId,
      },
      targets,
    );
    await auditChange(tx, {
      actor: r.resolvedBy,
      action: "invoice.exception.resolved",
      subjectType: "exception",
      subjectId: String(exception.id),
      detail: {
        correlationId,
        code: r.code,
        reason: r.reason,
        rule: exception.rule,
        invoiceDocumentId: exception.invoice.documentRowId,
        eventId,
      },
    });
    return { exception, eventId };
  });
  if (targets.length > 0) deps.onOutboxWrite();
  return result;
}
