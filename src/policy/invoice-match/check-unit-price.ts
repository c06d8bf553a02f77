import { abs, cmp, type Exact, exact, format, isZero, money, mul, percentOf, sub, ZERO } from "./exact-decimal.js";
import { type ExceptionSite, type MatchException, makeException, percentText } from "./match-exception.js";
import type { MatchTolerances } from "./match-tolerances.js";

export interface LegOutcome {
  readonly exception?: MatchException;
  /** A variance was found and accepted by a tolerance. */
  readonly withinTolerance: boolean;
}

export interface UnitPriceFacts {
  readonly site: ExceptionSite;
  /** Both per PO line unit. */
  readonly poPrice: Exact;
  readonly invoicedPrice: Exact;
  /** Invoiced quantity in the PO line unit: the cap applies to the line's money, not its unit price. */
  readonly quantity: Exact;
  readonly uom: string;
  /** Contract items get the contract over-tolerance (0% by default) instead of the ±% band. */
  readonly contractItem: boolean;
}

/**
 * Invoice unit price vs PO unit price. Both limits must hold: the percentage of the unit price and
 * the money cap on the line (2% of a $5 000 line is $100, but the cap stops at $50). Exactly at
 * either limit passes.
 */
export function checkUnitPrice(f: UnitPriceFacts, t: MatchTolerances): LegOutcome {
  const unitVariance = sub(f.invoicedPrice, f.poPrice);
  if (isZero(unitVariance)) return { withinTolerance: false };
  const over = cmp(unitVariance, ZERO) > 0;
  const percent = over ? (f.contractItem ? t.contractPriceOverPercent : t.priceOverPercent) : t.priceUnderPercent;
  const lineVariance = mul(unitVariance, f.quantity);
  const percentOk = cmp(abs(unitVariance), percentOf(exact(percent), f.poPrice)) <= 0;
  const capOk = cmp(abs(lineVariance), exact(t.priceCapPerLine)) <= 0;
  if (percentOk && capOk) return { withinTolerance: true };
  const { site } = f;
  const why = !percentOk
    ? `beyond the ${over ? "" : "-"}${percent}% ${over && f.contractItem ? "contract-item " : ""}tolerance`
    : `within ${percent}% but the line variance ${money(lineVariance)} exceeds the ${t.priceCapPerLine} cap`;
  return {
    withinTolerance: false,
    exception: makeException(
      site,
      "price",
      over ? "price.over-tolerance" : "price.under-tolerance",
      { measure: "unit-price", expected: f.poPrice, actual: f.invoicedPrice, varianceAmount: lineVariance },
      `Invoice ${site.invoiceId} line ${site.lineId} bills ${format(f.invoicedPrice)} per ${f.uom} for item ` +
        `${site.itemId ?? "(unresolved)"}, ${percentText(unitVariance, f.poPrice)} against PO ${site.purchaseOrderId} ` +
        `line ${site.purchaseOrderLineId} at ${format(f.poPrice)}: ${why} (line variance ${money(lineVariance)}).`,
    ),
  };
}
