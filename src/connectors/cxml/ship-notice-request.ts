import type { ShipNotice, ShipNoticeLine } from "../../model/index.js";
import { type XmlElement, xmlElement } from "../xml/index.js";
import { encodeOrderReference, orderReferenceId } from "./confirmation-request.js";
import type { CxmlCursor } from "./cxml-cursor.js";
import { attrDate, dateTimeOf, toDate, toDecimal } from "./cxml-values.js";
import {
  decodeItemFacts,
  decodeItemId,
  encodeClassification,
  encodeDescription,
  encodeItemId,
  encodeManufacturerPartId,
  finishItem,
  type MutableItemRef,
} from "./item-ref.js";
import { type EncodeContext, lineNumber } from "./order-request.js";
import { decodeContactParty, encodeContact } from "./parties.js";
import { decodeUom, uomCode } from "./uom-code.js";

const PURPOSE = { new: "original", update: "replace", delete: "cancel" } as const;
const OPERATION = { original: "new", replace: "update", cancel: "delete" } as const;

function decodeShipNoticeItem(it: CxmlCursor): ShipNoticeLine {
  const item: MutableItemRef = {};
  decodeItemId(it.child("ItemID"), item);
  decodeItemFacts(it.child("ShipNoticeItemDetail"), item);
  const lineId = it.attr("lineNumber");
  const batch = it.child("Batch");
  const lot = batch?.childText("SupplierBatchID") ?? it.childText("SupplierBatchID");
  const expiresOn = batch ? attrDate(batch, "expirationDate") : undefined;
  const serial = it.child("AssetInfo")?.attr("serialNumber");
  return {
    ...(lineId === undefined ? {} : { lineId }),
    item: finishItem(item, it),
    quantityShipped: toDecimal(it.requireAttr("quantity"), it, "@quantity"),
    uom: decodeUom(it),
    ...(lot === undefined ? {} : { lot }),
    ...(serial === undefined ? {} : { serial }),
    ...(expiresOn === undefined ? {} : { expiresOn }),
  };
}

/**
 * `<ShipNoticeRequest>` → ShipNotice. The carrier is the SCAC CarrierIdentifier when there is one,
 * else the first; every ShipControl's ShipmentIdentifier is a tracking number.
 */
export function decodeShipNoticeRequest(req: CxmlCursor): ShipNotice {
  const header = req.requireChild("ShipNoticeHeader");
  const operation = header.attr("operation") ?? "new";
  if (!Object.hasOwn(PURPOSE, operation))
    throw header.fail(`operation ${JSON.stringify(operation)} is not new, update or delete`);
  const controls = req.children("ShipControl");
  const carriers = controls.flatMap((c) => c.children("CarrierIdentifier"));
  const scac = carriers.find((c) => c.attr("domain")?.toUpperCase() === "SCAC")?.text();
  const carrier = scac ?? carriers.map((c) => c.text()).find((t) => t !== undefined);
  const trackingNumbers = controls.map((c) => c.childText("ShipmentIdentifier")).filter((t) => t !== undefined);
  const shipDate = attrDate(header, "shipmentDate");
  const expectedDelivery = attrDate(header, "deliveryDate");
  return {
    kind: "ship-notice",
    id: header.requireAttr("shipmentID"),
    purpose: PURPOSE[operation as keyof typeof PURPOSE],
    noticeDate: toDate(header.requireAttr("noticeDate"), header, "@noticeDate"),
    ...(shipDate === undefined ? {} : { shipDate }),
    ...(expectedDelivery === undefined ? {} : { expectedDelivery }),
    ...(carrier === undefined ? {} : { carrier }),
    trackingNumbers,
    parties: header
      .children("Contact")
      .map(decodeContactParty)
      .filter((p) => p !== undefined),
    orders: req.children("ShipNoticePortion").map((portion) => ({
      purchaseOrderId: orderReferenceId(portion.requireChild("OrderReference")),
      lines: portion.children("ShipNoticeItem").map(decodeShipNoticeItem),
    })),
  };
}

function encodeShipNoticeItem(l: ShipNoticeLine, path: string, ctx: EncodeContext): XmlElement {
  const i = l.item;
  const hasFacts = i.description !== undefined || i.unspsc !== undefined || i.manufacturerPartNo !== undefined;
  return xmlElement(
    "ShipNoticeItem",
    { quantity: l.quantityShipped, lineNumber: l.lineId === undefined ? undefined : lineNumber(l.lineId, path) },
    encodeItemId(i),
    hasFacts &&
      xmlElement(
        "ShipNoticeItemDetail",
        {},
        encodeDescription(i, ctx.lang),
        encodeClassification(i),
        encodeManufacturerPartId(i),
      ),
    xmlElement("UnitOfMeasure", {}, uomCode(l.uom)),
    (l.lot !== undefined || l.expiresOn !== undefined) &&
      xmlElement(
        "Batch",
        { expirationDate: l.expiresOn },
        l.lot !== undefined && xmlElement("SupplierBatchID", {}, l.lot),
      ),
    l.serial !== undefined && xmlElement("AssetInfo", { serialNumber: l.serial }),
  );
}

/** A carrier that looks like a SCAC (2–4 capitals) is sent with domain SCAC, anything else as companyName. */
function carrierElement(carrier: string | undefined): XmlElement {
  const domain = carrier !== undefined && /^[A-Z]{2,4}$/.test(carrier) ? "SCAC" : "companyName";
  return xmlElement("CarrierIdentifier", { domain }, carrier ?? "");
}

export function encodeShipNoticeRequest(sn: ShipNotice, ctx: EncodeContext): XmlElement {
  // ShipControl needs a CarrierIdentifier and a ShipmentIdentifier: one ShipControl per tracking number.
  const tracking = sn.trackingNumbers.length > 0 ? sn.trackingNumbers : sn.carrier !== undefined ? [""] : [];
  return xmlElement(
    "ShipNoticeRequest",
    {},
    xmlElement(
      "ShipNoticeHeader",
      {
        shipmentID: sn.id,
        operation: OPERATION[sn.purpose],
        noticeDate: dateTimeOf(sn.noticeDate),
        shipmentDate: sn.shipDate === undefined ? undefined : dateTimeOf(sn.shipDate),
        deliveryDate: sn.expectedDelivery === undefined ? undefined : dateTimeOf(sn.expectedDelivery),
      },
      sn.parties.map((p) => encodeContact(p, ctx.lang)),
    ),
    tracking.map((t) =>
      xmlElement("ShipControl", {}, carrierElement(sn.carrier), xmlElement("ShipmentIdentifier", {}, t)),
    ),
    sn.orders.map((o, oi) =>
      xmlElement(
        "ShipNoticePortion",
        {},
        encodeOrderReference(o.purchaseOrderId),
        o.lines.map((l, li) => encodeShipNoticeItem(l, `/orders/${oi}/lines/${li}/lineId`, ctx)),
      ),
    ),
  );
}
