import { formatDecimal, parseDecimal } from "../../../model/decimal.js";
import type { Payment, Remittance } from "../../../model/schemas/payment.js";
import type { Party } from "../../../model/schemas/trade-common.js";
import type { SegmentValues } from "../envelope/encode-interchange.js";
import type { TransactionSet } from "../envelope/interchange-types.js";
import type { Segment } from "../envelope/segment.js";
import type { EncodeContext } from "./encode-context.js";
import { type DecodeContext, x12Date } from "./mapping-context.js";
import { PartyCollector } from "./parties.js";
import { decodeCurrency } from "./purchase-order-850.js";
import { bodyOf, checkedForEncode, decoded } from "./validated.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Method = Payment["method"];

/** BPR04 (DE591 payment method) → canonical method; other codes are "other" with a warning. */
const METHOD_BY_CODE: Readonly<Record<string, Method>> = { ACH: "ach", CHK: "check", FWT: "wire", ZZ: "other" };
const CODE_BY_METHOD: Readonly<Record<Method, string>> = { ach: "ACH", check: "CHK", wire: "FWT", other: "ZZ" };

/** The 820's own N1 codes: PR payer (the buyer paying) and PE payee (the seller paid). Others as in parties.ts. */
const ROLE_BY_820_CODE: Readonly<Record<string, Party["role"]>> = { PR: "buyer", PE: "seller" };
const CODE_820_BY_ROLE: Readonly<Partial<Record<Party["role"], string>>> = { buyer: "PR", seller: "PE" };

function decodeRemittance(ctx: DecodeContext, seg: Segment): Mutable<Remittance> {
  const qualifier = ctx.text(seg, 1);
  const invoiceId = ctx.required(seg, 2, "invoice number");
  if (qualifier !== "IV") {
    ctx.warn(
      seg,
      1,
      "x12.rmr-qualifier",
      `RMR01 ${JSON.stringify(qualifier ?? "")} is not IV (seller's invoice number); RMR02 ${invoiceId} read as the invoice number anyway`,
    );
  }
  const paid =
    ctx.decimal(seg, 4, { nonNegative: true }) ??
    ctx.fail(seg, "RMR04 (amount paid) is required", { element: 4, elementCode: "1" });
  const invoiced = ctx.decimal(seg, 5, { nonNegative: true });
  const discount = ctx.decimal(seg, 6, { nonNegative: true });
  return {
    invoiceId,
    paid,
    ...(invoiced !== undefined ? { invoiced } : {}),
    ...(discount !== undefined ? { discount } : {}),
  };
}

/**
 * 820 Payment Order/Remittance Advice → payment: BPR (amount, method, effective date), TRN (trace
 * number = id), CUR, header N1 loops (PR payer, PE payee), and each RMR (with its REF*PO) a remittance.
 * RMR loops may sit inside ENT loops (the standard nesting) or directly after the header.
 */
export function decodePayment(set: TransactionSet, ctx: DecodeContext): Payment {
  const parties = new PartyCollector(ctx);
  let bpr: Segment | undefined;
  let trn: Segment | undefined;
  let cur: Segment | undefined;
  let created: Segment | undefined;
  let header = true;
  /** Inside an IT1 or ADX loop of a remittance: its REFs are not the remittance's. */
  let nested = false;
  const remittances: Mutable<Remittance>[] = [];
  let remittance: Mutable<Remittance> | undefined;
  for (const seg of bodyOf(set)) {
    if (header && parties.continues(seg)) continue;
    switch (seg.id) {
      case "BPR":
        bpr ??= seg;
        break;
      case "TRN":
        if (header) trn ??= seg;
        break;
      case "CUR":
        if (header) cur ??= seg;
        break;
      case "DTM":
        if (header && ctx.text(seg, 1) === "097") created ??= seg;
        break;
      case "N1":
        if (header) {
          const party = parties.n1(seg);
          const role = ROLE_BY_820_CODE[ctx.text(seg, 1) ?? ""];
          if (role) party.role = role;
        }
        break;
      case "ENT":
      case "NM1":
        header = false;
        parties.close();
        remittance = undefined;
        break;
      case "RMR":
        header = false;
        parties.close();
        nested = false;
        remittance = decodeRemittance(ctx, seg);
        remittances.push(remittance);
        break;
      case "IT1":
      case "ADX":
        nested = true;
        break;
      case "REF":
        if (remittance && !nested && ctx.text(seg, 1) === "PO" && ctx.text(seg, 2)) {
          if (remittance.purchaseOrderId === undefined) remittance.purchaseOrderId = ctx.text(seg, 2)!;
          else
            ctx.warn(
              seg,
              2,
              "x12.rmr-extra-po",
              `RMR ${remittance.invoiceId} already names PO ${remittance.purchaseOrderId}; REF*PO ${ctx.text(seg, 2)} not mapped`,
            );
        }
        break;
    }
  }
  if (bpr === undefined) return ctx.missingSegment("BPR", "beginning segment for payment order/remittance advice");
  if (trn === undefined) return ctx.missingSegment("TRN", "the payment's trace number is its id");
  if (remittances.length === 0) ctx.missingSegment("RMR", "a payment needs at least one remittance");

  const amount =
    ctx.decimal(bpr, 2, { nonNegative: true }) ??
    ctx.fail(bpr, "BPR02 (payment amount) is required", { element: 2, elementCode: "1" });
  const methodCode = ctx.text(bpr, 4) ?? "";
  let method = METHOD_BY_CODE[methodCode];
  if (method === undefined) {
    method = "other";
    ctx.warn(
      bpr,
      4,
      "x12.payment-method",
      `BPR04 ${JSON.stringify(methodCode)} is not ACH, CHK or FWT; payment method read as other`,
    );
  }
  let paymentDate = ctx.date(bpr, 16);
  if (paymentDate === undefined) {
    const fallback = created && ctx.date(created, 2);
    if (!fallback) {
      return ctx.missingSegment("DTM", "the payment date: BPR16 is empty and there is no DTM*097");
    }
    ctx.warn(
      bpr,
      16,
      "x12.payment-date-from-dtm097",
      `BPR16 (effective entry date) is empty; payment date taken from DTM*097 (transaction creation) ${fallback}`,
    );
    paymentDate = fallback;
  }
  // Summed as bigint, without the 14-digit limit of addDecimal: many large RMR04s must warn, not throw.
  const remittedUnits = remittances.reduce((sum, r) => sum + parseDecimal(r.paid), 0n);
  if (remittedUnits !== parseDecimal(amount)) {
    const remitted = formatDecimal(remittedUnits);
    ctx.warn(
      bpr,
      2,
      "x12.remittance-total",
      `BPR02 pays ${amount}; the RMR04 amounts add up to ${remitted} (adjustments are not mapped); both kept as sent`,
    );
  }
  return decoded(ctx, "payment", {
    kind: "payment",
    id: ctx.required(trn, 2, "trace number"),
    paymentDate,
    method,
    currency: decodeCurrency(ctx, cur),
    amount,
    parties: parties.parties,
    remittances,
  });
}

/**
 * payment → 820: BPR*C*amount*C*method with the date in BPR16, TRN*1*id, CUR*PR (unless USD is
 * also the partner's default), N1 loops (PR payer, PE payee), one ENT*1 and an RMR*IV (+ REF*PO) per remittance.
 */
export function encodePayment(doc: Payment, ctx: EncodeContext): SegmentValues[] {
  const pay = checkedForEncode(ctx, "payment", doc);
  const out: SegmentValues[] = [
    ["BPR", "C", pay.amount, "C", CODE_BY_METHOD[pay.method], ...Array<string>(11).fill(""), x12Date(pay.paymentDate)],
    ["TRN", "1", pay.id],
  ];
  if (pay.currency !== "USD" || ctx.options.defaultCurrency !== pay.currency) out.push(["CUR", "PR", pay.currency]);
  let n = 0;
  for (const seg of ctx.parties(pay.parties)) {
    if (seg[0] !== "N1") {
      out.push(seg);
      continue;
    }
    const code = CODE_820_BY_ROLE[pay.parties[n++]!.role];
    out.push(code ? ["N1", code, ...seg.slice(2)] : seg);
  }
  out.push(["ENT", "1"]);
  for (const r of pay.remittances) {
    out.push(["RMR", "IV", r.invoiceId, "", r.paid, r.invoiced ?? "", r.discount ?? ""]);
    if (r.purchaseOrderId) out.push(["REF", "PO", r.purchaseOrderId]);
  }
  return out;
}
