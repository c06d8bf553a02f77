import type { Invoice, InvoiceCharge, InvoiceLine } from "../../../model/schemas/invoice.js";
import type { PaymentTerms } from "../../../model/schemas/trade-common.js";
import type { SegmentValues } from "../envelope/encode-interchange.js";
import type { TransactionSet } from "../envelope/interchange-types.js";
import type { Segment } from "../envelope/segment.js";
import { type EncodeContext, encodeTerms } from "./encode-context.js";
import { encodeItemIds, hasIdentity, type ItemRefDraft } from "./item-ids.js";
import { type DecodeContext, toImplied2, x12Date } from "./mapping-context.js";
import { PartyCollector } from "./parties.js";
import { decodeTerms } from "./payment-terms.js";
import { baselineItemLine, decodeCurrency } from "./purchase-order-850.js";
import { bodyOf, checkedForEncode, decoded } from "./validated.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type ChargeKind = InvoiceCharge["kind"];

/** SAC02 (DE1300) codes with a canonical kind; other codes fall back on SAC01 (A allowance, C charge). */
const KIND_BY_CODE: Readonly<Record<string, ChargeKind>> = {
  D240: "freight",
  H850: "tax",
  H750: "tax",
  D500: "handling",
  C310: "discount",
};
const CODE_BY_KIND: Readonly<Record<ChargeKind, string>> = {
  freight: "D240",
  tax: "H850",
  handling: "D500",
  discount: "C310",
  allowance: "ZZZZ",
  "other-charge": "ZZZZ",
};

/** Money read from an R element gets at least 2 decimals ("0" → "0.00"), so it survives N2 on the way back. */
function money(amount: string): string {
  const [int, frac = ""] = amount.split(".");
  return `${int}.${frac.padEnd(2, "0")}`;
}

function decodeCharge(ctx: DecodeContext, seg: Segment): InvoiceCharge | undefined {
  const indicator = ctx.text(seg, 1);
  if (indicator !== "A" && indicator !== "C") {
    ctx.warn(
      seg,
      1,
      "x12.sac-not-mapped",
      `SAC01 ${JSON.stringify(indicator ?? "")} is neither allowance nor charge; not mapped`,
    );
    return undefined;
  }
  const amount = ctx.implied2(seg, 5);
  if (amount === undefined) {
    ctx.warn(seg, 5, "x12.sac-no-amount", "SAC without an amount (SAC05) is not mapped");
    return undefined;
  }
  const code = ctx.text(seg, 2) ?? "";
  const kind = KIND_BY_CODE[code] ?? (indicator === "A" ? "allowance" : "other-charge");
  const abs = amount.replace(/^-/, "");
  const signed = indicator === "A" && abs !== "0.00" ? `-${abs}` : abs;
  const description = ctx.text(seg, 15);
  return { kind, amount: signed, ...(description ? { description: description.slice(0, 200) } : {}) };
}

type LineDraft = Mutable<InvoiceLine> & { item: ItemRefDraft };

export function decodeInvoice(set: TransactionSet, ctx: DecodeContext): Invoice {
  const parties = new PartyCollector(ctx);
  let big: Segment | undefined;
  let cur: Segment | undefined;
  let terms: PaymentTerms | undefined;
  let total: string | undefined;
  let ctt: Segment | undefined;
  let summary = false;
  const lines: LineDraft[] = [];
  const charges: InvoiceCharge[] = [];
  let line: LineDraft | undefined;
  for (const seg of bodyOf(set)) {
    if (parties.continues(seg)) continue;
    switch (seg.id) {
      case "BIG":
        big = seg;
        break;
      case "CUR":
        if (line === undefined) cur ??= seg;
        break;
      case "N1":
        if (line === undefined && !summary) parties.n1(seg);
        break;
      case "ITD":
        if (line === undefined) terms ??= decodeTerms(ctx, seg);
        break;
      case "IT1":
        line = baselineItemLine(ctx, seg, lines.length + 1);
        lines.push(line);
        break;
      case "PID":
        if (line && line.item.description === undefined && ctx.text(seg, 5))
          line.item.description = ctx.text(seg, 5)!.slice(0, 500);
        break;
      case "REF":
        if (line && ctx.text(seg, 1) === "PO" && ctx.text(seg, 2)) line.purchaseOrderId = ctx.text(seg, 2)!;
        if (line && ctx.text(seg, 1) === "LI" && ctx.text(seg, 2)) line.purchaseOrderLineId = ctx.text(seg, 2)!;
        break;
      case "TXI": {
        const amount = ctx.decimal(seg, 2);
        if (amount === undefined) break;
        if (line) line.tax = amount;
        else charges.push({ kind: "tax", amount: money(amount) });
        break;
      }
      case "TDS":
        total = ctx.implied2(seg, 1);
        summary = true;
        line = undefined;
        break;
      case "SAC": {
        // Line-level SACs are kept as invoice charges: the canonical invoice has charges only at the top.
        const charge = decodeCharge(ctx, seg);
        if (charge) charges.push(charge);
        break;
      }
      case "CTT":
        ctt = seg;
        line = undefined;
        break;
    }
  }
  if (big === undefined) return ctx.missingSegment("BIG", "beginning segment for invoice");
  if (total === undefined) return ctx.missingSegment("TDS", "the invoice total is required");
  if (lines.length === 0) ctx.missingSegment("IT1", "an invoice needs at least one line");
  for (const [i, l] of lines.entries()) {
    if (!hasIdentity(l.item))
      ctx.fail(undefined, `IT1 line ${l.lineId} (#${i + 1}) carries no product id or description`);
  }
  if (ctt && ctx.text(ctt, 1) !== String(lines.length)) {
    ctx.warn(ctt, 1, "x12.ctt-line-count", `CTT01 says ${ctx.text(ctt, 1)} lines; the invoice has ${lines.length}`);
  }
  const type = ctx.text(big, 7);
  const purchaseOrderId = ctx.text(big, 4);
  return decoded(ctx, "invoice", {
    kind: "invoice",
    id: ctx.required(big, 2, "invoice number"),
    purpose: type === "CR" ? "credit-memo" : type === "DR" ? "debit-memo" : "original",
    invoiceDate:
      ctx.date(big, 1) ?? ctx.fail(big, "BIG01 (invoice date) is required", { element: 1, elementCode: "1" }),
    currency: decodeCurrency(ctx, cur),
    ...(purchaseOrderId ? { purchaseOrderId } : {}),
    parties: parties.parties,
    ...(terms ? { paymentTerms: terms } : {}),
    lines,
    charges,
    total,
  });
}

export function encodeInvoice(doc: Invoice, ctx: EncodeContext): SegmentValues[] {
  const inv = checkedForEncode(ctx, "invoice", doc);
  const type = inv.purpose === "credit-memo" ? "CR" : inv.purpose === "debit-memo" ? "DR" : "";
  const out: SegmentValues[] = [
    ["BIG", x12Date(inv.invoiceDate), inv.id, "", inv.purchaseOrderId ?? "", "", "", type],
    ["CUR", "SE", inv.currency],
  ];
  out.push(...ctx.parties(inv.parties));
  if (inv.paymentTerms) out.push(encodeTerms(inv.paymentTerms));
  inv.lines.forEach((l, i) => {
    out.push(["IT1", l.lineId, l.quantity, ctx.uom(l.uom), l.unitPrice, "", ...encodeItemIds(l.item)]);
    if (l.item.description) out.push(["PID", "F", "", "", "", l.item.description]);
    if (l.purchaseOrderId) out.push(["REF", "PO", l.purchaseOrderId]);
    if (l.purchaseOrderLineId) out.push(["REF", "LI", l.purchaseOrderLineId]);
    if (l.tax !== undefined) out.push(["TXI", "TX", l.tax]);
    if (l.amount !== undefined)
      ctx.warn(
        `/lines/${i}/amount`,
        "x12.not-carried",
        "the 810 has no line amount; it is recomputed from quantity × price",
      );
  });
  out.push(["TDS", toImplied2(inv.total, "total", (m) => ctx.fail("/total", m))]);
  inv.charges.forEach((c, i) => {
    const n2 = toImplied2(c.amount, "charge amount", (m) => ctx.fail(`/charges/${i}/amount`, m));
    const negative = n2.startsWith("-");
    out.push([
      "SAC",
      negative ? "A" : "C",
      CODE_BY_KIND[c.kind],
      "",
      "",
      negative ? n2.slice(1) : n2,
      ...Array(9).fill(""),
      c.description ?? "",
    ]);
  });
  out.push(["CTT", String(inv.lines.length)]);
  return out;
}
