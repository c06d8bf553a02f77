import { type XmlElement, xmlElement } from "../xml/index.js";
import type { CxmlCursor } from "./cxml-cursor.js";
import {
  CXML_INVOICE_STATUS_TYPES,
  type CxmlInvoiceStatus,
  type CxmlStatus,
  type CxmlStatusUpdate,
} from "./cxml-types.js";

/** `<Status code text>message</Status>`; the code must be a 3-digit number. */
export function decodeStatus(st: CxmlCursor): CxmlStatus {
  const raw = st.requireAttr("code");
  if (!/^\d{3}$/.test(raw)) throw st.fail(`status code ${JSON.stringify(raw)} is not a 3-digit number`);
  const message = st.text();
  return { code: Number(raw), text: st.attr("text") ?? "", ...(message === undefined ? {} : { message }) };
}

export function encodeStatus(s: CxmlStatus, lang: string): XmlElement {
  return xmlElement(
    "Status",
    { code: String(s.code), text: s.text, "xml:lang": s.message === undefined ? undefined : lang },
    s.message,
  );
}

/** `<StatusUpdateRequest>`: which earlier document (by payloadID) and its status at the partner. */
export function decodeStatusUpdateRequest(req: CxmlCursor): CxmlStatusUpdate {
  const invoice = req.child("InvoiceStatus");
  return {
    documentPayloadId: req.requireChild("DocumentReference").requireAttr("payloadID"),
    status: decodeStatus(req.requireChild("Status")),
    ...(invoice ? { invoiceStatus: decodeInvoiceStatus(invoice) } : {}),
  };
}

export function encodeStatusUpdateRequest(u: CxmlStatusUpdate, lang: string): XmlElement {
  return xmlElement(
    "StatusUpdateRequest",
    {},
    xmlElement("DocumentReference", { payloadID: u.documentPayloadId }),
    encodeStatus(u.status, lang),
    u.invoiceStatus ? encodeInvoiceStatus(u.invoiceStatus, lang) : undefined,
  );
}

/** `<InvoiceStatus type><InvoiceIDInfo invoiceID invoiceDate/><PartialAmount><Money/></PartialAmount><Comments/>`. */
function decodeInvoiceStatus(el: CxmlCursor): CxmlInvoiceStatus {
  const type = el.requireAttr("type");
  if (!(CXML_INVOICE_STATUS_TYPES as readonly string[]).includes(type)) {
    throw el.fail(`InvoiceStatus type ${JSON.stringify(type)} is not one of ${CXML_INVOICE_STATUS_TYPES.join(", ")}`);
  }
  const info = el.requireChild("InvoiceIDInfo");
  const money = el.child("PartialAmount")?.requireChild("Money");
  const invoiceDate = info.attr("invoiceDate");
  const comments = el.child("Comments")?.text();
  return {
    type: type as CxmlInvoiceStatus["type"],
    invoiceId: info.requireAttr("invoiceID"),
    ...(invoiceDate ? { invoiceDate } : {}),
    ...(money ? { partialAmount: { value: money.text() ?? "", currency: money.requireAttr("currency") } } : {}),
    ...(comments ? { comments } : {}),
  };
}

function encodeInvoiceStatus(s: CxmlInvoiceStatus, lang: string): XmlElement {
  return xmlElement(
    "InvoiceStatus",
    { type: s.type },
    xmlElement("InvoiceIDInfo", { invoiceID: s.invoiceId, invoiceDate: s.invoiceDate }),
    s.partialAmount
      ? xmlElement(
          "PartialAmount",
          {},
          xmlElement("Money", { currency: s.partialAmount.currency }, s.partialAmount.value),
        )
      : undefined,
    s.comments === undefined ? undefined : xmlElement("Comments", { "xml:lang": lang }, s.comments),
  );
}
