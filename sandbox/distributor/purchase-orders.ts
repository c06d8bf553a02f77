import { addDays } from "../shared/dates.js";
import { formatScaled, SCALE } from "../shared/decimal.js";
import type { SegmentError } from "./edi.js";
import type { Segment, Separators, TransactionSet } from "./x12.js";

/** One PO1 of an 850 as the distributor reads it. */
export interface OrderedLine {
  /** PO101: the buyer's line number, echoed in the 855 so the buyer matches the answer. */
  line: string;
  quantity: string;
  /** PO103: an X12 DE355 code (EA, BX, CA…). */
  uom: string;
  /** PO104 as written. */
  price: string;
  /** Every PO1 qualifier → id (PO106 on), echoed in the 855. */
  ids: Record<string, string>;
  /** The number the distributor's rules key on: its own (VC/VN), else the buyer's (BP/IN), else the first id. */
  itemNumber: string;
  description: string | null;
}

/** One 850 as the distributor loaded it. */
export interface PurchaseOrderContent {
  poNumber: string;
  /** BEG01: 00 original, 01 cancel, 04/05 change. */
  purposeCode: string;
  /** BEG05 as YYYY-MM-DD. */
  orderDate: string;
  currency: string | null;
  lines: OrderedLine[];
}

/**
 * What the distributor answers for a line. Accept, back-order (shipping later) or re-price (its
 * price went up): what a real distributor's order desk does to a few lines of most orders.
 */
export type LineAnswer =
  | { kind: "accept" }
  | { kind: "backorder"; shipDate: string }
  | { kind: "reprice"; price: string }
  | { kind: "reject"; reason: string };

export type LineAnswerKind = LineAnswer["kind"];

const isoDate = (v: string | undefined) =>
  v && /^\d{8}$/.test(v) ? `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}` : undefined;

/** Reads an 850 the way the distributor's translator does; content problems come back as AK3s. */
export function readPurchaseOrder(
  set: TransactionSet,
  sep: Separators,
): { content: PurchaseOrderContent | null; errors: SegmentError[] } {
  const errors: SegmentError[] = [];
  let beg: Segment | undefined;
  let currency: string | null = null;
  const lines: OrderedLine[] = [];
  set.segments.forEach((seg, i) => {
    const [id, e1, e2, e3, e4] = seg;
    if (id === "BEG") beg = seg;
    else if (id === "CUR" && lines.length === 0) currency = e2 ?? null;
    else if (id === "PID" && lines.length > 0 && seg[5]) lines.at(-1)!.description = seg[5];
    else if (id === "PO1") {
      const ids: Record<string, string> = {};
      for (let n = 6; n + 1 < seg.length; n += 2) if (seg[n] && seg[n + 1]) ids[seg[n]!] = seg[n + 1]!;
      const itemNumber = ids.VC ?? ids.VN ?? ids.BP ?? ids.IN ?? Object.values(ids)[0];
      // AK403: 1 mandatory element missing, 6 invalid character.
      const bad = (message: string, element: number, dataElement: string, value = "") =>
        errors.push({
          segmentId: "PO1",
          position: i + 1,
          code: "8",
          elements: [
            { position: element, dataElement, code: value ? "6" : "1", ...(value ? { badValue: value } : {}) },
          ],
          message,
        });
      const number = /^\d+(\.\d+)?$/;
      if (!number.test(e2 ?? "")) bad(`PO1 ${e1}: quantity ${JSON.stringify(e2 ?? "")} is not a number`, 2, "330", e2);
      if (!number.test(e4 ?? "")) bad(`PO1 ${e1}: price ${JSON.stringify(e4 ?? "")} is not a number`, 4, "212", e4);
      if (itemNumber === undefined) bad(`PO1 ${e1} names no item`, 7, "234");
      lines.push({
        line: e1 || String(lines.length + 1),
        quantity: e2 ?? "",
        uom: (e3 ?? "").split(sep.component)[0]!,
        price: e4 ?? "",
        ids,
        itemNumber: itemNumber ?? "",
        description: null,
      });
    }
  });
  const orderDate = isoDate(beg?.[5]);
  if (!beg?.[3] || !orderDate)
    errors.push({
      segmentId: "BEG",
      position: beg ? set.segments.indexOf(beg) + 1 : set.segments.length,
      code: beg ? "8" : "3",
      elements: [],
      message: beg ? "BEG has no PO number (BEG03) or order date (BEG05)" : "no BEG segment",
    });
  if (lines.length === 0)
    errors.push({ segmentId: "PO1", position: set.segments.length, code: "3", elements: [], message: "no PO1 line" });
  if (errors.length > 0 || !beg || !orderDate) return { content: null, errors };
  return { content: { poNumber: beg[3]!, purposeCode: beg[1] ?? "", orderDate, currency, lines }, errors };
}

/** FNV-1a: a stable, well-spread hash, so the same item always gets the same answer. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Days a back-ordered line waits for stock. */
export const BACKORDER_DAYS = 14;
/** A re-priced line's increase, in basis points (4 %). */
export const REPRICE_BASIS_POINTS = 400;

/**
 * The distributor's rule, by item number (the buyer's when it sends no distributor number):
 * FNV-1a(item) mod 10 = 0 → back-ordered, shipping BACKORDER_DAYS after the order date;
 * = 1 → re-priced 4 % up (rounded to the cent); anything else → accepted as ordered. So about one
 * line in five comes back with an exception, always the same items. `overrides` (the
 * `orderLines` fault) picks the answer for listed items instead.
 */
export function ruleFor(itemNumber: string, overrides: Readonly<Record<string, LineAnswerKind>> = {}): LineAnswerKind {
  const forced = overrides[itemNumber];
  if (forced) return forced;
  const bucket = fnv1a(itemNumber) % 10;
  return bucket === 0 ? "backorder" : bucket === 1 ? "reprice" : "accept";
}

/** Scaled (ten-thousandths) arithmetic: no float artifact reaches the 855. */
function repriced(price: string): string {
  const [whole, frac = ""] = price.split(".");
  const units = Number(whole) * SCALE + Number(frac.padEnd(4, "0").slice(0, 4));
  const raised = Math.round((units * (10_000 + REPRICE_BASIS_POINTS)) / 10_000 / 100) * 100;
  return formatScaled(raised);
}

export function answerLine(
  line: OrderedLine,
  orderDate: string,
  overrides?: Readonly<Record<string, LineAnswerKind>>,
): LineAnswer {
  switch (ruleFor(line.itemNumber, overrides)) {
    case "backorder":
      return { kind: "backorder", shipDate: addDays(orderDate, BACKORDER_DAYS) };
    case "reprice":
      return { kind: "reprice", price: repriced(line.price) };
    case "reject":
      return { kind: "reject", reason: `item ${line.itemNumber} is discontinued` };
    default:
      return { kind: "accept" };
  }
}

const ACK01 = { accept: "IA", backorder: "IB", reprice: "IP", reject: "IR" } as const;
const yyyymmdd = (d: string) => d.replaceAll("-", "");
/** X12 drops trailing empty elements (ACK*IA*10*BX, not ACK*IA*10*BX**). */
const trimmed = (seg: Segment): Segment => {
  let end = seg.length;
  while (end > 1 && seg[end - 1] === "") end--;
  return seg.slice(0, end);
};

/**
 * The 855 body (BAK..CTT): BAK02 AD when every line is accepted as ordered, else AC (RD when every
 * line is rejected); each PO1 echoed with the price it will be invoiced at and its ACK.
 */
export function acknowledgment855Body(
  po: PurchaseOrderContent,
  answers: readonly LineAnswer[],
  ackNumber: string,
  today: string,
): Segment[] {
  const kinds = answers.map((a) => a.kind);
  const status = kinds.every((k) => k === "accept") ? "AD" : kinds.every((k) => k === "reject") ? "RD" : "AC";
  const body: Segment[] = [
    ["BAK", "00", status, po.poNumber, yyyymmdd(po.orderDate), "", "", "", ackNumber, yyyymmdd(today)],
  ];
  po.lines.forEach((l, i) => {
    const a = answers[i]!;
    const ids = Object.entries(l.ids).flat();
    body.push(["PO1", l.line, l.quantity, l.uom, a.kind === "reprice" ? a.price : l.price, "", ...ids]);
    body.push([
      "ACK",
      ACK01[a.kind],
      a.kind === "reject" ? "0" : l.quantity,
      l.uom,
      a.kind === "backorder" ? "068" : "",
      a.kind === "backorder" ? yyyymmdd(a.shipDate) : "",
    ]);
    if (a.kind === "reject") body.push(["MSG", a.reason]);
    if (a.kind === "reprice") body.push(["MSG", `price change effective ${today}`]);
  });
  body.push(["CTT", String(po.lines.length)]);
  return body.map(trimmed);
}
