import type { FunctionalAck } from "../../events/index.js";
import type { Issue, TradeDocument } from "../../model/index.js";

/** One decoded document of a partner message: canonical, with identities still as the partner sent them. */
export interface PartnerDocument {
  /** Where it came from inside the message, e.g. "ST 0001 (850)" or "OrderRequest". */
  readonly format: string;
  readonly document: TradeDocument;
  readonly warnings: readonly Issue[];
}

/**
 * A whole message from a trading partner (an X12 interchange, a cXML request, a CSV file), decoded.
 * It is kept raw and accepted or refused as a unit.
 */
export interface PartnerMessage {
  /** The configured partner (also the system name in cross-references and deliveries). */
  readonly partner: string;
  /** "x12-interchange", "cxml", "csv-contract-prices"... */
  readonly messageType: string;
  /** Unique per partner: the X12 sender/receiver/ISA13, the cXML payloadID. A repeat is a duplicate. */
  readonly messageId: string;
  readonly contentType: string;
  readonly rawBody: string;
  readonly correlationId: string;
  readonly documents: readonly PartnerDocument[];
  /** For X12: refuses a re-sent interchange control number from the same sender to the same receiver. */
  readonly interchange?: { readonly sender: string; readonly receiver: string; readonly controlNumber: string };
  /** The partner's functional acknowledgments of documents Concord sent it (997/999). */
  readonly functionalAcks?: readonly FunctionalAck[];
}

export interface UnresolvedItem {
  /** JSON pointer to the item reference inside the document. */
  readonly path: string;
  readonly identifiers: Readonly<Record<string, string>>;
}

export interface AcceptedDocument {
  readonly id: number;
  readonly kind: TradeDocument["kind"];
  readonly documentId: string;
  readonly format: string;
  readonly warnings: readonly Issue[];
  readonly unresolved: readonly UnresolvedItem[];
}

export interface PartnerMessageOutcome {
  readonly status: "accepted";
  readonly messageId: string;
  readonly correlationId: string;
  readonly documents: readonly AcceptedDocument[];
  /** Outbound deliveries the partner's 997/999 settled (acknowledged or failed). */
  readonly acknowledged: number;
  /** True when this message id was received before and this is the earlier answer. */
  readonly duplicate?: boolean;
}
