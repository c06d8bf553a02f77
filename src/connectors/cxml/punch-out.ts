import type { ItemRef } from "../../model/index.js";
import { type XmlElement, xmlElement } from "../xml/index.js";
import type { CxmlCursor } from "./cxml-cursor.js";
import type {
  PunchOutContact,
  PunchOutItem,
  PunchOutOperation,
  PunchOutOrderMessage,
  PunchOutSetupRequest,
} from "./cxml-types.js";
import { attrDate, moneyIn, toDecimal } from "./cxml-values.js";
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
import { lineNumber } from "./order-request.js";
import { decodeAddressParty, encodeAddress } from "./parties.js";
import { decodeUom, uomCode } from "./uom-code.js";

const OPERATIONS: readonly PunchOutOperation[] = ["create", "edit", "inspect"];

function operation(at: CxmlCursor, name: string): PunchOutOperation {
  const raw = at.attr(name) ?? "create";
  const op = OPERATIONS.find((o) => o === raw);
  if (!op) throw at.fail(`${name} ${JSON.stringify(raw)} is not create, edit or inspect`);
  return op;
}

/**
 * ItemOut (setup) or ItemIn (cart). Each line keeps its own currency: a cart is priced by the
 * supplier's site and Concord does not convert.
 */
function decodeItem(it: CxmlCursor): PunchOutItem {
  const detail = it.requireChild("ItemDetail");
  const item: MutableItemRef = {};
  decodeItemId(it.child("ItemID"), item);
  decodeItemFacts(detail, item);
  const priceHolder = detail.requireChild("UnitPrice");
  const money = priceHolder.requireChild("Money");
  // Lines may be priced in different currencies; read each without the document-wide check.
  const saved = it.ctx.currency;
  it.ctx.currency = undefined;
  const unitPrice = moneyIn(priceHolder);
  it.ctx.currency = saved;
  if (unitPrice === undefined) throw money.fail("UnitPrice/Money is empty");
  const lineId = it.attr("lineNumber");
  const requestedDelivery = attrDate(it, "requestedDeliveryDate");
  return {
    ...(lineId === undefined ? {} : { lineId }),
    item: finishItem(item, it),
    quantity: toDecimal(it.requireAttr("quantity"), it, "@quantity"),
    uom: decodeUom(detail),
    unitPrice,
    currency: money.requireAttr("currency").toUpperCase(),
    ...(requestedDelivery === undefined ? {} : { requestedDelivery }),
  };
}

function encodeItem(name: "ItemOut" | "ItemIn", p: PunchOutItem, path: string, lang: string): XmlElement {
  return xmlElement(
    name,
    {
      quantity: p.quantity,
      lineNumber: p.lineId === undefined ? undefined : lineNumber(p.lineId, path),
      requestedDeliveryDate: p.requestedDelivery,
    },
    encodeItemId(p.item),
    xmlElement(
      "ItemDetail",
      {},
      moneyElement("UnitPrice", p.unitPrice, p.currency),
      encodeDescription(p.item, lang),
      xmlElement("UnitOfMeasure", {}, uomCode(p.uom)),
      encodeClassification(p.item),
      encodeManufacturerPartId(p.item),
    ),
  );
}

function decodeSelectedItem(sel: CxmlCursor | undefined): ItemRef | undefined {
  if (!sel) return undefined;
  const item: MutableItemRef = {};
  decodeItemId(sel.child("ItemID"), item);
  return finishItem(item, sel);
}

export function decodePunchOutSetupRequest(req: CxmlCursor): PunchOutSetupRequest {
  const buyerCookie = req.requireChild("BuyerCookie").text();
  if (buyerCookie === undefined) throw req.fail("BuyerCookie is empty");
  const browserFormPostUrl = req.child("BrowserFormPost")?.childText("URL");
  const supplierSetupUrl = req.child("SupplierSetup")?.childText("URL");
  const shipTo = decodeAddressParty(req.child("ShipTo"), "ship-to");
  const selectedItem = decodeSelectedItem(req.child("SelectedItem"));
  const contacts: PunchOutContact[] = req.children("Contact").map((c) => {
    const role = c.attr("role");
    const email = c.childText("Email");
    return {
      ...(role === undefined ? {} : { role }),
      name: c.childText("Name") ?? "",
      ...(email === undefined ? {} : { email }),
    };
  });
  return {
    operation: operation(req, "operation"),
    buyerCookie,
    extrinsics: req.children("Extrinsic").map((x) => ({ name: x.requireAttr("name"), value: x.text() ?? "" })),
    ...(browserFormPostUrl === undefined ? {} : { browserFormPostUrl }),
    contacts,
    ...(supplierSetupUrl === undefined ? {} : { supplierSetupUrl }),
    ...(shipTo ? { shipTo } : {}),
    ...(selectedItem ? { selectedItem } : {}),
    items: req.children("ItemOut").map(decodeItem),
  };
}

/** DTD order: BuyerCookie, Extrinsic*, BrowserFormPost?, Contact*, SupplierSetup?, ShipTo?, SelectedItem?, ItemOut*. */
export function encodePunchOutSetupRequest(p: PunchOutSetupRequest, lang: string): XmlElement {
  return xmlElement(
    "PunchOutSetupRequest",
    { operation: p.operation },
    xmlElement("BuyerCookie", {}, p.buyerCookie),
    p.extrinsics.map((x) => xmlElement("Extrinsic", { name: x.name }, x.value)),
    p.browserFormPostUrl !== undefined &&
      xmlElement("BrowserFormPost", {}, xmlElement("URL", {}, p.browserFormPostUrl)),
    p.contacts.map((c) =>
      xmlElement(
        "Contact",
        { role: c.role },
        xmlElement("Name", { "xml:lang": lang }, c.name),
        c.email !== undefined && xmlElement("Email", {}, c.email),
      ),
    ),
    p.supplierSetupUrl !== undefined && xmlElement("SupplierSetup", {}, xmlElement("URL", {}, p.supplierSetupUrl)),
    p.shipTo && xmlElement("ShipTo", {}, encodeAddress(p.shipTo, lang)),
    p.selectedItem && xmlElement("SelectedItem", {}, encodeItemId(p.selectedItem)),
    p.items.map((it, i) => encodeItem("ItemOut", it, `/items/${i}/lineId`, lang)),
  );
}

export function decodePunchOutOrderMessage(msg: CxmlCursor): PunchOutOrderMessage {
  const buyerCookie = msg.requireChild("BuyerCookie").text();
  if (buyerCookie === undefined) throw msg.fail("BuyerCookie is empty");
  const header = msg.requireChild("PunchOutOrderMessageHeader");
  const totalMoney = header.requireChild("Total").requireChild("Money");
  const amount = totalMoney.text();
  const total =
    amount === undefined
      ? undefined
      : { amount: toDecimal(amount, totalMoney, "Money"), currency: totalMoney.requireAttr("currency").toUpperCase() };
  return {
    buyerCookie,
    operationAllowed: operation(header, "operationAllowed"),
    ...(total ? { total } : {}),
    items: msg.children("ItemIn").map(decodeItem),
  };
}

export function encodePunchOutOrderMessage(p: PunchOutOrderMessage, lang: string): XmlElement {
  const currency = p.total?.currency ?? p.items[0]?.currency ?? "USD";
  return xmlElement(
    "PunchOutOrderMessage",
    {},
    xmlElement("BuyerCookie", {}, p.buyerCookie),
    xmlElement(
      "PunchOutOrderMessageHeader",
      { operationAllowed: p.operationAllowed },
      moneyElement("Total", p.total?.amount ?? "", currency),
    ),
    p.items.map((it, i) => encodeItem("ItemIn", it, `/items/${i}/lineId`, lang)),
  );
}
