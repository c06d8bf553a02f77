import type { Payment } from "../schemas/payment.js";

/** The outbox event telling a supplier what a payment settles (an X12 820 to an EDI partner). */
export const PAYMENT_REMITTED = "payment.remitted";

/** The payload of `payment.remitted`: the payment with the remittances of one partner's invoices. */
export interface PaymentRemitted {
  /** The payment as the ERP sent it, its remittances narrowed to this partner's invoices. */
  readonly payment: Payment;
  /** The trading partner whose invoices it pays (stands for the supplier). */
  readonly partner: string;
  /** The kept payment document (trade_documents.id). */
  readonly paymentDocumentId: number;
}
