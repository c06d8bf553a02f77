import { Errors } from "../../errors/index.js";
import type { DeliveryPort, OutboundMessage } from "../../events/index.js";
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
 */
export function createCxmlOrderRequestConnector(cfg: CxmlOrderRequestConfig): DeliveryPort {
  const toBody = (message: OutboundMessage): CxmlBody => {
    if (!isPurchaseOrder(message))
      // A subscription mistake (events: ["*"]): the partner can take nothing but orders from this target.
      throw Errors.ConnectorRejected(
        `${cfg.system}: a cxml-order-request target sends purchase orders only, not ${message.eventType}`,
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
