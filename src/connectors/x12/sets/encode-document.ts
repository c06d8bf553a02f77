import { Errors } from "../../../errors/index.js";
import type { Issue } from "../../../model/issue.js";
import type { EncodedSet, InterchangeEnvelope } from "../envelope/encode-interchange.js";
import { encodeInterchange } from "../envelope/encode-interchange.js";
import type { MappedDocument } from "./decode-document.js";
import { EncodeContext } from "./encode-context.js";
import { encodeInvoice } from "./invoice-810.js";
import { encodeOrderConfirmation } from "./order-confirmation-855.js";
import { encodePayment } from "./payment-820.js";
import { encodePriceAuthorization } from "./price-authorization-845.js";
import { encodePriceCatalog } from "./price-catalog-832.js";
import { encodePurchaseOrder } from "./purchase-order-850.js";
import { encodeShipNotice } from "./ship-notice-856.js";
import { MAPPED_SETS, SET_BY_KIND } from "./transaction-sets.js";
import { compileX12Options, type X12PartnerOptions } from "./x12-options.js";

export interface EncodedDocument extends EncodedSet {
  /** What the X12 set could not carry (extra party ids, canonical-only ids …). */
  readonly warnings: readonly Issue[];
}

/** Canonical document → transaction set body (ST/SE added by encodeInterchange). */
export function encodeDocument(doc: MappedDocument, options: X12PartnerOptions = {}): EncodedDocument {
  const compiled = compileX12Options(options);
  const setId = SET_BY_KIND[doc.kind as keyof typeof SET_BY_KIND];
  if (setId === undefined) {
    throw Errors.EdiUnsupported(
      `canonical ${JSON.stringify((doc as { kind?: unknown }).kind)} documents have no X12 mapping`,
    );
  }
  const ctx = new EncodeContext(compiled);
  let segments: EncodedSet["segments"];
  switch (doc.kind) {
    case "price-catalog":
      segments = encodePriceCatalog(doc, ctx);
      break;
    case "price-authorization":
      segments = encodePriceAuthorization(doc, ctx);
      break;
    case "purchase-order":
      segments = encodePurchaseOrder(doc, ctx);
      break;
    case "order-confirmation":
      segments = encodeOrderConfirmation(doc, ctx);
      break;
    case "ship-notice":
      segments = encodeShipNotice(doc, ctx);
      break;
    case "invoice":
      segments = encodeInvoice(doc, ctx);
      break;
    case "payment":
      segments = encodePayment(doc, ctx);
      break;
  }
  return {
    setId,
    functionalId: MAPPED_SETS[setId].functionalId,
    version: compiled.version,
    segments,
    warnings: ctx.warnings,
  };
}

/** Encodes documents into one interchange; ISA12 follows the version (00401 or 00501). */
export function encodeDocuments(
  docs: readonly MappedDocument[],
  envelope: InterchangeEnvelope,
  options: X12PartnerOptions = {},
): { readonly text: string; readonly warnings: readonly Issue[] } {
  const sets = docs.map((d) => encodeDocument(d, options));
  const controlVersion = envelope.controlVersion ?? controlVersionOf(options.version ?? "004010");
  return { text: encodeInterchange({ ...envelope, controlVersion }, sets), warnings: sets.flatMap((s) => s.warnings) };
}

/** ISA12 for a GS08 version: 00401 for 004010, 00501 for 005010. */
export function controlVersionOf(version: "004010" | "005010"): string {
  return version === "005010" ? "00501" : "00401";
}
