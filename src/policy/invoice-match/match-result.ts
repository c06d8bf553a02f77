import type { RoutedException } from "./exception-routing.js";

export type LineStatus = "matched" | "matched-within-tolerance" | "exception";
export type MatchedBy = "item-id" | "item-identifier" | "po-line-id" | "line-number";

export interface ReceiptUse {
  readonly receiptId: string;
  readonly receivedOn: string;
  /** Accepted quantity on this receipt, in the PO line's unit. */
  readonly quantityAccepted: string;
}

export interface LineMatch {
  readonly lineId: string;
  readonly status: LineStatus;
  readonly purchaseOrderId: string | null;
  readonly purchaseOrderLineId: string | null;
  readonly matchedBy: MatchedBy | null;
  readonly mode: "three-way" | "two-way";
  readonly receipts: readonly ReceiptUse[];
  /** Invoiced quantity in the PO line's unit; null when unmatched or not convertible. Record it as history. */
  readonly invoicedQuantity: string | null;
  /** PO unit price, invoice unit price and contract price, all per PO line unit (null when unknown). */
  readonly poUnitPrice: string | null;
  readonly invoicedUnitPrice: string | null;
  readonly contractUnitPrice: string | null;
  readonly contractNumber: string | null;
  /** Quantity × unit price as invoiced, recomputed to 2 decimals. */
  readonly amount: string;
  readonly exceptions: readonly RoutedException[];
}

export interface InvoiceTotals {
  /** Σ recomputed line amounts. */
  readonly lines: string;
  /** Σ line-level tax. */
  readonly lineTax: string;
  /** Σ header charges (allowances and discounts negative). */
  readonly charges: string;
  readonly total: string;
  /** The total the supplier stated, and stated − recomputed. */
  readonly stated: string;
  readonly difference: string;
}

export interface InvoiceMatchResult {
  readonly invoiceId: string;
  readonly supplierId: string;
  readonly verdict: "approve-for-payment" | "hold";
  readonly lines: readonly LineMatch[];
  readonly totals: InvoiceTotals;
  /** Every exception, line-level in line order, then invoice-level. */
  readonly exceptions: readonly RoutedException[];
}
