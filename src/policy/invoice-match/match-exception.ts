import type { Item } from "../../model/index.js";
import { cmp, type Exact, format, isZero, money, mul, ofInt, sub, div as xdiv } from "./exact-decimal.js";

export const EXCEPTION_TYPES = [
  "price",
  "quantity",
  "uom",
  "missing-receipt",
  "off-contract",
  "duplicate-invoice",
  "unmatched-line",
  "unsupported-document",
] as const;
export type ExceptionType = (typeof EXCEPTION_TYPES)[number];

/** What `expected` and `actual` measure: a unit price (in the PO line's unit), a quantity, or an amount of money. */
export type Measure = "unit-price" | "quantity" | "amount";

/**
 * One reason an invoice cannot be paid as is. Figures are decimal strings, never floats.
 * `variance` = actual − expected in the measure's units (null when the two are not comparable, as
 * in a unit mismatch); `variancePercent` = variance ÷ expected × 100 to 2 decimals (null when
 * expected is zero); `varianceAmount` = the money the exception disputes (see docs/invoice-match.md).
 */
export interface MatchException {
  readonly kind: "match-exception";
  readonly type: ExceptionType;
  /** Stable rule id ("price.over-tolerance") for counting, suppressing and documentation. */
  readonly rule: string;
  readonly invoiceId: string;
  /** The invoice line; null for invoice-level exceptions (duplicate, total). */
  readonly lineId: string | null;
  readonly purchaseOrderId: string | null;
  readonly purchaseOrderLineId: string | null;
  readonly itemId: string | null;
  /** The item's clinical category when known: routing sends clinical items to clinical urgency. */
  readonly clinicalCategory: Item["clinicalCategory"] | null;
  /** True when the line was matched two-way (bill-only or a two-way category). */
  readonly twoWay: boolean;
  readonly measure: Measure;
  readonly expected: string;
  readonly actual: string;
  readonly variance: string | null;
  readonly variancePercent: string | null;
  readonly varianceAmount: string;
  /** What, where and why, for the person who works the queue. */
  readonly message: string;
}

/** Where an exception sits: shared by every exception of one line. */
export interface ExceptionSite {
  readonly invoiceId: string;
  readonly lineId: string | null;
  readonly purchaseOrderId: string | null;
  readonly purchaseOrderLineId: string | null;
  readonly itemId: string | null;
  readonly clinicalCategory: Item["clinicalCategory"] | null;
  readonly twoWay: boolean;
}

export interface ExceptionFigures {
  readonly measure: Measure;
  readonly expected: Exact;
  readonly actual: Exact;
  /** False when expected and actual are in different units (uom exceptions). */
  readonly comparable?: boolean;
  readonly varianceAmount: Exact;
}

/** Builds an exception, formatting the figures once (4 decimals for prices and quantities, 2 for money). */
export function makeException(
  site: ExceptionSite,
  type: ExceptionType,
  rule: string,
  f: ExceptionFigures,
  message: string,
): MatchException {
  const comparable = f.comparable ?? true;
  const variance = sub(f.actual, f.expected);
  const dp = f.measure === "amount" ? 2 : 4;
  const minFraction = f.measure === "quantity" ? 0 : 2;
  return {
    kind: "match-exception",
    type,
    rule,
    ...site,
    measure: f.measure,
    expected: format(f.expected, dp, minFraction),
    actual: format(f.actual, dp, minFraction),
    variance: comparable ? format(variance, dp, minFraction) : null,
    variancePercent: comparable ? percentOrNull(variance, f.expected) : null,
    varianceAmount: money(f.varianceAmount),
    message,
  };
}

function percentOrNull(variance: Exact, expected: Exact): string | null {
  if (isZero(expected)) return null;
  return format(mul(xdiv(variance, expected), ofInt(100)), 2);
}

/** "2.01%" for messages; "n/a" when the base is zero. */
export function percentText(variance: Exact, expected: Exact): string {
  const p = percentOrNull(variance, expected);
  return p === null ? "n/a" : `${cmp(variance, ofInt(0)) > 0 ? "+" : ""}${p}%`;
}
