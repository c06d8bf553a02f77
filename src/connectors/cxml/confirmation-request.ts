import type { OrderConfirmation, OrderConfirmationLine } from "../../model/index.js";
import { type XmlElement, xmlElement } from "../xml/index.js";
import type { CxmlCursor } from "./cxml-cursor.js";
import { attrDate, attrDecimal, dateTimeOf, moneyIn, toDate } from "./cxml-values.js";
import {
  decodeItemFacts,
  decodeItemId,
  encodeClassification,
  encodeDescription,
  encodeItemId,
  encodeManufacturerPartId,
  type MutableItemRef,
} from "./item-ref.js";
import { moneyElement } from "./money.js";
import { type EncodeContext, lineNumber } from "./order-request.js";
import { decodeContactParty, encodeContact } from "./parties.js";
import { decodeOptionalUom, uomCode } from "./uom-code.js";

type HeaderStatus = OrderConfirmation["status"];
type LineStatus = OrderConfirmationLine["status"];

/**
 * ConfirmationHeader@type. "detail" confirms only the lines listed (the rest are still open), so
 * it is `pending`; "allDetail", "except", "backordered" and "replace" state changes.
 */
const HEADER_STATUS: Readonly<Record<string, HeaderStatus>> = {
  accept: "accepted",
  reject: "rejected",
  detail: "pending",
  alldetail: "accepted-with-changes",
  except: "accepted-with-changes",
  backordered: "accepted-with-changes",
  replace: "accepted-with-changes",
  requesttopay: "pending",
};
const HEADER_TYPE: Readonly<Record<HeaderStatus, string>> = {
  accepted: "accept",
  rejected: "reject",
  pending: "detail",
  "accepted-with-changes": "allDetail",
};
const LINE_STATUS: Readonly<Record<string, LineStatus>> = {
  accept: "accepted",
  detail: "accepted-with-changes",
  alldetail: "accepted-with-changes",
  backordered: "backordered",
  reject: "rejected",
  unknown: "pending",
  requesttopay: "pending",
};
const LINE_TYPE: Readonly<Record<LineStatus, string>> = {
  accepted: "accept",
  "accepted-with-changes": "detail",
  backordered: "backordered",
  rejected: "reject",
  pending: "unknown",
};

/** OrderReference@orderID, else (as Coupa invoices do) only the PO's DocumentReference@payloadID. */
export function orderReferenceId(ref: CxmlCursor): string {
  const orderId = ref.attr("orderID");
  if (orderId !== undefined) return orderId;
  const payloadId = ref.child("DocumentReference")?.attr("payloadID");
  if (payloadId === undefined) throw ref.fail("OrderReference has neither orderID nor DocumentReference@payloadID");
  ref.warn("cxml.order-by-payload-id", `the order is referenced by payloadID ${payloadId} only, not by orderID`);
  return payloadId;
}

export function encodeOrderReference(purchaseOrderId: string): XmlElement {
  // The PO's payloadID is not part of the canonical document; the DTD requires the element.
  return xmlElement("OrderReference", { orderID: purchaseOrderId }, xmlElement("DocumentReference", { payloadID: "" }));
}

function decodeStatus(item: CxmlCursor, st: CxmlCursor): OrderConfirmationLine {
  const type = (st.attr("type") ?? "").toLowerCase();
  const status = LINE_STATUS[type];
  if (!status) throw st.fail(`ConfirmationStatus type ${JSON.stringify(st.attr("type"))} is not one Concord maps`);
  const itemIn = st.child("ItemIn");
  const ref: MutableItemRef = {};
  if (itemIn) {
    decodeItemId(itemIn.child("ItemID"), ref);
    decodeItemFacts(itemIn.child("ItemDetail"), ref);
  }
  const quantity = attrDecimal(st, "quantity");
  const uom = decodeOptionalUom(st);
  const unitPrice = moneyIn(st.child("UnitPrice"));
  const scheduledShipDate = attrDate(st, "shipmentDate");
  const note = st.childText("Comments");
  return {
    lineId: item.requireAttr("lineNumber"),
    ...(Object.keys(ref).length > 0 ? { item: ref } : {}),
    status,
    ...(quantity === undefined ? {} : { quantity }),
    ...(uom === undefined ? {} : { uom }),
    ...(unitPrice === undefined ? {} : { unitPrice }),
    ...(scheduledShipDate === undefined ? {} : { scheduledShipDate }),
    ...(note === undefined ? {} : { note }),
  };
}

/** `<ConfirmationRequest>` → OrderConfirmation: one canonical line per ConfirmationStatus. */
export function decodeConfirmationRequest(req: CxmlCursor): OrderConfirmation {
  const header = req.requireChild("ConfirmationHeader");
  const type = (header.attr("type") ?? "").toLowerCase();
  const status = HEADER_STATUS[type];
  if (!status) throw header.fail(`type ${JSON.stringify(header.attr("type"))} is not one Concord maps`);
  const id = header.attr("confirmID");
  const lines: OrderConfirmationLine[] = [];
  for (const item of req.children("ConfirmationItem")) {
    const statuses = item.children("ConfirmationStatus");
    if (statuses.length === 0) throw item.fail("ConfirmationItem has no ConfirmationStatus");
    for (const st of statuses) lines.push(decodeStatus(item, st));
  }
  return {
    kind: "order-confirmation",
    ...(id === undefined ? {} : { id }),
    purchaseOrderId: orderReferenceId(req.requireChild("OrderReference")),
    confirmationDate: toDate(header.requireAttr("noticeDate"), header, "@noticeDate"),
    status,
    parties: header
      .children("Contact")
      .map(decodeContactParty)
      .filter((p) => p !== undefined),
    lines,
  };
}

function encodeStatus(l: OrderConfirmationLine, ctx: EncodeContext): XmlElement {
  const uom = l.uom === undefined ? "" : uomCode(l.uom);
  return xmlElement(
    "ConfirmationStatus",
    {
      type: LINE_TYPE[l.status],
      quantity: l.quantity,
      shipmentDate: l.scheduledShipDate === undefined ? undefined : dateTimeOf(l.scheduledShipDate),
    },
    xmlElement("UnitOfMeasure", {}, uom),
    l.item &&
      xmlElement(
        "ItemIn",
        { quantity: l.quantity ?? "0" },
        encodeItemId(l.item),
        xmlElement(
          "ItemDetail",
          {},
          moneyElement("UnitPrice", l.unitPrice ?? "0", ctx.currency),
          encodeDescription(l.item, ctx.lang),
          xmlElement("UnitOfMeasure", {}, uom),
          encodeClassification(l.item),
          encodeManufacturerPartId(l.item),
        ),
      ),
    l.unitPrice !== undefined && moneyElement("UnitPrice", l.unitPrice, ctx.currency),
    l.note !== undefined && xmlElement("Comments", { "xml:lang": ctx.lang }, l.note),
  );
}

/** Consecutive canonical lines with one lineId become one ConfirmationItem with several statuses. */
export function encodeConfirmationRequest(c: OrderConfirmation, ctx: EncodeContext): XmlElement {
  const groups: OrderConfirmationLine[][] = [];
  for (const l of c.lines) {
    const last = groups.at(-1);
    if (last && last[0]!.lineId === l.lineId) last.push(l);
    else groups.push([l]);
  }
  return xmlElement(
    "ConfirmationRequest",
    {},
    xmlElement(
      "ConfirmationHeader",
      { type: HEADER_TYPE[c.status], noticeDate: dateTimeOf(c.confirmationDate), confirmID: c.id, operation: "new" },
      c.parties.map((p) => encodeContact(p, ctx.lang)),
    ),
    encodeOrderReference(c.purchaseOrderId),
    groups.map((g) => {
      const first = g[0]!;
      return xmlElement(
        "ConfirmationItem",
        {
          lineNumber: lineNumber(first.lineId, `/lines/${c.lines.indexOf(first)}/lineId`),
          quantity: first.quantity ?? "0",
        },
        xmlElement("UnitOfMeasure", {}, first.uom === undefined ? "" : uomCode(first.uom)),
        g.map((l) => encodeStatus(l, ctx)),
      );
    }),
  );
}
