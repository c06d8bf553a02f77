import { Errors } from "../../errors/index.js";
import {
  addDecimal,
  compareDecimal,
  type Invoice,
  type InvoiceCharge,
  type InvoiceLine,
  multiplyDecimal,
} from "../../model/index.js";
import { type XmlElement, xmlElement } from "../xml/index.js";
import { encodeOrderReference, orderReferenceId } from "./confirmation-request.js";
import type { CxmlCursor } from "./cxml-cursor.js";
import { dateTimeOf, moneyIn, toDate, toDecimal } from "./cxml-values.js";
import {
  decodeItemFacts,
  decodeItemId,
  encodeClassification,
  encodeItemId,
  encodeManufacturerPartId,
  finishItem,
  type MutableItemRef,
} from "./item-ref.js";
import { moneyElement } from "./money.js";
import { type EncodeContext, lineNumber } from "./order-request.js";
import { decodeContactParty, encodeContact } from "./parties.js";
import { decodePaymentTerms, encodePaymentTerms } from "./payment-term.js";
import { decodeUom, uomCode } from "./uom-code.js";

const PURPOSE: Readonly<Record<string, Invoice["purpose"]>> = {
  standard: "original",
  creditmemo: "credit-memo",
  linelevelcreditmemo: "credit-memo",
  debitmemo: "debit-memo",
  lineleveldebitmemo: "debit-memo",
};
const PURPOSE_OUT = { original: "standard", "credit-memo": "creditMemo", "debit-memo": "debitMemo" } as const;

/** "-5" ↔ "5" without reformatting, so amounts round-trip byte for byte. */
const negate = (d: string): string => (d.startsWith("-") ? d.slice(1) : `-${d}`);
const isZero = (d: string): boolean => compareDecimal(d, "0") === 0;

function decodeItem(it: CxmlCursor, purchaseOrderId: string | undefined): InvoiceLine {
  const ref = it.requireChild("InvoiceDetailItemReference");
  const item: MutableItemRef = {};
  decodeItemId(ref.child("ItemID"), item);
  decodeItemFacts(ref, item);
  const unitPrice = moneyIn(it.requireChild("UnitPrice"));
  if (unitPrice === undefined) throw it.fail("UnitPrice/Money is empty");
  const purchaseOrderLineId = ref.attr("lineNumber");
  const amount = moneyIn(it.child("SubtotalAmount"));
  const tax = moneyIn(it.child("Tax"));
  return {
    lineId: it.requireAttr("invoiceLineNumber"),
    ...(purchaseOrderId === undefined ? {} : { purchaseOrderId }),
    ...(purchaseOrderLineId === undefined ? {} : { purchaseOrderLineId }),
    item: finishItem(item, ref),
    quantity: toDecimal(it.requireAttr("quantity"), it, "@quantity"),
    uom: decodeUom(it),
    unitPrice,
    ...(amount === undefined ? {} : { amount }),
    ...(tax === undefined ? {} : { tax }),
  };
}

/**
 * Summary amounts → charges. Zero amounts are no charge (Coupa sends Tax, shipping and handling
 * of 0); amounts cXML states positively (discount, deduction) become negative.
 */
function decodeCharges(summary: CxmlCursor): InvoiceCharge[] {
  const charges: InvoiceCharge[] = [];
  const add = (kind: InvoiceCharge["kind"], amount: string | undefined, description?: string) => {
    if (amount === undefined || isZero(amount)) return;
    charges.push({ kind, amount, ...(description === undefined ? {} : { description }) });
  };
  const tax = summary.requireChild("Tax");
  add("tax", moneyIn(tax), tax.childText("Description"));
  add("handling", moneyIn(summary.child("SpecialHandlingAmount")));
  add("freight", moneyIn(summary.child("ShippingAmount")));
  const discount = moneyIn(summary.child("InvoiceDetailDiscount"));
  add("discount", discount === undefined ? undefined : negate(discount));
  for (const m of summary.child("InvoiceHeaderModifications")?.children("Modification") ?? []) {
    const description = m.child("ModificationDetail")?.childText("Description");
    const deduction = m.child("AdditionalDeduction");
    if (deduction) {
      const amount = moneyIn(deduction.child("DeductionAmount"));
      add("allowance", amount === undefined ? undefined : negate(amount), description);
    } else {
      add("other-charge", moneyIn(m.child("AdditionalCost")), description);
    }
  }
  return charges;
}

/**
 * `<InvoiceDetailRequest>` → Invoice. With one InvoiceDetailOrder the PO is the invoice's; with
 * several, each line carries its own. The total is DueAmount, else NetAmount, else (both empty,
 * as in a Coupa sample) subtotal plus charges, with a warning.
 */
export function decodeInvoiceDetailRequest(req: CxmlCursor): Invoice {
  const header = req.requireChild("InvoiceDetailRequestHeader");
  const purposeRaw = header.attr("purpose") ?? "standard";
  const purpose = PURPOSE[purposeRaw.toLowerCase()];
  if (!purpose) throw header.fail(`purpose ${JSON.stringify(purposeRaw)} is not one Concord maps`);
  if (header.attr("operation") === "delete") throw header.fail("operation delete (cancel an invoice) is not supported");
  const orders = req.children("InvoiceDetailOrder");
  if (orders.length === 0)
    throw req.fail("no InvoiceDetailOrder (invoices without a purchase order are not supported)");
  const single = orders.length === 1;
  const lines: InvoiceLine[] = [];
  let purchaseOrderId: string | undefined;
  for (const order of orders) {
    const ref = order.requireChild("InvoiceDetailOrderInfo").requireChild("OrderReference");
    const po = orderReferenceId(ref);
    if (single) purchaseOrderId = po;
    const items = order.children("InvoiceDetailItem");
    if (items.length === 0) throw order.fail("InvoiceDetailOrder has no InvoiceDetailItem");
    for (const it of items) lines.push(decodeItem(it, single ? undefined : po));
  }
  const summary = req.requireChild("InvoiceDetailSummary");
  const subtotal = moneyIn(summary.requireChild("SubtotalAmount"));
  const charges = decodeCharges(summary);
  let total = moneyIn(summary.child("DueAmount")) ?? moneyIn(summary.requireChild("NetAmount"));
  if (total === undefined) {
    const base =
      subtotal ?? lines.reduce((s, l) => addDecimal(s, l.amount ?? multiplyDecimal(l.quantity, l.unitPrice)), "0");
    total = charges.reduce((s, c) => addDecimal(s, c.amount), base);
    summary.warn("cxml.invoice-total-computed", `NetAmount and DueAmount are empty; total computed as ${total}`);
  }
  const currency = req.ctx.currency;
  if (currency === undefined) throw summary.fail("no Money states the invoice's currency");
  const paymentTerms = decodePaymentTerms(header.children("PaymentTerm"));
  return {
    kind: "invoice",
    id: header.requireAttr("invoiceID"),
    purpose,
    invoiceDate: toDate(header.requireAttr("invoiceDate"), header, "@invoiceDate"),
    currency,
    ...(purchaseOrderId === undefined ? {} : { purchaseOrderId }),
    parties: header
      .children("InvoicePartner")
      .map((p) => p.child("Contact"))
      .filter((c) => c !== undefined)
      .map(decodeContactParty)
      .filter((p) => p !== undefined),
    ...(paymentTerms ? { paymentTerms } : {}),
    lines,
    charges,
    total,
  };
}

function single(charges: readonly InvoiceCharge[], kind: InvoiceCharge["kind"]): InvoiceCharge | undefined {
  const found = charges.filter((c) => c.kind === kind);
  if (found.length > 1) {
    throw Errors.CxmlDocument(`cannot encode ${found.length} ${kind} charges: InvoiceDetailSummary has one slot`, {
      path: "/charges",
    });
  }
  return found[0];
}

function encodeLine(l: InvoiceLine, i: number, ctx: EncodeContext, currency: string): XmlElement {
  return xmlElement(
    "InvoiceDetailItem",
    { invoiceLineNumber: lineNumber(l.lineId, `/lines/${i}/lineId`), quantity: l.quantity },
    xmlElement("UnitOfMeasure", {}, uomCode(l.uom)),
    moneyElement("UnitPrice", l.unitPrice, currency),
    xmlElement(
      "InvoiceDetailItemReference",
      {
        lineNumber:
          l.purchaseOrderLineId === undefined
            ? ""
            : lineNumber(l.purchaseOrderLineId, `/lines/${i}/purchaseOrderLineId`),
      },
      encodeItemId(l.item),
      l.item.description !== undefined && xmlElement("Description", { "xml:lang": ctx.lang }, l.item.description),
      l.item.unspsc !== undefined && encodeClassification(l.item),
      encodeManufacturerPartId(l.item),
    ),
    l.amount !== undefined && moneyElement("SubtotalAmount", l.amount, currency),
    l.tax !== undefined &&
      xmlElement(
        "Tax",
        {},
        xmlElement("Money", { currency }, l.tax),
        xmlElement("Description", { "xml:lang": ctx.lang }, ""),
      ),
  );
}

export function encodeInvoiceDetailRequest(inv: Invoice, ctx: EncodeContext): XmlElement {
  const cur = inv.currency;
  // Consecutive lines of one PO form one InvoiceDetailOrder.
  const groups: { po: string; lines: [InvoiceLine, number][] }[] = [];
  inv.lines.forEach((l, i) => {
    const po = l.purchaseOrderId ?? inv.purchaseOrderId;
    if (po === undefined) {
      throw Errors.CxmlDocument("cannot encode an invoice line without a purchase order", { path: `/lines/${i}` });
    }
    const last = groups.at(-1);
    if (last && last.po === po) last.lines.push([l, i]);
    else groups.push({ po, lines: [[l, i]] });
  });
  const tax = single(inv.charges, "tax");
  const handling = single(inv.charges, "handling");
  const freight = single(inv.charges, "freight");
  const discount = single(inv.charges, "discount");
  const modifications = inv.charges.filter((c) => c.kind === "allowance" || c.kind === "other-charge");
  const subtotal = inv.lines.reduce((s, l) => addDecimal(s, l.amount ?? multiplyDecimal(l.quantity, l.unitPrice)), "0");
  return xmlElement(
    "InvoiceDetailRequest",
    {},
    xmlElement(
      "InvoiceDetailRequestHeader",
      {
        invoiceID: inv.id,
        purpose: PURPOSE_OUT[inv.purpose],
        operation: "new",
        invoiceDate: dateTimeOf(inv.invoiceDate),
      },
      xmlElement("InvoiceDetailHeaderIndicator"),
      xmlElement("InvoiceDetailLineIndicator", {
        isTaxInLine: inv.lines.some((l) => l.tax !== undefined) ? "yes" : undefined,
      }),
      inv.parties.map((p) => xmlElement("InvoicePartner", {}, encodeContact(p, ctx.lang))),
      encodePaymentTerms(inv.paymentTerms),
    ),
    groups.map((g) =>
      xmlElement(
        "InvoiceDetailOrder",
        {},
        xmlElement("InvoiceDetailOrderInfo", {}, encodeOrderReference(g.po)),
        g.lines.map(([l, i]) => encodeLine(l, i, ctx, cur)),
      ),
    ),
    xmlElement(
      "InvoiceDetailSummary",
      {},
      moneyElement("SubtotalAmount", subtotal, cur),
      xmlElement(
        "Tax",
        {},
        xmlElement("Money", { currency: cur }, tax?.amount ?? "0"),
        xmlElement("Description", { "xml:lang": ctx.lang }, tax?.description ?? ""),
      ),
      handling && moneyElement("SpecialHandlingAmount", handling.amount, cur),
      freight && moneyElement("ShippingAmount", freight.amount, cur),
      discount && moneyElement("InvoiceDetailDiscount", negate(discount.amount), cur),
      modifications.length > 0 &&
        xmlElement(
          "InvoiceHeaderModifications",
          {},
          modifications.map((m) =>
            xmlElement(
              "Modification",
              {},
              m.kind === "allowance"
                ? xmlElement("AdditionalDeduction", {}, moneyElement("DeductionAmount", negate(m.amount), cur))
                : moneyElement("AdditionalCost", m.amount, cur),
              xmlElement(
                "ModificationDetail",
                { name: m.kind === "allowance" ? "Allowance" : "Charge" },
                m.description !== undefined && xmlElement("Description", { "xml:lang": ctx.lang }, m.description),
              ),
            ),
          ),
        ),
      moneyElement("NetAmount", inv.total, cur),
      moneyElement("DueAmount", inv.total, cur),
    ),
  );
}
