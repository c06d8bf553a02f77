import type { InvoicePaymentDecision } from "../../model/events/invoice-decision.js";
import { add, cmp, exact, money, sub, ZERO } from "./exact-decimal.js";

/** How each resolution code of an invoice exception bears on paying the invoice. */
export const RESOLUTION_EFFECTS = {
  /** Pay as invoiced: the variance is accepted. */
  "approve-as-invoiced": "release",
  "accept-variance": "release",
  /** The supplier sent a corrected invoice, or the receipt turned up: nothing left to dispute. */
  "corrected-invoice": "release",
  "receipt-recorded": "release",
  /** Pay the invoice less the disputed variance. */
  "short-pay": "short-pay",
  /** Pay as invoiced and ask the supplier for a credit memo for the variance. */
  "credit-requested": "credit",
  /** Refuse the invoice: nothing is paid. */
  rejected: "reject",
} as const;
export type InvoiceResolutionCode = keyof typeof RESOLUTION_EFFECTS;
export const INVOICE_RESOLUTION_CODES = Object.keys(RESOLUTION_EFFECTS) as InvoiceResolutionCode[];

/**
 * The decision on a held invoice from the resolutions of all its exceptions: one rejection rejects
 * it; else short-paid variances come off the total; credit requests are paid and disputed apart.
 *
 * @example paymentDecision("100.00", [{ code: "short-pay", varianceAmount: "12.50" }]) // short-pay, 87.50
 */
export function paymentDecision(
  total: string,
  resolutions: readonly { readonly code: string; readonly varianceAmount: string }[],
): { decision: InvoicePaymentDecision; approvedAmount: string; disputedAmount: string; creditRequested: boolean } {
  const effects = resolutions.map((r) => ({
    effect: RESOLUTION_EFFECTS[r.code as InvoiceResolutionCode] ?? "release",
    amount: exact(r.varianceAmount),
  }));
  const sum = (effect: string) => effects.filter((e) => e.effect === effect).reduce((a, e) => add(a, e.amount), ZERO);
  const shortPaid = sum("short-pay");
  const credited = sum("credit");
  const creditRequested = effects.some((e) => e.effect === "credit");
  if (effects.some((e) => e.effect === "reject")) {
    return { decision: "reject", approvedAmount: "0.00", disputedAmount: money(exact(total)), creditRequested };
  }
  const approved = sub(exact(total), shortPaid);
  return {
    decision: effects.some((e) => e.effect === "short-pay") ? "short-pay" : "release",
    // A variance larger than the invoice never makes a negative payment.
    approvedAmount: money(cmp(approved, ZERO) < 0 ? ZERO : approved),
    disputedAmount: money(add(shortPaid, credited)),
    creditRequested,
  };
}
