import type { Contract, Item, PurchaseOrder, PurchaseOrderLine, Uom } from "../../model/index.js";
import { type PriceAnswer, resolveEffectivePrice } from "../effective-price.js";
import type { LegOutcome } from "./check-unit-price.js";
import { add, cmp, type Exact, exact, format, mul, percentOf, sub } from "./exact-decimal.js";
import { type ExceptionSite, makeException, percentText } from "./match-exception.js";
import type { MatchTolerances } from "./match-tolerances.js";
import { unitRatio } from "./unit-ratio.js";

export interface ContractFacts {
  readonly site: ExceptionSite;
  readonly po: PurchaseOrder;
  readonly poLine: PurchaseOrderLine;
  readonly item: Item | undefined;
  readonly itemId: string | undefined;
  readonly facilityId: string | undefined;
  readonly invoiceCurrency: string;
  readonly invoiceDate: string;
  readonly firstReceiptDate: string | undefined;
  /** Contracts that price this item (pre-filtered by the caller for speed). */
  readonly contracts: readonly Contract[];
  readonly items: ReadonlyMap<string, Item>;
  readonly invoicedPrice: Exact;
  readonly quantity: Exact;
  /** The line's invoiced amount: what an off-contract line disputes when there is no price to compare. */
  readonly amount: Exact;
}

export interface ContractOutcome extends LegOutcome {
  /** The contract price per PO line unit, when the item had one for the facility on the pricing date. */
  readonly contractPrice: Exact | undefined;
  readonly contractNumber: string | undefined;
}

/**
 * The fourth leg: invoice price vs the contract price the facility was entitled to on the pricing
 * date. Off-contract when the invoice is above that price (beyond contractPriceOverPercent), or when
 * the PO was priced on a contract that no longer prices the item for the facility on that date.
 */
export function checkContractPrice(f: ContractFacts, t: MatchTolerances): ContractOutcome {
  const found = lookUp(f);
  const { site } = f;
  if (found.kind === "none") {
    if (f.poLine.contractNumber === undefined) return none();
    return {
      ...none(),
      exception: makeException(
        site,
        "off-contract",
        "contract.no-active-price",
        {
          measure: "unit-price",
          expected: exact(f.poLine.unitPrice),
          actual: f.invoicedPrice,
          varianceAmount: f.amount,
        },
        `Invoice ${site.invoiceId} line ${site.lineId}: PO ${site.purchaseOrderId} line ${site.purchaseOrderLineId} ` +
          `was priced on contract ${f.poLine.contractNumber}, but item ${site.itemId ?? "(unresolved)"} has no ` +
          `active contract price ${found.why}.`,
      ),
    };
  }
  if (found.kind === "uom") {
    return {
      ...none(),
      exception: makeException(
        site,
        "uom",
        "uom.contract-no-factor",
        {
          measure: "unit-price",
          expected: exact(found.answer.unitPrice),
          actual: f.invoicedPrice,
          comparable: false,
          varianceAmount: f.amount,
        },
        `Invoice ${site.invoiceId} line ${site.lineId}: contract ${found.answer.contractNumber} prices item ` +
          `${site.itemId} per ${found.answer.uom} but the PO line is in ${f.poLine.uom}: ${found.why}.`,
      ),
    };
  }
  const { price, answer } = found;
  const allowed = add(price, percentOf(exact(t.contractPriceOverPercent), price));
  const base = { contractPrice: price, contractNumber: answer.contractNumber };
  if (cmp(f.invoicedPrice, allowed) <= 0) {
    return { ...base, withinTolerance: cmp(f.invoicedPrice, price) > 0 };
  }
  const variance = sub(f.invoicedPrice, price);
  return {
    ...base,
    withinTolerance: false,
    exception: makeException(
      site,
      "off-contract",
      "contract.price-above-contract",
      { measure: "unit-price", expected: price, actual: f.invoicedPrice, varianceAmount: mul(variance, f.quantity) },
      `Invoice ${site.invoiceId} line ${site.lineId} bills item ${site.itemId} at ${fmt(f.invoicedPrice)} per ` +
        `${f.poLine.uom}, ${percentText(variance, price)} above contract ${answer.contractNumber} ` +
        `(${fmt(price)} for facility ${answer.facilityId} on ${answer.on}); allowed ${t.contractPriceOverPercent}% over.`,
    ),
  };
}

type Found =
  | { readonly kind: "none"; readonly why: string }
  | { readonly kind: "uom"; readonly answer: PriceAnswer; readonly why: string }
  | { readonly kind: "price"; readonly answer: PriceAnswer; readonly price: Exact };

function lookUp(f: ContractFacts): Found {
  if (f.itemId === undefined) return { kind: "none", why: "(the item is not resolved to the item master)" };
  if (f.facilityId === undefined) return { kind: "none", why: "(the PO names no facility)" };
  const on = pricingDate(f);
  let answer: PriceAnswer | undefined;
  try {
    answer = resolveEffectivePrice(f.contracts, { itemId: f.itemId, facilityId: f.facilityId, on }, f.items);
  } catch (e) {
    // An unparseable date or prices in two currencies: no price we can trust, which is itself the finding.
    return { kind: "none", why: `(${e instanceof Error ? e.message : String(e)})` };
  }
  if (!answer) return { kind: "none", why: `for facility ${f.facilityId} on ${on}` };
  if (answer.currency !== f.invoiceCurrency) {
    return {
      kind: "none",
      why: `in ${f.invoiceCurrency} (contract ${answer.contractNumber} is in ${answer.currency})`,
    };
  }
  // Contract price per its unit → per PO line unit: price × (PO units per contract unit)⁻¹.
  const r = unitRatio(f.item, f.poLine.uom as Uom, answer.uom);
  if (!r.ok) return { kind: "uom", answer, why: r.why };
  return { kind: "price", answer, price: mul(exact(answer.unitPrice), r.ratio) };
}

/** The contract's own pricing-date basis (DOMAIN.md §5.2); receipts stand in for the ship date. */
function pricingDate(f: ContractFacts): string {
  const named = f.poLine.contractNumber;
  const basis =
    (named !== undefined ? f.contracts.find((c) => c.number === named)?.pricingDateBasis : undefined) ??
    f.contracts[0]?.pricingDateBasis ??
    "order-date";
  if (basis === "invoice-date") return f.invoiceDate;
  if (basis === "ship-date") return f.firstReceiptDate ?? f.invoiceDate;
  return f.po.orderDate;
}

function none(): ContractOutcome {
  return { withinTolerance: false, contractPrice: undefined, contractNumber: undefined };
}

function fmt(x: Exact): string {
  return format(x, 4);
}
