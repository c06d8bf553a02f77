import type { CxmlBodyType } from "./cxml-types.js";

/** The DTD version Concord writes against (element order follows it). */
export const CXML_DTD_VERSION = "1.2.050";

/** Fulfill.dtd holds confirmations and ship notices, InvoiceDetail.dtd invoices, cXML.dtd the rest. */
export function dtdFor(type: CxmlBodyType): string {
  const file =
    type === "ConfirmationRequest" || type === "ShipNoticeRequest"
      ? "Fulfill.dtd"
      : type === "InvoiceDetailRequest"
        ? "InvoiceDetail.dtd"
        : "cXML.dtd";
  return `http://xml.cxml.org/schemas/cXML/${CXML_DTD_VERSION}/${file}`;
}
