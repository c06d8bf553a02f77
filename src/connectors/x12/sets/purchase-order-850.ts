import { addDecimal } from "../../../model/decimal.js";
import type { PurchaseOrder, PurchaseOrderLine } from "../../../model/schemas/purchase-order.js";
import type { PaymentTerms } from "../../../model/schemas/trade-common.js";
import type { SegmentValues } from "../envelope/encode-interchange.js";
import type { TransactionSet } from "../envelope/interchange-types.js";
import type { Segment } from "../envelope/segment.js";
import { type EncodeContext, encodeTerms } from "./encode-context.js";
import { decodeItemIds, encodeItemIds, hasIdentity, type ItemRefDraft } from "./item-ids.js";
import { type DecodeContext, x12Date } from "./mapping-context.js";
import { PartyCollector } from "./parties.js";
import { decodeTerms } from "./payment-terms.js";
import { bodyOf, checkedForEncode, decoded } from "./validated.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const PURPOSE: Readonly<Record<string, PurchaseOrder["purpose"]>> = {
  "00": "original",
  "01": "cancel",
  "04": "change",
  "05": "change",
};
const BEG01: Readonly<Record<PurchaseOrder["purpose"], string>> = { original: "00", change: "04", cancel: "01" };

/** Reads CUR02; absent → the partner's default currency, with a warning. */
export function decodeCurrency(ctx: DecodeContext, cur: Segment | undefined): string {
  if (cur === undefined) {
    ctx.warnings.push({
      path: "/segments",
      rule: "x12.currency-defaulted",
      message: `no CUR segment; currency taken as ${ctx.options.defaultCurrency} (partner default)`,
    });
    return ctx.options.defaultCurrency;
  }
  const code = ctx.required(cur, 2, "currency code");
  if (!/^[A-Z]{3}$/.test(code))
    ctx.fail(cur, `${JSON.stringify(code)} is not an ISO 4217 currency`, { element: 2, badValue: code });
  return code;
}

/** Reads a PO1/IT1-style line head: 01 line id, 02 quantity, 03 unit, 04 price, ids from 06. */
export function lineHead(ctx: DecodeContext, seg: Segment, ordinal: number) {
  let lineId = ctx.text(seg, 1);
  if (lineId === undefined) {
    lineId = String(ordinal);
    ctx.warn(seg, 1, "x12.line-id-assigned", `${seg.id}01 is empty; line numbered ${lineId} by position`);
  } else if (lineId.length > 20) {
    ctx.fail(seg, `line id ${lineId} is longer than 20 characters`, { element: 1, elementCode: "5", badValue: lineId });
  }
  const { item } = decodeItemIds(ctx, seg, 6);
  return { lineId, item };
}

/**
 * A baseline item data segment (850 PO1, 810 IT1: the same layout): line id, the product ids from
 * element 6 on, and the quantity (02), unit (03) and unit price (04) both sets require.
 */
export function baselineItemLine(ctx: DecodeContext, seg: Segment, ordinal: number) {
  const head = lineHead(ctx, seg, ordinal);
  return {
    lineId: head.lineId,
    item: head.item,
    quantity:
      ctx.decimal(seg, 2, { nonNegative: true }) ??
      ctx.fail(seg, `${seg.id}02 (quantity) is required`, { element: 2, elementCode: "1" }),
    uom: ctx.uom(seg, 3),
    unitPrice:
      ctx.decimal(seg, 4, { nonNegative: true }) ??
      ctx.fail(seg, `${seg.id}04 (unit price) is required`, { element: 4, elementCode: "1" }),
  };
}

export function decodePurchaseOrder(set: TransactionSet, ctx: DecodeContext): PurchaseOrder {
  const parties = new PartyCollector(ctx);
  let beg: Segment | undefined;
  let cur: Segment | undefined;
  let terms: PaymentTerms | undefined;
  let total: string | undefined;
  let ctt: Segment | undefined;
  const lines: Mutable<PurchaseOrderLine>[] = [];
  let line: (Mutable<PurchaseOrderLine> & { item: ItemRefDraft }) | undefined;

  for (const seg of bodyOf(set)) {
    if (parties.continues(seg)) continue;
    switch (seg.id) {
      case "BEG":
        beg = seg;
        break;
      case "CUR":
        if (line === undefined) cur ??= seg;
        break;
      case "ITD":
        if (line === undefined) terms ??= decodeTerms(ctx, seg);
        break;
      case "N1":
        if (line === undefined) parties.n1(seg);
        break;
      case "AMT":
        if (ctx.text(seg, 1) === "TT") total = ctx.decimal(seg, 2);
        break;
      case "CTT":
        ctt = seg;
        line = undefined;
        break;
      case "PO1":
        line = baselineItemLine(ctx, seg, lines.length + 1);
        lines.push(line);
        break;
      case "PID":
        if (line && line.item.description === undefined && ctx.text(seg, 5))
          line.item.description = ctx.text(seg, 5)!.slice(0, 500);
        break;
      case "REF":
        if (line && ctx.text(seg, 1) === "CT" && ctx.text(seg, 2)) line.contractNumber = ctx.text(seg, 2)!;
        break;
      case "DTM":
        if (line && ctx.text(seg, 1) === "002") {
          const d = ctx.date(seg, 2);
          if (d) line.requestedDelivery = d;
        }
        break;
    }
  }
  if (beg === undefined) return ctx.missingSegment("BEG", "beginning segment for purchase order");
  const purposeCode = ctx.text(beg, 1) ?? "";
  const purpose = PURPOSE[purposeCode] ?? "original";
  if (PURPOSE[purposeCode] === undefined) {
    ctx.warn(beg, 1, "x12.purpose-defaulted", `BEG01 ${JSON.stringify(purposeCode)} read as an original order`);
  }
  for (const [i, l] of lines.entries()) {
    if (!hasIdentity(l.item))
      ctx.fail(undefined, `PO1 line ${l.lineId} (#${i + 1}) carries no product id or description`);
  }
  if (lines.length === 0) ctx.missingSegment("PO1", "an order needs at least one line");
  if (ctt && ctx.text(ctt, 1) !== String(lines.length)) {
    ctx.warn(ctt, 1, "x12.ctt-line-count", `CTT01 says ${ctx.text(ctt, 1)} lines; the order has ${lines.length}`);
  }
  return decoded(ctx, "purchase-order", {
    kind: "purchase-order",
    id: ctx.required(beg, 3, "purchase order number"),
    purpose,
    orderDate: ctx.date(beg, 5) ?? ctx.fail(beg, "BEG05 (order date) is required", { element: 5, elementCode: "1" }),
    currency: decodeCurrency(ctx, cur),
    parties: parties.parties,
    ...(terms ? { paymentTerms: terms } : {}),
    lines,
    ...(total !== undefined ? { total } : {}),
  });
}

export function encodePurchaseOrder(doc: PurchaseOrder, ctx: EncodeContext): SegmentValues[] {
  const po = checkedForEncode(ctx, "purchase-order", doc);
  for (const field of ["facilityId", "costCenterId", "requisitionId"] as const) {
    if (po[field] !== undefined)
      ctx.warn(`/${field}`, "x12.not-carried", `${field} is a canonical id; the 850 does not carry it`);
  }
  const out: SegmentValues[] = [
    ["BEG", BEG01[po.purpose], "SA", po.id, "", x12Date(po.orderDate)],
    ["CUR", "BY", po.currency],
  ];
  if (po.paymentTerms) out.push(encodeTerms(po.paymentTerms));
  out.push(...ctx.parties(po.parties));
  let hash = "0";
  for (const l of po.lines) {
    out.push(["PO1", l.lineId, l.quantity, ctx.uom(l.uom), l.unitPrice, "", ...encodeItemIds(l.item)]);
    if (l.item.description) out.push(["PID", "F", "", "", "", l.item.description]);
    if (l.contractNumber) out.push(["REF", "CT", l.contractNumber]);
    if (l.requestedDelivery) out.push(["DTM", "002", x12Date(l.requestedDelivery)]);
    hash = addDecimal(hash, l.quantity);
  }
  out.push(["CTT", String(po.lines.length), hash]);
  if (po.total !== undefined) out.push(["AMT", "TT", po.total]);
  return out;
}
