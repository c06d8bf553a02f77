import type { OrderConfirmation, OrderConfirmationLine } from "../../../model/schemas/order-confirmation.js";
import type { SegmentValues } from "../envelope/encode-interchange.js";
import type { TransactionSet } from "../envelope/interchange-types.js";
import type { Segment } from "../envelope/segment.js";
import type { EncodeContext } from "./encode-context.js";
import { encodeItemIds, hasIdentity, type ItemRefDraft } from "./item-ids.js";
import { type DecodeContext, x12Date } from "./mapping-context.js";
import { PartyCollector } from "./parties.js";
import { lineHead } from "./purchase-order-850.js";
import { bodyOf, checkedForEncode, decoded } from "./validated.js";

type Status = OrderConfirmation["status"];
type LineStatus = OrderConfirmationLine["status"];
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** BAK02 (DE587). */
const HEADER_STATUS: Readonly<Record<string, Status>> = {
  AD: "accepted",
  AK: "accepted",
  AT: "accepted",
  AP: "accepted",
  AC: "accepted-with-changes",
  AE: "accepted-with-changes",
  RD: "rejected",
  RF: "rejected",
  RJ: "rejected",
  RO: "rejected",
  AH: "pending",
};
const BAK02: Readonly<Record<Status, string>> = {
  accepted: "AD",
  "accepted-with-changes": "AC",
  rejected: "RD",
  pending: "AH",
};

/** ACK01 (DE668), as GHX acts on them (DOMAIN §1.4). */
const LINE_STATUS: Readonly<Record<string, LineStatus>> = {
  IA: "accepted",
  AR: "accepted",
  IB: "backordered",
  BP: "backordered",
  IC: "accepted-with-changes",
  IP: "accepted-with-changes",
  IQ: "accepted-with-changes",
  IS: "accepted-with-changes",
  DR: "accepted-with-changes",
  ID: "rejected",
  IR: "rejected",
  IH: "pending",
  SP: "pending",
  IW: "pending",
};
const ACK01: Readonly<Record<LineStatus, string>> = {
  accepted: "IA",
  "accepted-with-changes": "IC",
  backordered: "IB",
  rejected: "IR",
  pending: "IH",
};

type LineDraft = Mutable<OrderConfirmationLine> & { item: ItemRefDraft; acked: boolean; head: Segment };

export function decodeOrderConfirmation(set: TransactionSet, ctx: DecodeContext): OrderConfirmation {
  const parties = new PartyCollector(ctx);
  let bak: Segment | undefined;
  const lines: LineDraft[] = [];
  let line: LineDraft | undefined;
  for (const seg of bodyOf(set)) {
    if (parties.continues(seg)) continue;
    switch (seg.id) {
      case "BAK":
        bak = seg;
        break;
      case "N1":
        if (line === undefined) parties.n1(seg);
        break;
      case "PO1": {
        const head = lineHead(ctx, seg, lines.length + 1);
        line = { lineId: head.lineId, item: head.item, status: "accepted", acked: false, head: seg };
        const quantity = ctx.decimal(seg, 2, { nonNegative: true });
        if (quantity !== undefined) line.quantity = quantity;
        if (ctx.text(seg, 3)) line.uom = ctx.uom(seg, 3);
        const price = ctx.decimal(seg, 4, { nonNegative: true });
        if (price !== undefined) line.unitPrice = price;
        lines.push(line);
        break;
      }
      case "PID":
        if (line && line.item.description === undefined && ctx.text(seg, 5))
          line.item.description = ctx.text(seg, 5)!.slice(0, 500);
        break;
      case "ACK": {
        if (line === undefined) break;
        if (line.acked) {
          // Several ACKs split a line (part shipped, part backordered); the canonical line has one status.
          ctx.warn(
            seg,
            1,
            "x12.ack-split-ignored",
            `line ${line.lineId} has more than one ACK; only the first is mapped`,
          );
          break;
        }
        line.acked = true;
        const code = ctx.required(seg, 1, "line status");
        const status = LINE_STATUS[code];
        if (status === undefined)
          ctx.fail(seg, `ACK01 ${JSON.stringify(code)} is not a line status Concord maps`, {
            element: 1,
            badValue: code,
          });
        line.status = status;
        const quantity = ctx.decimal(seg, 2, { nonNegative: true });
        if (quantity !== undefined) line.quantity = quantity;
        if (ctx.text(seg, 3)) line.uom = ctx.uom(seg, 3);
        if (ctx.text(seg, 4) === "068") {
          const d = ctx.date(seg, 5);
          if (d) line.scheduledShipDate = d;
        }
        break;
      }
      case "DTM":
        if (line && ctx.text(seg, 1) === "068") {
          const d = ctx.date(seg, 2);
          if (d) line.scheduledShipDate ??= d;
        }
        break;
      case "MSG":
        if (line && line.note === undefined && ctx.text(seg, 1)) line.note = ctx.text(seg, 1)!.slice(0, 500);
        break;
      case "CTT":
        line = undefined;
        break;
    }
  }
  if (bak === undefined) return ctx.missingSegment("BAK", "beginning segment for purchase order acknowledgment");
  const code = ctx.required(bak, 2, "acknowledgment type");
  const status = HEADER_STATUS[code];
  if (status === undefined)
    ctx.fail(bak, `BAK02 ${JSON.stringify(code)} is not an acknowledgment type Concord maps`, {
      element: 2,
      badValue: code,
    });
  let confirmationDate = ctx.date(bak, 9);
  if (confirmationDate === undefined) {
    // BAK09 (acknowledgment date) is optional in 4010; the group date is when the supplier sent it.
    const gs04 = set.group.date;
    confirmationDate = /^\d{8}$/.test(gs04) ? `${gs04.slice(0, 4)}-${gs04.slice(4, 6)}-${gs04.slice(6, 8)}` : undefined;
    if (confirmationDate === undefined)
      ctx.fail(bak, "BAK09 (acknowledgment date) is missing and GS04 is not a date", { element: 9, elementCode: "1" });
    ctx.warn(
      bak,
      9,
      "x12.ack-date-from-group",
      `BAK09 is empty; confirmation date taken from GS04 (${confirmationDate})`,
    );
  }
  const header: Status = status;
  const mapped = lines.map(({ acked, head, item, ...l }) => {
    if (!acked) {
      // No ACK on the line: the header's answer applies to it.
      l.status = header === "accepted-with-changes" ? "accepted" : header;
    }
    return hasIdentity(item) ? { ...l, item } : l;
  });
  const id = ctx.text(bak, 8);
  return decoded(ctx, "order-confirmation", {
    kind: "order-confirmation",
    ...(id ? { id } : {}),
    purchaseOrderId: ctx.required(bak, 3, "purchase order number"),
    confirmationDate,
    status,
    parties: parties.parties,
    lines: mapped,
  });
}

export function encodeOrderConfirmation(doc: OrderConfirmation, ctx: EncodeContext): SegmentValues[] {
  const oc = checkedForEncode(ctx, "order-confirmation", doc);
  const date = x12Date(oc.confirmationDate);
  // BAK04 (PO date) is mandatory but the canonical confirmation does not keep it: the confirmation date stands in.
  const out: SegmentValues[] = [
    ["BAK", "00", BAK02[oc.status], oc.purchaseOrderId, date, "", "", "", oc.id ?? "", date],
  ];
  out.push(...ctx.parties(oc.parties));
  for (const l of oc.lines) {
    const uom = l.uom ? ctx.uom(l.uom) : "";
    out.push(["PO1", l.lineId, l.quantity ?? "", uom, l.unitPrice ?? "", "", ...(l.item ? encodeItemIds(l.item) : [])]);
    if (l.item?.description) out.push(["PID", "F", "", "", "", l.item.description]);
    out.push([
      "ACK",
      ACK01[l.status],
      l.quantity ?? "",
      uom,
      l.scheduledShipDate ? "068" : "",
      l.scheduledShipDate ? x12Date(l.scheduledShipDate) : "",
    ]);
    if (l.note) out.push(["MSG", l.note]);
  }
  out.push(["CTT", String(oc.lines.length)]);
  return out;
}
