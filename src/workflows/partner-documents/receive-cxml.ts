import { type CxmlPartnerRegistry, decodeCxml, verifyCxmlCredentials } from "../../connectors/cxml/index.js";
import { Errors } from "../../errors/index.js";
import { acceptPartnerMessage, type PartnerIntakeDeps } from "./accept-partner-message.js";
import type { PartnerDocument, PartnerMessageOutcome } from "./partner-message.js";

export interface CxmlIntakeDeps extends PartnerIntakeDeps {
  readonly cxmlPartners: CxmlPartnerRegistry;
}

/**
 * A cXML request from a trading partner: safe XML read, Sender credentials checked (shared secret
 * in constant time), decoded again with the partner's own unit codes when it has any, and kept with
 * its document in one transaction. The payloadID is the message id: a re-sent request is answered
 * with the first outcome. Punch-out sessions are a shopping flow, not documents, and are refused here.
 */
export async function receiveCxml(
  deps: CxmlIntakeDeps,
  raw: string,
  correlationId: string,
): Promise<PartnerMessageOutcome & { payloadId: string }> {
  const first = decodeCxml(raw);
  const partner = verifyCxmlCredentials(first.envelope, deps.cxmlPartners);
  const decoded =
    Object.keys(partner.uomOverrides).length > 0 ? decodeCxml(raw, { uomOverrides: partner.uomOverrides }) : first;
  const body = decoded.body;
  const documents: PartnerDocument[] = [];
  switch (body.type) {
    case "OrderRequest":
    case "ConfirmationRequest":
    case "ShipNoticeRequest":
    case "InvoiceDetailRequest":
      documents.push({ format: `cxml-${body.type}`, document: body.document, warnings: decoded.warnings });
      break;
    case "StatusUpdateRequest":
      // Kept raw (an audit record of what the partner said about a document); no canonical document.
      break;
    default:
      throw Errors.CxmlDocument(
        `cXML ${body.type === "Unsupported" ? body.element : body.type} is not accepted here: Concord takes OrderRequest, ConfirmationRequest, ShipNoticeRequest, InvoiceDetailRequest and StatusUpdateRequest`,
        { payloadId: decoded.envelope.payloadId },
      );
  }
  const outcome = await acceptPartnerMessage(deps, {
    partner: partner.system,
    messageType: `cxml-${body.type}`,
    messageId: decoded.envelope.payloadId,
    contentType: "text/xml",
    rawBody: raw,
    correlationId,
    documents,
  });
  return { ...outcome, payloadId: decoded.envelope.payloadId };
}
