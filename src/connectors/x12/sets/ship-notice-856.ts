import type { ShipNotice, ShipNoticeLine } from "../../../model/schemas/ship-notice.js";
import type { SegmentValues } from "../envelope/encode-interchange.js";
import type { TransactionSet } from "../envelope/interchange-types.js";
import type { Segment } from "../envelope/segment.js";
import type { EncodeContext } from "./encode-context.js";
import { decodeItemIds, encodeItemIds, hasIdentity } from "./item-ids.js";
import { type DecodeContext, x12Date } from "./mapping-context.js";
import { PartyCollector } from "./parties.js";
import { bodyOf, checkedForEncode, decoded } from "./validated.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const PURPOSE: Readonly<Record<string, ShipNotice["purpose"]>> = {
  "00": "original",
  "05": "replace",
  "01": "cancel",
  "03": "cancel",
};
const BSN01: Readonly<Record<ShipNotice["purpose"], string>> = { original: "00", replace: "05", cancel: "01" };

interface Level {
  readonly id: string;
  readonly parent: string;
  readonly code: string;
  po?: string;
}

interface LineDraft {
  readonly hl: Level;
  readonly segment: Segment;
  line: Mutable<ShipNoticeLine>;
  hasQuantity: boolean;
}

/** 856 → ShipNotice. Items find their purchase order through a PRF at their own HL or the nearest ancestor's. */
export function decodeShipNotice(set: TransactionSet, ctx: DecodeContext): ShipNotice {
  const parties = new PartyCollector(ctx);
  const levels = new Map<string, Level>();
  const poOrder: string[] = [];
  const lines: LineDraft[] = [];
  let bsn: Segment | undefined;
  let level: Level | undefined;
  let item: LineDraft | undefined;
  let hlCount = 0;
  let ctt: Segment | undefined;
  const doc: { shipDate?: string; expectedDelivery?: string; carrier?: string; trackingNumbers: string[] } = {
    trackingNumbers: [],
  };
  const shipmentLevel = () => level === undefined || level.code === "S";

  for (const seg of bodyOf(set)) {
    if (parties.continues(seg)) continue;
    switch (seg.id) {
      case "BSN":
        bsn = seg;
        break;
      case "HL": {
        hlCount++;
        const id = ctx.required(seg, 1, "hierarchical id");
        level = { id, parent: ctx.text(seg, 2) ?? "", code: ctx.required(seg, 3, "hierarchical level code") };
        if (levels.has(id)) ctx.fail(seg, `HL01 ${id} is used twice`, { element: 1, badValue: id });
        if (level.parent && !levels.has(level.parent)) {
          ctx.fail(seg, `HL02 parent ${level.parent} is not an earlier HL`, { element: 2, badValue: level.parent });
        }
        levels.set(id, level);
        item = undefined;
        break;
      }
      case "PRF": {
        const po = ctx.required(seg, 1, "purchase order number");
        if (level) level.po = po;
        if (!poOrder.includes(po)) poOrder.push(po);
        break;
      }
      case "LIN": {
        if (level?.code !== "I") break;
        const ids = decodeItemIds(ctx, seg, 2);
        const lineId = ctx.text(seg, 1);
        item = {
          hl: level,
          segment: seg,
          line: {
            ...(lineId ? { lineId } : {}),
            item: ids.item,
            quantityShipped: "0",
            uom: "each",
            ...(ids.lot ? { lot: ids.lot } : {}),
            ...(ids.serial ? { serial: ids.serial } : {}),
          },
          hasQuantity: false,
        };
        lines.push(item);
        break;
      }
      case "PID":
        if (item && item.line.item.description === undefined && ctx.text(seg, 5)) {
          (item.line.item as { description?: string }).description = ctx.text(seg, 5)!.slice(0, 500);
        }
        break;
      case "SN1":
        if (item) {
          item.line.quantityShipped =
            ctx.decimal(seg, 2, { nonNegative: true }) ??
            ctx.fail(seg, "SN102 (units shipped) is required", { element: 2, elementCode: "1" });
          item.line.uom = ctx.uom(seg, 3);
          item.hasQuantity = true;
        }
        break;
      case "DTM": {
        const qualifier = ctx.text(seg, 1);
        if (item && qualifier === "036") {
          const d = ctx.date(seg, 2);
          if (d) item.line.expiresOn = d;
        } else if (shipmentLevel() && qualifier === "011") {
          const d = ctx.date(seg, 2);
          if (d) doc.shipDate = d;
        } else if (shipmentLevel() && qualifier === "017") {
          const d = ctx.date(seg, 2);
          if (d) doc.expectedDelivery = d;
        }
        break;
      }
      case "TD5":
        if (shipmentLevel() && doc.carrier === undefined) {
          const carrier = ctx.text(seg, 3) ?? ctx.text(seg, 5);
          if (carrier) doc.carrier = carrier.slice(0, 80);
        }
        break;
      case "REF": {
        const q = ctx.text(seg, 1);
        const v = ctx.text(seg, 2);
        if (shipmentLevel() && v && (q === "CN" || q === "2I")) doc.trackingNumbers.push(v);
        if (item && v && q === "LT") item.line.lot ??= v;
        if (item && v && q === "SE") item.line.serial ??= v;
        break;
      }
      case "N1":
        if (shipmentLevel()) parties.n1(seg);
        break;
      case "CTT":
        ctt = seg;
        break;
    }
  }
  if (bsn === undefined) return ctx.missingSegment("BSN", "beginning segment for ship notice");
  const orders = new Map<string, Mutable<ShipNotice["orders"][number]> & { lines: ShipNoticeLine[] }>();
  for (const po of poOrder) orders.set(po, { purchaseOrderId: po, lines: [] });
  for (const draft of lines) {
    if (!draft.hasQuantity) ctx.fail(draft.segment, "the item has no SN1 (units shipped)", { segmentCode: "3" });
    if (!hasIdentity(draft.line.item))
      ctx.fail(draft.segment, "LIN carries no product id", { element: 2, elementCode: "1" });
    let at: Level | undefined = draft.hl;
    while (at && at.po === undefined) at = levels.get(at.parent);
    if (at?.po === undefined)
      ctx.fail(draft.segment, "the item's HL has no PRF (purchase order) on it or above it", { segmentCode: "3" });
    orders.get(at.po)!.lines.push(draft.line);
  }
  if (orders.size === 0) ctx.missingSegment("PRF", "a ship notice needs at least one purchase order");
  if (ctt && ctx.text(ctt, 1) !== String(hlCount)) {
    ctx.warn(ctt, 1, "x12.ctt-hl-count", `CTT01 says ${ctx.text(ctt, 1)} HL segments; the notice has ${hlCount}`);
  }
  const purposeCode = ctx.text(bsn, 1) ?? "";
  if (PURPOSE[purposeCode] === undefined)
    ctx.warn(bsn, 1, "x12.purpose-defaulted", `BSN01 ${JSON.stringify(purposeCode)} read as original`);
  return decoded(ctx, "ship-notice", {
    kind: "ship-notice",
    id: ctx.required(bsn, 2, "shipment id"),
    purpose: PURPOSE[purposeCode] ?? "original",
    noticeDate: ctx.date(bsn, 3) ?? ctx.fail(bsn, "BSN03 (date) is required", { element: 3, elementCode: "1" }),
    ...(doc.shipDate ? { shipDate: doc.shipDate } : {}),
    ...(doc.expectedDelivery ? { expectedDelivery: doc.expectedDelivery } : {}),
    ...(doc.carrier ? { carrier: doc.carrier } : {}),
    trackingNumbers: doc.trackingNumbers,
    parties: parties.parties,
    orders: [...orders.values()],
  });
}

/** Shipment → Order → Item hierarchy (BSN05 0001 without the pack level). */
export function encodeShipNotice(doc: ShipNotice, ctx: EncodeContext): SegmentValues[] {
  const sn = checkedForEncode(ctx, "ship-notice", doc);
  const out: SegmentValues[] = [["BSN", BSN01[sn.purpose], sn.id, x12Date(sn.noticeDate), ctx.stamp().time, "0001"]];
  if (sn.shipDate) out.push(["DTM", "011", x12Date(sn.shipDate)]);
  if (sn.expectedDelivery) out.push(["DTM", "017", x12Date(sn.expectedDelivery)]);
  let hl = 1;
  out.push(["HL", "1", "", "S"]);
  if (sn.carrier) out.push(["TD5", "", "2", sn.carrier]);
  for (const t of sn.trackingNumbers) out.push(["REF", "CN", t]);
  out.push(...ctx.parties(sn.parties));
  for (const order of sn.orders) {
    const orderHl = String(++hl);
    out.push(["HL", orderHl, "1", "O"], ["PRF", order.purchaseOrderId]);
    for (const l of order.lines) {
      out.push(["HL", String(++hl), orderHl, "I"]);
      out.push([
        "LIN",
        l.lineId ?? "",
        ...encodeItemIds(l.item, { ...(l.lot ? { lot: l.lot } : {}), ...(l.serial ? { serial: l.serial } : {}) }),
      ]);
      if (l.item.description) out.push(["PID", "F", "", "", "", l.item.description]);
      out.push(["SN1", "", l.quantityShipped, ctx.uom(l.uom)]);
      if (l.expiresOn) out.push(["DTM", "036", x12Date(l.expiresOn)]);
    }
  }
  out.push(["CTT", String(hl)]);
  return out;
}
