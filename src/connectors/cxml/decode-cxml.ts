import { ConcordError, Errors } from "../../errors/index.js";
import { type DocumentKind, type Issue, type Uom, validateDocument } from "../../model/index.js";
import { readXml, type XmlLimits } from "../xml/index.js";
import { decodeConfirmationRequest } from "./confirmation-request.js";
import { CxmlCursor, type DecodeContext } from "./cxml-cursor.js";
import type { CxmlBody, CxmlEnvelope, CxmlQuirk } from "./cxml-types.js";
import { decodeEnvelope } from "./envelope.js";
import { decodeInvoiceDetailRequest } from "./invoice-detail-request.js";
import { decodeOrderRequest } from "./order-request.js";
import { decodePunchOutOrderMessage, decodePunchOutSetupRequest } from "./punch-out.js";
import { decodeShipNoticeRequest } from "./ship-notice-request.js";
import { decodeStatus, decodeStatusUpdateRequest } from "./status-update-request.js";

export interface DecodeCxmlOptions {
  readonly limits?: XmlLimits;
  /** The partner's UnitOfMeasure overrides, e.g. { CA: "case" } for a partner who sends X12 codes. */
  readonly uomOverrides?: Readonly<Record<string, Uom>>;
}

export interface DecodedCxml {
  readonly envelope: CxmlEnvelope;
  readonly body: CxmlBody;
  /** Problems that did not stop decoding (a bad UNSPSC, a GTIN check digit), by XPath. */
  readonly warnings: readonly Issue[];
  /** Deviations from cXML 1.2 that were tolerated. */
  readonly quirks: readonly CxmlQuirk[];
}

const CANONICAL: Readonly<Record<string, DocumentKind>> = {
  OrderRequest: "purchase-order",
  ConfirmationRequest: "order-confirmation",
  ShipNoticeRequest: "ship-notice",
  InvoiceDetailRequest: "invoice",
};

function decodeRequest(doc: CxmlCursor): CxmlBody {
  switch (doc.el.name) {
    case "OrderRequest":
      return { type: "OrderRequest", document: decodeOrderRequest(doc) };
    case "ConfirmationRequest":
      return { type: "ConfirmationRequest", document: decodeConfirmationRequest(doc) };
    case "ShipNoticeRequest":
      return { type: "ShipNoticeRequest", document: decodeShipNoticeRequest(doc) };
    case "InvoiceDetailRequest":
      return { type: "InvoiceDetailRequest", document: decodeInvoiceDetailRequest(doc) };
    case "StatusUpdateRequest":
      return { type: "StatusUpdateRequest", statusUpdate: decodeStatusUpdateRequest(doc) };
    case "PunchOutSetupRequest":
      return { type: "PunchOutSetupRequest", punchOut: decodePunchOutSetupRequest(doc) };
    default:
      return { type: "Unsupported", container: "Request", element: doc.el.name };
  }
}

function decodeBody(container: CxmlCursor): CxmlBody {
  const name = container.el.name;
  if (name === "Response") {
    const startPageUrl = container.child("PunchOutSetupResponse")?.child("StartPage")?.childText("URL");
    return {
      type: "Response",
      status: decodeStatus(container.requireChild("Status")),
      ...(startPageUrl === undefined ? {} : { startPageUrl }),
    };
  }
  const doc = container.el.children.find((c) => typeof c !== "string" && c.name !== "Status");
  if (doc === undefined || typeof doc === "string") throw container.fail(`<${name}> is empty`);
  const cursor = new CxmlCursor(doc, `${container.path}/${doc.name}`, container.ctx);
  if (name === "Request") return decodeRequest(cursor);
  if (doc.name === "PunchOutOrderMessage") {
    return { type: "PunchOutOrderMessage", punchOut: decodePunchOutOrderMessage(cursor) };
  }
  return { type: "Unsupported", container: "Message", element: doc.name };
}

/**
 * Decodes a cXML 1.2 document: safe XML read, envelope (payloadID is the idempotency key), and the
 * body mapped to the canonical model and validated. Throws only ConcordErrors: the XML codes,
 * or CONCORD_ERR_CXML_DOCUMENT with the XPath of the problem. Credentials are checked separately
 * (verifyCxmlCredentials), because the partner is only known once the envelope is read.
 */
export function decodeCxml(input: string | Uint8Array, options: DecodeCxmlOptions = {}): DecodedCxml {
  try {
    return decode(input, options);
  } catch (e) {
    if (e instanceof ConcordError) throw e;
    // A bug or an input no rule foresaw: still a coded, non-retryable decode error, never a crash.
    throw Errors.CxmlDocument(`cXML cannot be decoded: ${e instanceof Error ? e.message : String(e)}`, {}, e);
  }
}

function decode(input: string | Uint8Array, options: DecodeCxmlOptions): DecodedCxml {
  const xml = readXml(input, options.limits ? { limits: options.limits } : {});
  const quirks: CxmlQuirk[] = [];
  if (!xml.hasDeclaration) quirks.push("no-xml-declaration");
  const rootName = xml.root.name;
  if (rootName.toLowerCase() !== "cxml") {
    throw Errors.CxmlDocument(`the root element is <${rootName}>, not <cXML>`, { path: `/${rootName}` });
  }
  if (rootName !== "cXML") quirks.push("root-element-case");
  const ctx: DecodeContext = { warnings: [], ...(options.uomOverrides ? { uomOverrides: options.uomOverrides } : {}) };
  const root = new CxmlCursor(xml.root, `/${rootName}`, ctx);
  const containers = ["Request", "Message", "Response"].map((n) => root.child(n)).filter((c) => c !== undefined);
  if (containers.length !== 1) throw root.fail("expected exactly one of <Request>, <Message> or <Response>");
  const container = containers[0]!;
  if (container.el.name !== "Response" && !root.child("Header")) throw root.fail("<Header> is missing");
  const envelope = decodeEnvelope(root, container, quirks);
  const body = decodeBody(container);
  if ("document" in body) {
    const kind = CANONICAL[body.type]!;
    const checked = validateDocument(kind, body.document);
    if (!checked.ok) {
      const first = checked.issues[0]!;
      throw Errors.CxmlDocument(
        `cXML ${body.type} maps to an invalid ${kind}: ${first.path} ${first.message}` +
          (checked.issues.length > 1 ? ` (and ${checked.issues.length - 1} more)` : ""),
        { path: container.path, issues: checked.issues },
      );
    }
  }
  return { envelope, body, warnings: ctx.warnings, quirks };
}
