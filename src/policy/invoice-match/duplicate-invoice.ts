import { compareDecimal, type Invoice, isDecimal, isIsoDate } from "../../model/index.js";
import type { PriorInvoice } from "./match-input.js";

export interface DuplicateHit {
  readonly prior: PriorInvoice;
  readonly rule: "duplicate.same-number" | "duplicate.same-amount-date";
}

/**
 * Prior invoices this one may duplicate: the same supplier and invoice number, or the same
 * supplier, currency and total with invoice dates at most `windowDays` apart (a resend under a new
 * number). Numbers compare without case, punctuation or leading zeros: "INV-0042" and "inv42" are the
 * same invoice keyed twice, the classic double-payment.
 */
export function findDuplicateInvoices(
  invoice: Invoice,
  supplierId: string,
  documentId: string | undefined,
  history: readonly PriorInvoice[],
  windowDays: number,
): DuplicateHit[] {
  const number = normalizeInvoiceNumber(invoice.id);
  const hits: DuplicateHit[] = [];
  for (const prior of history) {
    if (prior.supplierId !== supplierId) continue;
    if (documentId !== undefined && prior.documentId === documentId) continue;
    if (normalizeInvoiceNumber(prior.invoiceNumber) === number) {
      hits.push({ prior, rule: "duplicate.same-number" });
    } else if (
      prior.currency === invoice.currency &&
      isDecimal(prior.total) &&
      compareDecimal(prior.total, invoice.total) === 0 &&
      daysApart(prior.invoiceDate, invoice.invoiceDate) <= windowDays
    ) {
      hits.push({ prior, rule: "duplicate.same-amount-date" });
    }
  }
  return hits;
}

export function normalizeInvoiceNumber(n: string): string {
  const compact = n.toUpperCase().replace(/[^0-9A-Z]/g, "");
  // Leading zeros of every digit run go: "INV0042" and "INV42" are one number keyed two ways.
  return compact.replace(/(^|[^0-9])0+(?=[0-9])/g, "$1");
}

function daysApart(a: string, b: string): number {
  if (!isIsoDate(a) || !isIsoDate(b)) return Number.POSITIVE_INFINITY;
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}
