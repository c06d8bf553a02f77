import type { LegOutcome } from "./check-unit-price.js";
import { add, cmp, type Exact, exact, isZero, max, mul, percentOf, quantity, sub, ZERO } from "./exact-decimal.js";
import { type ExceptionSite, makeException } from "./match-exception.js";
import type { MatchTolerances } from "./match-tolerances.js";

export interface QuantityFacts {
  readonly site: ExceptionSite;
  readonly twoWay: boolean;
  /** All quantities in the PO line's unit. */
  readonly invoiced: Exact;
  readonly ordered: Exact;
  /** Σ accepted over the PO line's receipts; undefined = no receipt at all. */
  readonly received: Exact | undefined;
  /** Already billed by earlier invoices (history) and by earlier lines of this invoice. */
  readonly priorInvoiced: Exact;
  readonly earlierOnInvoice: Exact;
  readonly invoicedPrice: Exact;
  readonly amount: Exact;
  readonly uom: string;
}

/**
 * Invoiced quantity vs what is still open to bill: accepted receipts (three-way; accepted, not
 * merely received, per DOMAIN.md §5.1) or the ordered quantity (two-way bill-only lines, which are
 * used in a procedure before any dock sees them), minus what was already billed.
 */
export function checkQuantity(f: QuantityFacts, t: MatchTolerances): LegOutcome {
  const { site } = f;
  const where = `invoice ${site.invoiceId} line ${site.lineId} (PO ${site.purchaseOrderId} line ${site.purchaseOrderLineId}, item ${site.itemId ?? "(unresolved)"})`;
  if (!f.twoWay && f.received === undefined) {
    if (isZero(f.invoiced)) return { withinTolerance: false };
    return {
      withinTolerance: false,
      exception: makeException(
        site,
        "missing-receipt",
        "receipt.none",
        { measure: "quantity", expected: ZERO, actual: f.invoiced, varianceAmount: f.amount },
        `No receipt is recorded for ${where}, which bills ${quantity(f.invoiced)} ${f.uom}: a three-way match ` +
          "needs the dock to accept the goods before they are paid.",
      ),
    };
  }
  const base = f.twoWay ? f.ordered : (f.received ?? ZERO);
  const open = max(sub(sub(base, f.priorInvoiced), f.earlierOnInvoice), ZERO);
  const allowed = add(open, percentOf(exact(t.quantityOverPercent), open));
  if (cmp(f.invoiced, allowed) <= 0) return { withinTolerance: cmp(f.invoiced, open) > 0 };
  const excess = sub(f.invoiced, open);
  const billed = add(f.priorInvoiced, f.earlierOnInvoice);
  const against = f.twoWay ? `ordered ${quantity(f.ordered)}` : `accepted ${quantity(base)} on receipts`;
  return {
    withinTolerance: false,
    exception: makeException(
      site,
      "quantity",
      f.twoWay ? "quantity.over-ordered" : "quantity.over-received",
      { measure: "quantity", expected: open, actual: f.invoiced, varianceAmount: mul(excess, f.invoicedPrice) },
      `${capitalize(where)} bills ${quantity(f.invoiced)} ${f.uom} but only ${quantity(open)} is open to bill ` +
        `(${against}, ${quantity(billed)} already invoiced; ${t.quantityOverPercent}% over allowed).`,
    ),
  };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
