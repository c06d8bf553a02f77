import { Errors } from "../../errors/index.js";
import {
  addDecimal,
  multiplyDecimal,
  type Party,
  type PurchaseOrder,
  type PurchaseOrderLine,
} from "../../model/index.js";
import { type XmlElement, xmlElement } from "../xml/index.js";
import type { CxmlCursor } from "./cxml-cursor.js";
import { attrDate, dateTimeOf, moneyIn, toDate, toDecimal } from "./cxml-values.js";
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
import { moneyElement } from "./money.js";
import { decodeAddressParty, decodeContactParty, encodeAddress, encodeContact } from "./parties.js";
import { decodePaymentTerms, encodePaymentTerms } from "./payment-term.js";
import { decodeUom, uomCode } from "./uom-code.js";

const PURPOSE = { new: "original", update: "change", delete: "cancel" } as const;
const TYPE = { original: "new", change: "update", cancel: "delete" } as const;
/** The ItemDetail Extrinsic that carries the contract a line was priced on (cXML has no element for it). */
export const CONTRACT_EXTRINSIC = "contractNumber";

export interface EncodeContext {
  readonly lang: string;
  /** For documents whose canonical form has no currency (confirmations). */
  readonly currency: string;
}

export function decodeParties(header: CxmlCursor): Party[] {
  const parties = [
    decodeAddressParty(header.child("ShipTo"), "ship-to"),
    decodeAddressParty(header.child("BillTo"), "bill-to"),
  ];
  for (const c of header.children("Contact")) parties.push(decodeContactParty(c));
  return parties.filter((p): p is Party => p !== undefined);
}

function decodeItemOut(it: CxmlCursor, index: number): PurchaseOrderLine {
  const detail = it.child("ItemDetail");
  if (!detail) throw it.fail("ItemOut without ItemDetail states no price or unit of measure");
  const item: MutableItemRef = {};
  decodeItemId(it.child("ItemID"), item);
  decodeItemFacts(detail, item);
  const unitPrice = moneyIn(detail.requireChild("UnitPrice"));
  if (unitPrice === undefined) throw detail.fail("UnitPrice/Money is empty");
  const contract = detail.children("Extrinsic").find((x) => x.attr("name")?.toLowerCase() === "contractnumber");
  const contractNumber = contract?.text();
  const requestedDelivery = attrDate(it, "requestedDeliveryDate");
  return {
    lineId: it.attr("lineNumber") ?? String(index + 1),
    item: finishItem(item, it),
    quantity: toDecimal(it.requireAttr("quantity"), it, "@quantity"),
    uom: decodeUom(detail),
    unitPrice,
    ...(contractNumber === undefined ? {} : { contractNumber }),
    ...(requestedDelivery === undefined ? {} : { requestedDelivery }),
  };
}

/** `<OrderRequest>` → PurchaseOrder (not yet validated: decodeCxml validates every document). */
export function decodeOrderRequest(req: CxmlCursor): PurchaseOrder {
  const header = req.requireChild("OrderRequestHeader");
  const type = header.attr("type") ?? "new";
  if (!Object.hasOwn(PURPOSE, type)) throw header.fail(`type ${JSON.stringify(type)} is not new, update or delete`);
  const total = moneyIn(header.requireChild("Total"));
  const parties = decodeParties(header);
  const paymentTerms = decodePaymentTerms(header.children("PaymentTerm"));
  const lines = req.children("ItemOut").map(decodeItemOut);
  const currency = req.ctx.currency;
  if (currency === undefined) throw header.fail("no Money states the order's currency");
  return {
    kind: "purchase-order",
    id: header.requireAttr("orderID"),
    purpose: PURPOSE[type as keyof typeof PURPOSE],
    orderDate: toDate(header.requireAttr("orderDate"), header, "@orderDate"),
    currency,
    parties,
    ...(paymentTerms ? { paymentTerms } : {}),
    lines,
    ...(total === undefined ? {} : { total }),
  };
}

/** cXML lineNumber is an unsigned integer; a canonical line id that is not one cannot be sent. */
export function lineNumber(lineId: string, path: string): string {
  if (!/^\d{1,9}$/.test(lineId)) {
    throw Errors.CxmlDocument(`cannot encode ${path}: cXML lineNumber must be digits, got ${JSON.stringify(lineId)}`, {
      path,
    });
  }
  return lineId;
}

/**
 * Header parties: the first ship-to and bill-to become ShipTo/BillTo (an Address, which carries
 * one id), every other party a Contact. BillTo is required by the DTD and written empty if absent.
 */
export function encodeHeaderParties(parties: readonly Party[], ctx: EncodeContext) {
  const shipTo = parties.find((p) => p.role === "ship-to");
  const billTo = parties.find((p) => p.role === "bill-to");
  for (const p of [shipTo, billTo]) {
    if (p && p.ids.length > 1) {
      throw Errors.CxmlDocument(
        `cannot encode the ${p.role} party: a cXML Address carries one id, it has ${p.ids.length}`,
        {
          path: `/parties/${parties.indexOf(p)}/ids`,
        },
      );
    }
  }
  return {
    shipTo: shipTo && xmlElement("ShipTo", {}, encodeAddress(shipTo, ctx.lang)),
    billTo: xmlElement("BillTo", {}, encodeAddress(billTo ?? { role: "bill-to", ids: [] }, ctx.lang)),
    contacts: parties.filter((p) => p !== shipTo && p !== billTo).map((p) => encodeContact(p, ctx.lang)),
  };
}

function linesTotal(po: PurchaseOrder): string {
  return po.lines.reduce((sum, l) => addDecimal(sum, multiplyDecimal(l.quantity, l.unitPrice)), "0");
}

export function encodeOrderRequest(po: PurchaseOrder, ctx: EncodeContext): XmlElement {
  const { shipTo, billTo, contacts } = encodeHeaderParties(po.parties, ctx);
  return xmlElement(
    "OrderRequest",
    {},
    xmlElement(
      "OrderRequestHeader",
      { orderID: po.id, orderDate: dateTimeOf(po.orderDate), type: TYPE[po.purpose] },
      // Total is required; an order without a stated total sends the sum of its lines.
      moneyElement("Total", po.total ?? linesTotal(po), po.currency),
      shipTo,
      billTo,
      encodePaymentTerms(po.paymentTerms),
      contacts,
    ),
    po.lines.map((l, i) =>
      xmlElement(
        "ItemOut",
        {
          quantity: l.quantity,
          lineNumber: lineNumber(l.lineId, `/lines/${i}/lineId`),
          requestedDeliveryDate: l.requestedDelivery,
        },
        encodeItemId(l.item),
        xmlElement(
          "ItemDetail",
          {},
          moneyElement("UnitPrice", l.unitPrice, po.currency),
          encodeDescription(l.item, ctx.lang),
          xmlElement("UnitOfMeasure", {}, uomCode(l.uom)),
          encodeClassification(l.item),
          encodeManufacturerPartId(l.item),
          l.contractNumber !== undefined && xmlElement("Extrinsic", { name: CONTRACT_EXTRINSIC }, l.contractNumber),
        ),
      ),
    ),
  );
}
