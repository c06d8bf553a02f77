import { auditChange } from "../../audit/index.js";
import { appendEvent, type EventTarget, partnerScoped } from "../../events/index.js";
import { INVOICE_DECIDED, type InvoiceDecision } from "../../model/events/invoice-decision.js";
import type { Invoice } from "../../model/index.js";
import { paymentDecision } from "../../policy/index.js";
import type { Queryable } from "../../store/index.js";

/** Where an invoice's decision goes: accounts payable, and whoever subscribed to `invoice.decided`. */
export interface WriteBackTargets {
  /** The ERP target that keeps accounts payable; null when none is configured. */
  readonly erpSystem: string | null;
  readonly subscribers: (eventType: string) => readonly EventTarget[];
  /** Trading partners' systems: a partner subscribed to decisions gets those of its own invoices only. */
  readonly partnerSystems?: ReadonlySet<string>;
}

/**
 * Decides an invoice whose exceptions are all resolved, in the caller's transaction: its match
 * becomes approved (or rejected, when a resolution rejected it) and the decision is written back
 * through the outbox as `invoice.decided` (release, short-pay or reject, with the amounts). The
 * caller holds the match row's lock. Returns the new status and whether deliveries were written.
 */
export async function writeBackDecision(
  tx: Queryable,
  to: WriteBackTargets,
  d: { invoiceDocumentId: number; partner: string; decidedBy: string; now: Date; correlationId: string },
): Promise<{ status: "approved" | "rejected"; eventId: number; delivered: boolean }> {
  const [doc] = await tx.query<{ body: Invoice; format: string; inbound_message_id: string | null }>(
    "SELECT body, format, inbound_message_id FROM trade_documents WHERE id = $1",
    [d.invoiceDocumentId],
  );
  const invoice = doc!.body;
  const resolved = await tx.query<{
    id: number;
    rule: string;
    resolution_code: string | null;
    resolution: string | null;
    resolved_by: string | null;
    details: { varianceAmount?: string };
  }>(
    `SELECT id, rule, resolution_code, resolution, resolved_by, details FROM exceptions
     WHERE subject_type = 'trade-document' AND subject_id = $1 AND rule LIKE 'invoice-match.%' AND status = 'resolved'
     ORDER BY id`,
    [String(d.invoiceDocumentId)],
  );
  const resolutions = resolved.map((r) => ({
    exceptionId: Number(r.id),
    rule: r.rule.replace(/^invoice-match\./, ""),
    code: r.resolution_code ?? "accept-variance",
    reason: r.resolution ?? "",
    resolvedBy: r.resolved_by ?? "concord",
    varianceAmount: r.details?.varianceAmount ?? "0.00",
  }));
  const decided = paymentDecision(invoice.total, resolutions);
  const status = decided.decision === "reject" ? "rejected" : "approved";
  await tx.query(
    "UPDATE invoice_matches SET status = $2, decided_at = now(), lease_until = NULL WHERE invoice_document_id = $1",
    [d.invoiceDocumentId, status],
  );
  const payload: InvoiceDecision = {
    invoiceDocumentId: d.invoiceDocumentId,
    invoiceId: invoice.id,
    partner: d.partner,
    purchaseOrderId: invoice.purchaseOrderId ?? invoice.lines.find((l) => l.purchaseOrderId)?.purchaseOrderId ?? null,
    invoiceDate: invoice.invoiceDate,
    currency: invoice.currency,
    total: invoice.total,
    ...decided,
    resolutions,
    decidedBy: d.decidedBy,
    decidedAt: d.now.toISOString(),
    source: { format: doc!.format, messageId: doc!.inbound_message_id },
  };
  const targets = new Map<string, EventTarget>();
  if (to.erpSystem) targets.set(to.erpSystem, { target: to.erpSystem, required: true });
  const subscribed = to.subscribers(INVOICE_DECIDED);
  for (const t of to.partnerSystems ? partnerScoped(subscribed, d.partner, to.partnerSystems) : subscribed) {
    if (!targets.has(t.target)) targets.set(t.target, t);
  }
  const eventId = await appendEvent(
    tx,
    {
      type: INVOICE_DECIDED,
      // An invoice is decided once: approved and rejected are final.
      businessKey: `invoice:${d.invoiceDocumentId}`,
      keyVersion: 1,
      payload,
      correlationId: d.correlationId,
    },
    [...targets.values()],
  );
  await auditChange(tx, {
    actor: d.decidedBy,
    action: `invoice.${status}`,
    subjectType: "trade-document",
    subjectId: String(d.invoiceDocumentId),
    detail: {
      invoiceId: invoice.id,
      decision: decided.decision,
      approvedAmount: decided.approvedAmount,
      disputedAmount: decided.disputedAmount,
      exceptions: resolutions.length,
      eventId,
      correlationId: d.correlationId,
    },
  });
  return { status, eventId, delivered: targets.size > 0 };
}
