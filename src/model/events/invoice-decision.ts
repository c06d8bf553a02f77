/** The outbox event writing an invoice's final decision back to accounts payable (and subscribed suppliers). */
export const INVOICE_DECIDED = "invoice.decided";

/** The outbox event announcing that an open invoice exception went up its escalation chain. */
export const INVOICE_EXCEPTION_ESCALATED = "invoice-exception.escalated";

/** What accounts payable does with a held invoice once its exceptions are resolved. */
export type InvoicePaymentDecision = "release" | "short-pay" | "reject";

/** One resolution behind a decision, as the exception work list recorded it. */
export interface InvoiceDecisionResolution {
  readonly exceptionId: number;
  readonly rule: string;
  readonly code: string;
  readonly reason: string;
  readonly resolvedBy: string;
  /** The money the exception disputed (decimal string), "0.00" when it recorded none. */
  readonly varianceAmount: string;
}

/** The payload of `invoice.decided`: amounts are decimal strings in the invoice's currency. */
export interface InvoiceDecision {
  readonly invoiceDocumentId: number;
  /** The supplier's invoice number. */
  readonly invoiceId: string;
  /** The trading partner that sent the invoice (stands for the supplier). */
  readonly partner: string;
  readonly purchaseOrderId: string | null;
  readonly invoiceDate: string;
  readonly currency: string;
  readonly total: string;
  readonly decision: InvoicePaymentDecision;
  /** What may be paid: the total, the total less short-paid variances, or 0 when rejected. */
  readonly approvedAmount: string;
  /** Short-paid and credit-requested variances together. */
  readonly disputedAmount: string;
  /** The supplier is asked for a credit memo for the credit-requested variances. */
  readonly creditRequested: boolean;
  readonly resolutions: readonly InvoiceDecisionResolution[];
  /** The client that resolved the last exception, or "concord" when a receipt cured it. */
  readonly decidedBy: string;
  readonly decidedAt: string;
  /**
   * How the invoice came: its format as kept (`cxml-InvoiceDetailRequest`, `x12-810 ST …`) and the
   * inbound message id (a cXML payloadID, which a cXML status update refers to).
   */
  readonly source: { readonly format: string; readonly messageId: string | null };
}
