import type { Invoice, ItemRef, OrderConfirmation, Party, PurchaseOrder, ShipNotice, Uom } from "../../model/index.js";

/** One `Credential`: `domain` is free text (NetworkId, DUNS, duns…) and compared case-insensitively. */
export interface CxmlCredential {
  readonly domain: string;
  readonly identity: string;
  /** Only Sender credentials carry one. Never log an envelope without redacting it (redactCxmlEnvelope). */
  readonly sharedSecret?: string;
}

export interface CxmlSender {
  readonly credentials: readonly CxmlCredential[];
  readonly userAgent: string;
}

/** The `<cXML>` element and its Header. `payloadId` is the idempotency key of the document. */
export interface CxmlEnvelope {
  readonly payloadId: string;
  /** ISO 8601 with zone; a non-ISO timestamp the partner sent is converted (see quirks). */
  readonly timestamp: string;
  readonly version?: string;
  readonly lang?: string;
  /** Empty for a Response, which has no Header. */
  readonly from: readonly CxmlCredential[];
  readonly to: readonly CxmlCredential[];
  readonly sender?: CxmlSender;
  /** Request/@deploymentMode or Message/@deploymentMode; absent means production. */
  readonly deploymentMode?: "production" | "test";
}

/** `Status`: code (HTTP-like), text, and the optional message content. */
export interface CxmlStatus {
  readonly code: number;
  readonly text: string;
  readonly message?: string;
}

/** StatusUpdateRequest: the status of a document sent earlier (by its payloadID), either way. */
export interface CxmlStatusUpdate {
  readonly documentPayloadId: string;
  readonly status: CxmlStatus;
  /** For an invoice: where the buyer's accounts payable stands with it. */
  readonly invoiceStatus?: CxmlInvoiceStatus;
}

/** cXML's invoice states, as a buyer tells its supplier (`<InvoiceStatus type>`). */
export const CXML_INVOICE_STATUS_TYPES = ["processing", "reconciled", "rejected", "paying", "paid"] as const;

/** `<InvoiceStatus>`: the invoice (by its number), its state, the amount approved when partial, a comment. */
export interface CxmlInvoiceStatus {
  readonly type: (typeof CXML_INVOICE_STATUS_TYPES)[number];
  readonly invoiceId: string;
  readonly invoiceDate?: string;
  readonly partialAmount?: { readonly value: string; readonly currency: string };
  readonly comments?: string;
}

/** One line of a punch-out (ItemOut of a setup request, ItemIn of a cart). */
export interface PunchOutItem {
  readonly lineId?: string;
  readonly item: ItemRef;
  readonly quantity: string;
  readonly uom: Uom;
  readonly unitPrice: string;
  readonly currency: string;
  readonly requestedDelivery?: string;
}

export interface PunchOutContact {
  readonly role?: string;
  readonly name: string;
  readonly email?: string;
}

export type PunchOutOperation = "create" | "edit" | "inspect";

/** PunchOutSetupRequest: a buyer's user starts a shopping session on a supplier's site. */
export interface PunchOutSetupRequest {
  readonly operation: PunchOutOperation;
  readonly buyerCookie: string;
  readonly extrinsics: readonly { readonly name: string; readonly value: string }[];
  readonly browserFormPostUrl?: string;
  readonly contacts: readonly PunchOutContact[];
  readonly supplierSetupUrl?: string;
  readonly shipTo?: Party;
  readonly selectedItem?: ItemRef;
  readonly items: readonly PunchOutItem[];
}

/** PunchOutOrderMessage: the cart the supplier's site returns to the buyer's system. */
export interface PunchOutOrderMessage {
  readonly buyerCookie: string;
  readonly operationAllowed: PunchOutOperation;
  readonly total?: { readonly amount: string; readonly currency: string };
  readonly items: readonly PunchOutItem[];
}

export type CxmlBody =
  | { readonly type: "OrderRequest"; readonly document: PurchaseOrder }
  | { readonly type: "ConfirmationRequest"; readonly document: OrderConfirmation }
  | { readonly type: "ShipNoticeRequest"; readonly document: ShipNotice }
  | { readonly type: "InvoiceDetailRequest"; readonly document: Invoice }
  | { readonly type: "StatusUpdateRequest"; readonly statusUpdate: CxmlStatusUpdate }
  | { readonly type: "PunchOutSetupRequest"; readonly punchOut: PunchOutSetupRequest }
  | { readonly type: "PunchOutOrderMessage"; readonly punchOut: PunchOutOrderMessage }
  | { readonly type: "Response"; readonly status: CxmlStatus; readonly startPageUrl?: string }
  /** A well-formed cXML document of a kind Concord does not map (e.g. ProductActivityMessage). */
  | { readonly type: "Unsupported"; readonly container: "Request" | "Message"; readonly element: string };

export type CxmlBodyType = CxmlBody["type"];

/** Deviations from cXML 1.2 that real partners send and Concord tolerates; each is recorded on decode. */
export type CxmlQuirk = "root-element-case" | "timestamp-not-iso" | "no-xml-declaration";

export interface CxmlMessage {
  readonly envelope: CxmlEnvelope;
  readonly body: CxmlBody;
}
