import { Errors } from "../../errors/index.js";
import type { DeliveryPort, OutboundMessage } from "../../events/index.js";
import { INVOICE_DECIDED, type InvoiceDecision } from "../../model/events/invoice-decision.js";
import { type CxmlBody, type CxmlCredential, createCxmlHttpConnector } from "../cxml/index.js";
import { isPurchaseOrder } from "../x12-price-authorization/purchase-order-interchange.js";

export interface CxmlOrderRequestConfig {
  /** The partner system (partners[].system): the target and the inbound sender of its confirmations. */
  readonly system: string;
  /** The partner's cXML endpoint, a full URL (https://supplier.example/cxml/orders). */
  readonly url: string;
  /** The partner's credentials (its cXML settings): the OrderRequest's To. */
  readonly partnerCredentials: readonly CxmlCredential[];
  /** Concord's credential toward this partner: From, and Sender with the relationship's shared secret. */
  readonly concordCredential: CxmlCredential;
  readonly sharedSecret: string | undefined;
  readonly connections?: number;
  readonly now?: () => Date;
}

/**
 * Purchase orders (`purchase-order.issued`) to a partner that orders in cXML: the PO as an
 * OrderRequest POSTed to its endpoint, with the delivery's idempotency key as payloadID (the
 * partner's duplicate check), and its cXML Response Status classified: 2xx acknowledged (the
 * partner took the order; its ConfirmationRequest comes later through /v1/inbound/cxml), 4xx a
 * permanent rejection with its text, 5xx and transport failures transient.
 * The reference implementation of an order connector over HTTP; the X12 one is
 * x12-price-authorization (an 850 through the partner's folder).
 *
 * Subscribed to `invoice.decided` (its `events`), it also tells the partner what accounts payable
 * decided about each of its cXML invoices: a StatusUpdateRequest referring to the invoice's
 * payloadID, with an InvoiceStatus (reconciled, partly when short-paid, or rejected).
 */
export function createCxmlOrderRequestConnector(cfg: CxmlOrderRequestConfig): DeliveryPort {
  const toBody = (message: OutboundMessage): CxmlBody => {
    if (message.eventType === INVOICE_DECIDED)
      return invoiceStatusUpdate(cfg.system, message.payload as InvoiceDecision);
    if (!isPurchaseOrder(message))
      // A subscription mistake (events: ["*"]): the partner can take nothing but orders from this target.
      throw Errors.ConnectorRejected(
        `${cfg.system}: a cxml-order-request target sends purchase orders and invoice decisions only, not ${message.eventType}`,
        { system: cfg.system, eventType: message.eventType },
      );
    const { purchaseOrder, format } = message.payload;
    if (format !== "cxml-order-request")
      throw Errors.ConnectorRejected(
        `${cfg.system}: purchase order ${purchaseOrder.id} was issued as ${format}; this target sends cXML OrderRequests (requisitionToPo.orderFormats)`,
        { system: cfg.system, purchaseOrderId: purchaseOrder.id, format },
      );
    return { type: "OrderRequest", document: purchaseOrder };
  };
  return createCxmlHttpConnector({
    system: cfg.system,
    url: cfg.url,
    from: [{ domain: cfg.concordCredential.domain, identity: cfg.concordCredential.identity }],
    to: cfg.partnerCredentials.map((c) => ({ domain: c.domain, identity: c.identity })),
    sender: {
      credentials: [
        {
          domain: cfg.concordCredential.domain,
          identity: cfg.concordCredential.identity,
          ...(cfg.sharedSecret === undefined ? {} : { sharedSecret: cfg.sharedSecret }),
        },
      ],
      userAgent: "Concord",
    },
    toBody,
    // A partner that already took this payloadID answers 409 on a resend: the order is there.
    duplicateIsAcknowledged: true,
    ...(cfg.connections === undefined ? {} : { connections: cfg.connections }),
    ...(cfg.now === undefined ? {} : { now: cfg.now }),
  });
}

/**
 * An invoice decision as cXML: `reconciled` for a release, `reconciled` with the approved amount as
 * PartialAmount for a short-pay, `rejected` for a rejection; the resolutions' reasons as Comments.
 * Only an invoice that came as cXML has a payloadID to refer to.
 */
function invoiceStatusUpdate(system: string, d: InvoiceDecision): CxmlBody {
  if (!d.source.format.startsWith("cxml-") || !d.source.messageId) {
    throw Errors.ConnectorRejected(
      `${system}: invoice ${d.invoiceId} came as ${d.source.format}, not cXML: a cXML status update has no payloadID to refer to`,
      { system, invoiceId: d.invoiceId, format: d.source.format },
    );
  }
  const reasons = d.resolutions.map((r) => `${r.rule}: ${r.code} (${r.reason})`).join("; ");
  return {
    type: "StatusUpdateRequest",
    statusUpdate: {
      documentPayloadId: d.source.messageId,
      status: { code: 200, text: "OK", message: `${d.decision} by accounts payable` },
      invoiceStatus: {
        type: d.decision === "reject" ? "rejected" : "reconciled",
        invoiceId: d.invoiceId,
        invoiceDate: d.invoiceDate,
        ...(d.decision === "short-pay" ? { partialAmount: { value: d.approvedAmount, currency: d.currency } } : {}),
        ...(reasons ? { comments: reasons } : {}),
      },
    },
  };
}
