import type { InvoiceDecision } from "../../model/events/invoice-decision.js";

const ACTIONS = { release: "RELEASE", "short-pay": "SHORT_PAY", reject: "REJECT" } as const;

/** `price.over-tolerance` → `PRICE_OVER_TOLERANCE`: the ERP's hold and release lookup codes. */
const lookupCode = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]+/g, "_");

/**
 * An invoice's decision in the ERP's accounts-payable form: the action on the held invoice
 * (release, short-pay or reject), the amounts, and one release line per hold (an exception), with
 * its reason. SOURCE_REF names the decision in Concord; the ERP keeps it with the status.
 */
export function erpInvoiceStatusBody(d: InvoiceDecision): Record<string, unknown> {
  return {
    INVOICE_NUM: d.invoiceId,
    SUPPLIER_SITE: d.partner,
    PO_NUMBER: d.purchaseOrderId,
    INVOICE_DATE: d.invoiceDate,
    INVOICE_CURRENCY_CODE: d.currency,
    INVOICE_AMOUNT: d.total,
    ACTION: ACTIONS[d.decision],
    APPROVED_AMOUNT: d.approvedAmount,
    DISPUTED_AMOUNT: d.disputedAmount,
    CREDIT_MEMO_REQUESTED: d.creditRequested ? "Y" : "N",
    HOLD_RELEASES: d.resolutions.map((r) => ({
      HOLD_REF: String(r.exceptionId),
      HOLD_LOOKUP_CODE: lookupCode(r.rule),
      RELEASE_LOOKUP_CODE: lookupCode(r.code),
      RELEASE_REASON: r.reason.slice(0, 240),
      RELEASED_BY: r.resolvedBy,
      AMOUNT: r.varianceAmount,
    })),
    DECIDED_BY: d.decidedBy,
    DECISION_DATE: d.decidedAt,
    SOURCE_REF: `concord:invoice:${d.invoiceDocumentId}`,
  };
}

/** The ERP's path for an invoice's status (the supplier's invoice number, escaped). */
export const erpInvoiceStatusPath = (d: InvoiceDecision) =>
  `/payables/invoices/${encodeURIComponent(d.invoiceId)}/status`;
