import type { Contract, Invoice, InvoiceLine, Item, Receipt, ReceiptLine, Uom } from "../../model/index.js";
import { checkContractPrice } from "./check-contract-price.js";
import { checkQuantity } from "./check-quantity.js";
import { checkUnitPrice } from "./check-unit-price.js";
import { abs, add, cmp, div, type Exact, exact, money, mul, quantity, sub, ZERO } from "./exact-decimal.js";
import { type ExceptionSite, type MatchException, makeException } from "./match-exception.js";
import type { LineStatus, MatchedBy, ReceiptUse } from "./match-result.js";
import type { MatchTolerances } from "./match-tolerances.js";
import type { Pairing } from "./pair-invoice-line.js";
import { unitRatio } from "./unit-ratio.js";

export interface LineFacts {
  readonly invoice: Invoice;
  readonly line: InvoiceLine;
  readonly lineItemId: string | undefined;
  /** The pairing, or why there is none (rule id and sentence). */
  readonly pairing: Pairing | { readonly rule: string; readonly why: string };
  readonly item: Item | undefined;
  readonly twoWay: boolean;
  readonly receipts: readonly { readonly receipt: Receipt; readonly line: ReceiptLine }[];
  /** In the PO line's unit. */
  readonly priorInvoiced: Exact;
  readonly earlierOnInvoice: Exact;
  readonly contracts: readonly Contract[];
  readonly items: ReadonlyMap<string, Item>;
}

export interface LineOutcome {
  readonly lineId: string;
  readonly status: LineStatus;
  readonly purchaseOrderId: string | null;
  readonly purchaseOrderLineId: string | null;
  readonly matchedBy: MatchedBy | null;
  readonly mode: "three-way" | "two-way";
  readonly receipts: readonly ReceiptUse[];
  /** In the PO line's unit; undefined when unmatched or not convertible. */
  readonly invoicedQuantity: Exact | undefined;
  readonly poUnitPrice: Exact | undefined;
  readonly invoicedUnitPrice: Exact | undefined;
  readonly contractUnitPrice: Exact | undefined;
  readonly contractNumber: string | undefined;
  readonly amount: Exact;
  readonly exceptions: readonly MatchException[];
}

/** Runs the legs for one invoice line: unit, contract price, PO price, quantity vs receipts. */
export function matchInvoiceLine(f: LineFacts, t: MatchTolerances): LineOutcome {
  const { invoice, line } = f;
  const invoicedQty = exact(line.quantity);
  const invoicedPrice = exact(line.unitPrice);
  const amount = mul(invoicedQty, invoicedPrice);
  const exceptions: MatchException[] = [];
  const paired = "candidate" in f.pairing ? f.pairing : undefined;
  const po = paired?.candidate.po;
  const poLine = paired?.candidate.line;
  const site: ExceptionSite = {
    invoiceId: invoice.id,
    lineId: line.lineId,
    purchaseOrderId: po?.id ?? line.purchaseOrderId ?? invoice.purchaseOrderId ?? null,
    purchaseOrderLineId: poLine?.lineId ?? line.purchaseOrderLineId ?? null,
    itemId: paired?.candidate.itemId ?? f.lineItemId ?? null,
    clinicalCategory: f.item?.clinicalCategory ?? null,
    twoWay: f.twoWay,
  };
  const statedAmount = checkStatedAmount(site, line, amount, t);
  if (statedAmount) exceptions.push(statedAmount);
  const outcome = (over: Partial<LineOutcome>): LineOutcome => ({
    lineId: line.lineId,
    status: exceptions.length > 0 ? "exception" : "matched",
    purchaseOrderId: po?.id ?? null,
    purchaseOrderLineId: poLine?.lineId ?? null,
    matchedBy: paired?.matchedBy ?? null,
    mode: f.twoWay ? "two-way" : "three-way",
    receipts: [],
    invoicedQuantity: undefined,
    poUnitPrice: undefined,
    invoicedUnitPrice: undefined,
    contractUnitPrice: undefined,
    contractNumber: undefined,
    amount,
    exceptions,
    ...over,
  });

  if (!paired || !po || !poLine) {
    const why = "why" in f.pairing ? f.pairing : { rule: "unmatched.no-po-line", why: "no PO line" };
    exceptions.push(
      makeException(
        site,
        "unmatched-line",
        why.rule,
        { measure: "amount", expected: ZERO, actual: amount, varianceAmount: amount },
        `Invoice ${invoice.id} line ${line.lineId} (${describeItem(line)}, ${money(amount)}) matches no PO line: ${why.why}.`,
      ),
    );
    return outcome({});
  }
  if (po.currency !== invoice.currency) {
    exceptions.push(
      makeException(
        site,
        "price",
        "price.currency-mismatch",
        { measure: "amount", expected: ZERO, actual: amount, comparable: false, varianceAmount: amount },
        `Invoice ${invoice.id} line ${line.lineId} is in ${invoice.currency} but PO ${po.id} is in ${po.currency}; ` +
          "prices in different currencies are not compared.",
      ),
    );
    return outcome({});
  }

  const toPo = unitRatio(f.item, line.uom as Uom, poLine.uom as Uom);
  if (!toPo.ok) {
    exceptions.push(
      makeException(
        site,
        "uom",
        toPo.rule,
        {
          measure: "quantity",
          expected: exact(poLine.quantity),
          actual: invoicedQty,
          comparable: false,
          varianceAmount: amount,
        },
        `Invoice ${invoice.id} line ${line.lineId} bills ${line.quantity} ${line.uom} against PO ${po.id} line ` +
          `${poLine.lineId} ordered in ${poLine.uom}: ${toPo.why}. Units are never converted by guess.`,
      ),
    );
    return outcome({});
  }
  const qty = mul(invoicedQty, toPo.ratio);
  const price = div(invoicedPrice, toPo.ratio);
  const poPrice = exact(poLine.unitPrice);

  const receipts = receiptQuantities(f, poLine.uom as Uom);
  if (receipts.failure) {
    exceptions.push(
      makeException(
        site,
        "uom",
        "uom.receipt-no-factor",
        {
          measure: "quantity",
          expected: exact(poLine.quantity),
          actual: qty,
          comparable: false,
          varianceAmount: amount,
        },
        `Invoice ${invoice.id} line ${line.lineId}: receipt ${receipts.failure.receiptId} accepted PO ${po.id} line ` +
          `${poLine.lineId} in ${receipts.failure.uom}, ordered in ${poLine.uom}: ${receipts.failure.why}.`,
      ),
    );
  }

  const contract = checkContractPrice(
    {
      site,
      po,
      poLine,
      item: f.item,
      itemId: site.itemId ?? undefined,
      facilityId: po.facilityId ?? f.receipts[0]?.receipt.facilityId,
      invoiceCurrency: invoice.currency,
      invoiceDate: invoice.invoiceDate,
      firstReceiptDate: receipts.uses.reduce<string | undefined>(
        (d, r) => (d === undefined || r.receivedOn < d ? r.receivedOn : d),
        undefined,
      ),
      contracts: f.contracts,
      items: f.items,
      invoicedPrice: price,
      quantity: qty,
      amount,
    },
    t,
  );
  if (contract.exception) exceptions.push(contract.exception);
  // One overbill, one exception: above the contract price is the compliance finding, so the PO price leg stays quiet.
  const aboveContract = contract.exception?.rule === "contract.price-above-contract";
  const unitPrice = aboveContract
    ? { withinTolerance: false }
    : checkUnitPrice(
        {
          site,
          poPrice,
          invoicedPrice: price,
          quantity: qty,
          uom: poLine.uom,
          contractItem: contract.contractPrice !== undefined || poLine.contractNumber !== undefined,
        },
        t,
      );
  if (unitPrice.exception) exceptions.push(unitPrice.exception);

  const quantity = receipts.failure
    ? { withinTolerance: false }
    : checkQuantity(
        {
          site,
          twoWay: f.twoWay,
          invoiced: qty,
          ordered: exact(poLine.quantity),
          received: receipts.uses.length > 0 ? receipts.total : undefined,
          priorInvoiced: f.priorInvoiced,
          earlierOnInvoice: f.earlierOnInvoice,
          invoicedPrice: price,
          amount,
          uom: poLine.uom,
        },
        t,
      );
  if (quantity.exception) exceptions.push(quantity.exception);

  const within = contract.withinTolerance || unitPrice.withinTolerance || quantity.withinTolerance;
  return outcome({
    status: exceptions.length > 0 ? "exception" : within ? "matched-within-tolerance" : "matched",
    receipts: receipts.uses,
    invoicedQuantity: qty,
    poUnitPrice: poPrice,
    invoicedUnitPrice: price,
    contractUnitPrice: contract.contractPrice,
    contractNumber: contract.contractNumber ?? poLine.contractNumber,
  });
}

interface ReceiptTotals {
  readonly uses: ReceiptUse[];
  readonly total: Exact;
  readonly failure?: { readonly receiptId: string; readonly uom: string; readonly why: string };
}

/** Cumulative accepted quantity across the PO line's receipts, each converted to the PO line's unit. */
function receiptQuantities(f: LineFacts, poUom: Uom): ReceiptTotals {
  const uses: ReceiptUse[] = [];
  let total = ZERO;
  for (const { receipt, line } of f.receipts) {
    const r = unitRatio(f.item, line.uom as Uom, poUom);
    if (!r.ok) return { uses, total, failure: { receiptId: receipt.id, uom: line.uom, why: r.why } };
    const accepted = mul(exact(line.quantityAccepted), r.ratio);
    total = add(total, accepted);
    uses.push({ receiptId: receipt.id, receivedOn: receipt.receivedOn, quantityAccepted: quantity(accepted) });
  }
  return { uses, total };
}

/** The supplier's stated extension vs quantity × price: 4-decimal prices make a cent of drift normal. */
function checkStatedAmount(
  site: ExceptionSite,
  line: InvoiceLine,
  amount: Exact,
  t: MatchTolerances,
): MatchException | undefined {
  if (line.amount === undefined) return undefined;
  const stated = exact(line.amount);
  if (cmp(abs(sub(stated, amount)), exact(t.lineAmountRounding)) <= 0) return undefined;
  return makeException(
    site,
    "price",
    "price.line-amount",
    { measure: "amount", expected: amount, actual: stated, varianceAmount: sub(stated, amount) },
    `Invoice ${site.invoiceId} line ${site.lineId} states an amount of ${line.amount}, but ${line.quantity} × ` +
      `${line.unitPrice} is ${money(amount)} (more than ${t.lineAmountRounding} apart).`,
  );
}

function describeItem(line: InvoiceLine): string {
  const r = line.item;
  const id = r.itemId ?? r.gtin ?? r.supplierPartNo ?? r.manufacturerPartNo ?? r.ndc ?? r.buyerPartNo ?? r.hibcc;
  return id === undefined ? (r.description ?? "item without identifiers") : `item ${id}`;
}
