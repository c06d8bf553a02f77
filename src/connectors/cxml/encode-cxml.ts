import { Errors } from "../../errors/index.js";
import { type DocumentKind, validateDocument } from "../../model/index.js";
import { writeXml, type XmlElement, xmlElement } from "../xml/index.js";
import { encodeConfirmationRequest } from "./confirmation-request.js";
import type { CxmlBody, CxmlMessage } from "./cxml-types.js";
import { dtdFor } from "./doctype.js";
import { encodeHeader } from "./envelope.js";
import { encodeInvoiceDetailRequest } from "./invoice-detail-request.js";
import { type EncodeContext, encodeOrderRequest } from "./order-request.js";
import { encodePunchOutOrderMessage, encodePunchOutSetupRequest } from "./punch-out.js";
import { encodeShipNoticeRequest } from "./ship-notice-request.js";
import { encodeStatus, encodeStatusUpdateRequest } from "./status-update-request.js";

export interface EncodeCxmlOptions {
  /** Currency for Money in documents whose canonical form has none (confirmations). Default USD. */
  readonly currency?: string;
  /** Indentation; "" writes one line. */
  readonly indent?: string;
}

const CANONICAL: Partial<Record<CxmlBody["type"], DocumentKind>> = {
  OrderRequest: "purchase-order",
  ConfirmationRequest: "order-confirmation",
  ShipNoticeRequest: "ship-notice",
  InvoiceDetailRequest: "invoice",
};

function encodeBody(
  body: CxmlBody,
  ctx: EncodeContext,
): { container: "Request" | "Message" | "Response"; el: XmlElement[] } {
  switch (body.type) {
    case "OrderRequest":
      return { container: "Request", el: [encodeOrderRequest(body.document, ctx)] };
    case "ConfirmationRequest":
      return { container: "Request", el: [encodeConfirmationRequest(body.document, ctx)] };
    case "ShipNoticeRequest":
      return { container: "Request", el: [encodeShipNoticeRequest(body.document, ctx)] };
    case "InvoiceDetailRequest":
      return { container: "Request", el: [encodeInvoiceDetailRequest(body.document, ctx)] };
    case "StatusUpdateRequest":
      return { container: "Request", el: [encodeStatusUpdateRequest(body.statusUpdate, ctx.lang)] };
    case "PunchOutSetupRequest":
      return { container: "Request", el: [encodePunchOutSetupRequest(body.punchOut, ctx.lang)] };
    case "PunchOutOrderMessage":
      return { container: "Message", el: [encodePunchOutOrderMessage(body.punchOut, ctx.lang)] };
    case "Response":
      return {
        container: "Response",
        el: [
          encodeStatus(body.status, ctx.lang),
          ...(body.startPageUrl === undefined
            ? []
            : [
                xmlElement(
                  "PunchOutSetupResponse",
                  {},
                  xmlElement("StartPage", {}, xmlElement("URL", {}, body.startPageUrl)),
                ),
              ]),
        ],
      };
    default:
      throw Errors.CxmlDocument(`cannot encode a cXML ${body.type} ${(body as { element?: string }).element ?? ""}`);
  }
}

/**
 * Writes a cXML 1.2 document with a DOCTYPE line and elements in DTD order
 * (cXML.dtd/Fulfill.dtd/InvoiceDetail.dtd 1.2.050). Canonical documents are validated first;
 * decodeCxml(encodeCxml(m)) gives back m's envelope and body.
 */
export function encodeCxml(message: CxmlMessage, options: EncodeCxmlOptions = {}): string {
  const { envelope, body } = message;
  const kind = CANONICAL[body.type];
  if (kind && "document" in body) {
    const checked = validateDocument(kind, body.document);
    if (!checked.ok) {
      throw Errors.CxmlDocument(
        `cannot encode an invalid ${kind}: ${checked.issues[0]!.path} ${checked.issues[0]!.message}`,
        {
          issues: checked.issues,
        },
      );
    }
  }
  const lang = envelope.lang ?? "en-US";
  const ctx: EncodeContext = { lang, currency: options.currency ?? "USD" };
  const { container, el } = encodeBody(body, ctx);
  const root = xmlElement(
    "cXML",
    {
      payloadID: envelope.payloadId,
      timestamp: envelope.timestamp,
      version: envelope.version,
      "xml:lang": envelope.lang,
    },
    container !== "Response" && encodeHeader(envelope, true),
    xmlElement(container, container === "Response" ? {} : { deploymentMode: envelope.deploymentMode }, el),
  );
  return writeXml(root, {
    doctype: { name: "cXML", systemId: dtdFor(body.type) },
    ...(options.indent === undefined ? {} : { indent: options.indent }),
  });
}
