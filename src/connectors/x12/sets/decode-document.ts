import { Errors } from "../../../errors/index.js";
import type { Issue } from "../../../model/issue.js";
import type { DocumentTypes } from "../../../model/validate-document.js";
import type { TransactionSet } from "../envelope/interchange-types.js";
import { decodeInvoice } from "./invoice-810.js";
import { DecodeContext } from "./mapping-context.js";
import { decodeOrderConfirmation } from "./order-confirmation-855.js";
import { decodePayment } from "./payment-820.js";
import { decodePriceAuthorization } from "./price-authorization-845.js";
import { decodePriceCatalog } from "./price-catalog-832.js";
import { decodePurchaseOrder } from "./purchase-order-850.js";
import { decodeShipNotice } from "./ship-notice-856.js";
import { isMappedSet, type MappedKind } from "./transaction-sets.js";
import { type CompiledX12Options, compileX12Options, type X12PartnerOptions } from "./x12-options.js";

export type MappedDocument = DocumentTypes[MappedKind];

export interface DecodedDocument {
  readonly setId: string;
  readonly controlNumber: string;
  readonly document: MappedDocument;
  /** Tolerated deviations: bad check digits, defaulted currency, ignored qualifiers … */
  readonly warnings: readonly Issue[];
}

const DECODERS = {
  "832": decodePriceCatalog,
  "845": decodePriceAuthorization,
  "850": decodePurchaseOrder,
  "855": decodeOrderConfirmation,
  "856": decodeShipNotice,
  "810": decodeInvoice,
  "820": decodePayment,
} as const;

function isCompiled(o: X12PartnerOptions | CompiledX12Options): o is CompiledX12Options {
  return o.uomCodes instanceof Map;
}

/**
 * Maps one decoded transaction set to its canonical document, e.g.
 * `decodeDocument(decodeInterchange(text).groups[0].sets[0]).document`. Throws
 * CONCORD_ERR_EDI_MAPPING (positioned, with the AK3/AK4 codes) or CONCORD_ERR_EDI_UNSUPPORTED.
 */
export function decodeDocument(
  set: TransactionSet,
  options: X12PartnerOptions | CompiledX12Options = {},
): DecodedDocument {
  if (!isMappedSet(set.setId)) {
    throw Errors.EdiUnsupported(
      `transaction set ${set.setId} (ST02 ${set.controlNumber}) has no canonical mapping; Concord maps 832, 845, 850, 855, 856, 810 and 820`,
      {
        setId: set.setId,
        controlNumber: set.controlNumber,
      },
    );
  }
  const compiled = isCompiled(options) ? options : compileX12Options(options);
  const ctx = new DecodeContext(set, compiled);
  const document = DECODERS[set.setId](set, ctx);
  return { setId: set.setId, controlNumber: set.controlNumber, document, warnings: ctx.warnings };
}
