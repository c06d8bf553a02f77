import { Errors } from "../../errors/index.js";
import { type Contract, type Invoice, type Item, isDecimal, type PurchaseOrder } from "../../model/index.js";
import { findDuplicateInvoices } from "./duplicate-invoice.js";
import {
  abs,
  add,
  cmp,
  type Exact,
  exact,
  format,
  min,
  money,
  mul,
  percentOf,
  quantity,
  sub,
  ZERO,
} from "./exact-decimal.js";
import {
  DEFAULT_EXCEPTION_ROUTING,
  type ExceptionRouting,
  type RoutedException,
  routeException,
} from "./exception-routing.js";
import { type ExceptionSite, type MatchException, makeException } from "./match-exception.js";
import type { MatchInput, PriorInvoice } from "./match-input.js";
import { type LineFacts, type LineOutcome, matchInvoiceLine } from "./match-invoice-line.js";
import type { InvoiceMatchResult, InvoiceTotals, LineMatch } from "./match-result.js";
import { DEFAULT_MATCH_TOLERANCES, type MatchTolerances } from "./match-tolerances.js";
import { type PoLineCandidate, pairInvoiceLine } from "./pair-invoice-line.js";

export interface MatchOptions {
  readonly tolerances?: MatchTolerances;
  readonly routing?: ExceptionRouting;
}

const key = (po: string, line: string) => `${po}\u0000${line}`;

/**
 * Three-way match (invoice, PO, receipts) with the contract price as the fourth leg; two-way for
 * bill-only lines and two-way categories (implants). Pure: it reads only its input and the clock in
 * it, and returns the per-line verdicts, recomputed totals and routed exceptions.
 * @example matchInvoice({ invoice, supplierId, purchaseOrders, receipts, items, contracts, history: [], now }).verdict
 */
export function matchInvoice(input: MatchInput, options: MatchOptions = {}): InvoiceMatchResult {
  const t = options.tolerances ?? DEFAULT_MATCH_TOLERANCES;
  const routing = options.routing ?? DEFAULT_EXCEPTION_ROUTING;
  const { invoice } = input;
  checkHistory(input.history);
  const items =
    input.items instanceof Map ? input.items : new Map((input.items as readonly Item[]).map((i) => [i.id, i]));
  const byGtin = gtinIndex(items);
  const pos = new Map(input.purchaseOrders.map((po) => [po.id, po]));
  const receiptsByLine = indexReceipts(input);
  const prior = priorInvoiced(input);
  const contractsByItem = indexContracts(input.contracts);
  const billOnly = new Set((input.billOnlyLines ?? []).map((r) => key(r.purchaseOrderId, r.lineId)));

  const lineOutcomes: LineOutcome[] = [];
  const invoiceLevel: MatchException[] = [];
  const site: ExceptionSite = {
    invoiceId: invoice.id,
    lineId: null,
    purchaseOrderId: invoice.purchaseOrderId ?? null,
    purchaseOrderLineId: null,
    itemId: null,
    clinicalCategory: null,
    twoWay: false,
  };

  if (invoice.purpose !== "original") {
    // Credit and debit memos reverse or adjust earlier billing; matching them as new billing would
    // consume receipts twice, so they go to AP whole.
    invoiceLevel.push(
      makeException(
        site,
        "unsupported-document",
        "document.memo",
        { measure: "amount", expected: ZERO, actual: exact(invoice.total), varianceAmount: exact(invoice.total) },
        `Invoice ${invoice.id} is a ${invoice.purpose}: memos are reviewed by accounts payable, not matched automatically.`,
      ),
    );
  } else {
    const earlier = new Map<string, Exact>();
    const candidatesOf = candidateLists(invoice, pos, byGtin);
    for (const line of invoice.lines) {
      const lineItemId = resolveItemId(line.item, byGtin);
      const found = candidatesOf(line.purchaseOrderId ?? invoice.purchaseOrderId);
      const open = (c: PoLineCandidate) => {
        const k = key(c.po.id, c.line.lineId);
        const used = add(prior.get(k) ?? ZERO, earlier.get(k) ?? ZERO);
        return cmp(exact(c.line.quantity), used) > 0;
      };
      const pairing =
        "why" in found
          ? found
          : (pairInvoiceLine(line, lineItemId, found.candidates, open) ?? {
              rule: "unmatched.no-po-line",
              why: `no line of ${found.label} carries the same item, and no line with the same identity-free number`,
            });
      const paired = "candidate" in pairing ? pairing.candidate : undefined;
      const k = paired ? key(paired.po.id, paired.line.lineId) : "";
      const item = items.get(paired?.itemId ?? lineItemId ?? "");
      const facts: LineFacts = {
        invoice,
        line,
        lineItemId,
        pairing,
        item,
        twoWay:
          paired !== undefined &&
          (billOnly.has(k) || (item !== undefined && t.twoWayCategories.includes(item.clinicalCategory))),
        receipts: receiptsByLine.get(k) ?? [],
        priorInvoiced: prior.get(k) ?? ZERO,
        earlierOnInvoice: earlier.get(k) ?? ZERO,
        contracts: contractsByItem.get(paired?.itemId ?? lineItemId ?? "") ?? [],
        items,
      };
      const outcome = matchInvoiceLine(facts, t);
      if (paired && outcome.invoicedQuantity) earlier.set(k, add(earlier.get(k) ?? ZERO, outcome.invoicedQuantity));
      lineOutcomes.push(outcome);
    }
  }

  for (const hit of findDuplicateInvoices(
    invoice,
    input.supplierId,
    input.documentId,
    input.history,
    t.duplicateWindowDays,
  )) {
    invoiceLevel.push(duplicateException(site, invoice, hit.prior, hit.rule));
  }
  const totals = computeTotals(invoice);
  const totalException = checkTotal(site, invoice, totals, t);
  if (totalException) invoiceLevel.push(totalException);

  const route = (e: MatchException) => routeException(e, routing, input.now);
  const lines: LineMatch[] = lineOutcomes.map((o) => toLineMatch(o, route));
  const memoLines = invoice.purpose === "original" ? [] : invoice.lines.map(memoLine);
  const allLines = [...lines, ...memoLines];
  const exceptions: RoutedException[] = [...lines.flatMap((l) => l.exceptions), ...invoiceLevel.map(route)];
  return {
    invoiceId: invoice.id,
    supplierId: input.supplierId,
    verdict: exceptions.length === 0 ? "approve-for-payment" : "hold",
    lines: allLines,
    totals: {
      lines: money(totals.lines),
      lineTax: money(totals.lineTax),
      charges: money(totals.charges),
      total: money(totals.total),
      stated: money(totals.stated),
      difference: money(sub(totals.stated, totals.total)),
    } satisfies InvoiceTotals,
    exceptions,
  };
}

/** Candidate PO lines for an invoice line: the PO it names, or every PO given when it names none. */
function candidateLists(
  invoice: Invoice,
  pos: ReadonlyMap<string, PurchaseOrder>,
  byGtin: ReadonlyMap<string, string>,
) {
  const cache = new Map<string, { candidates: PoLineCandidate[]; label: string } | { rule: string; why: string }>();
  const linesOf = (po: PurchaseOrder): PoLineCandidate[] =>
    po.lines.map((line) => ({ po, line, itemId: resolveItemId(line.item, byGtin) }));
  return (poId: string | undefined) => {
    const cacheKey = poId ?? "\u0000all";
    const hit = cache.get(cacheKey);
    if (hit) return hit;
    let value: { candidates: PoLineCandidate[]; label: string } | { rule: string; why: string };
    if (poId === undefined) {
      const open = [...pos.values()].filter((po) => po.purpose !== "cancel");
      value =
        open.length === 0
          ? { rule: "unmatched.no-po-reference", why: `invoice ${invoice.id} names no PO and none was supplied` }
          : { candidates: open.flatMap(linesOf), label: "the supplied POs" };
    } else {
      const po = pos.get(poId);
      value = !po
        ? { rule: "unmatched.po-not-found", why: `PO ${poId} is not known` }
        : po.purpose === "cancel"
          ? { rule: "unmatched.po-cancelled", why: `PO ${poId} was cancelled` }
          : { candidates: linesOf(po), label: `PO ${poId}` };
    }
    cache.set(cacheKey, value);
    return value;
  };
}

function resolveItemId(ref: { readonly itemId?: string; readonly gtin?: string }, byGtin: ReadonlyMap<string, string>) {
  return ref.itemId ?? (ref.gtin !== undefined ? byGtin.get(ref.gtin) : undefined);
}

/** Every GTIN of every packaging level names its item: a case GTIN on the invoice is still the item. */
function gtinIndex(items: ReadonlyMap<string, Item>): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of items.values()) {
    if (item.gtin) out.set(item.gtin, item.id);
    for (const level of item.packaging) if (level.gtin) out.set(level.gtin, item.id);
  }
  return out;
}

function indexReceipts(input: MatchInput): Map<string, LineFacts["receipts"][number][]> {
  const out = new Map<string, LineFacts["receipts"][number][]>();
  for (const receipt of input.receipts) {
    for (const line of receipt.lines) {
      const k = key(receipt.purchaseOrderId, line.purchaseOrderLineId);
      const list = out.get(k) ?? [];
      list.push({ receipt, line });
      out.set(k, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => (a.receipt.receivedOn < b.receipt.receivedOn ? -1 : 1));
  return out;
}

function priorInvoiced(input: MatchInput): Map<string, Exact> {
  const out = new Map<string, Exact>();
  for (const p of input.history) {
    if (input.documentId !== undefined && p.documentId === input.documentId) continue;
    for (const l of p.lines) {
      const k = key(l.purchaseOrderId, l.purchaseOrderLineId);
      out.set(k, add(out.get(k) ?? ZERO, exact(l.quantity)));
    }
  }
  return out;
}

/** resolveEffectivePrice scans every price line it is given; handing it only the item's contracts keeps a match linear. */
function indexContracts(contracts: readonly Contract[]): Map<string, Contract[]> {
  const out = new Map<string, Contract[]>();
  for (const c of contracts) {
    for (const itemId of new Set(c.priceLines.map((l) => l.itemId))) {
      const list = out.get(itemId) ?? [];
      list.push(c);
      out.set(itemId, list);
    }
  }
  return out;
}

/** History is the caller's own record, not a validated document: a bad quantity must not silently count as zero. */
function checkHistory(history: readonly PriorInvoice[]): void {
  history.forEach((p, i) => {
    const bad = !isDecimal(p.total) ? "total" : p.lines.findIndex((l) => !isDecimal(l.quantity));
    if (bad === -1) return;
    const path = bad === "total" ? `/history/${i}/total` : `/history/${i}/lines/${bad}/quantity`;
    throw Errors.InputSchema(`invoice match history has a malformed decimal at ${path}`, { path });
  });
}

function duplicateException(site: ExceptionSite, invoice: Invoice, prior: PriorInvoice, rule: string): MatchException {
  const why =
    rule === "duplicate.same-number"
      ? `the supplier already sent invoice ${prior.invoiceNumber} dated ${prior.invoiceDate}`
      : `the supplier already sent invoice ${prior.invoiceNumber} for the same ${invoice.currency} ${prior.total} dated ${prior.invoiceDate}`;
  return makeException(
    site,
    "duplicate-invoice",
    rule,
    {
      measure: "amount",
      expected: exact(prior.total),
      actual: exact(invoice.total),
      varianceAmount: exact(invoice.total),
    },
    `Invoice ${invoice.id} dated ${invoice.invoiceDate} may be a duplicate: ${why}.`,
  );
}

interface Totals {
  readonly lines: Exact;
  readonly lineTax: Exact;
  readonly charges: Exact;
  readonly total: Exact;
  readonly stated: Exact;
}

/** Lines are summed at their rounded 2-decimal extensions, as the supplier's own total is. */
function computeTotals(invoice: Invoice): Totals {
  const lines = invoice.lines.reduce((s, l) => add(s, exact(money(mul(exact(l.quantity), exact(l.unitPrice))))), ZERO);
  const lineTax = invoice.lines.reduce((s, l) => (l.tax === undefined ? s : add(s, exact(l.tax))), ZERO);
  const charges = invoice.charges.reduce((s, c) => add(s, exact(c.amount)), ZERO);
  return { lines, lineTax, charges, total: add(add(lines, lineTax), charges), stated: exact(invoice.total) };
}

/** Header total: the smaller of the amount and the percentage (DOMAIN.md §5.1: ±$1 or 0.5%). */
function checkTotal(
  site: ExceptionSite,
  invoice: Invoice,
  totals: Totals,
  t: MatchTolerances,
): MatchException | undefined {
  const diff = sub(totals.stated, totals.total);
  const allowed = min(exact(t.invoiceTotalAmount), percentOf(exact(t.invoiceTotalPercent), abs(totals.total)));
  if (cmp(abs(diff), allowed) <= 0) return undefined;
  return makeException(
    site,
    "price",
    "price.invoice-total",
    { measure: "amount", expected: totals.total, actual: totals.stated, varianceAmount: diff },
    `Invoice ${invoice.id} states a total of ${invoice.total}, but its lines, tax and charges add up to ` +
      `${money(totals.total)} (${money(diff)} apart; allowed ${format(allowed, 2)}).`,
  );
}

function toLineMatch(o: LineOutcome, route: (e: MatchException) => RoutedException): LineMatch {
  const opt = (x: Exact | undefined) => (x === undefined ? null : format(x));
  return {
    lineId: o.lineId,
    status: o.status,
    purchaseOrderId: o.purchaseOrderId,
    purchaseOrderLineId: o.purchaseOrderLineId,
    matchedBy: o.matchedBy,
    mode: o.mode,
    receipts: o.receipts,
    invoicedQuantity: o.invoicedQuantity === undefined ? null : quantity(o.invoicedQuantity),
    poUnitPrice: opt(o.poUnitPrice),
    invoicedUnitPrice: opt(o.invoicedUnitPrice),
    contractUnitPrice: opt(o.contractUnitPrice),
    contractNumber: o.contractNumber ?? null,
    amount: money(o.amount),
    exceptions: o.exceptions.map(route),
  };
}

/** Lines of a memo are reported, unmatched, under the invoice-level exception. */
function memoLine(line: Invoice["lines"][number]): LineMatch {
  return {
    lineId: line.lineId,
    status: "exception",
    purchaseOrderId: null,
    purchaseOrderLineId: null,
    matchedBy: null,
    mode: "three-way",
    receipts: [],
    invoicedQuantity: null,
    poUnitPrice: null,
    invoicedUnitPrice: null,
    contractUnitPrice: null,
    contractNumber: null,
    amount: money(mul(exact(line.quantity), exact(line.unitPrice))),
    exceptions: [],
  };
}
