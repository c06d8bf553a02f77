import type { DeliveryPort } from "../../events/index.js";
import { INVOICE_DECIDED, type InvoiceDecision } from "../../model/events/invoice-decision.js";
import { SUPPLIER_VENDOR_REQUESTED, type SupplierVendorRequest } from "../../model/events/supplier-vendor-request.js";
import { contractEventBody, type HttpTargetConfig } from "../contract-event-body.js";
import { createHttpJsonConnector } from "../http-json/index.js";
import { erpInvoiceStatusBody, erpInvoiceStatusPath } from "./invoice-status-body.js";
import { erpBlanketAgreementMapping } from "./mapping.js";
import { erpPurchaseOrderBody } from "./purchase-order-body.js";
import { erpVendorRequestBody } from "./vendor-request-body.js";

export type ErpPurchasingConfig = HttpTargetConfig;

/** Contract prices into the ERP purchasing module as blanket agreement revisions. */
export function createErpPurchasingConnector(cfg: ErpPurchasingConfig): DeliveryPort {
  return createHttpJsonConnector({
    ...cfg,
    plan(message) {
      // Supplier onboarding asks the same ERP for vendors; everything else is a contract version.
      if (message.eventType === SUPPLIER_VENDOR_REQUESTED)
        return {
          method: "POST",
          path: "/vendors/requests",
          body: erpVendorRequestBody(message.payload as SupplierVendorRequest),
        };
      // Requisition to PO records each issued PO in the ERP's purchasing module.
      if (message.eventType === "purchase-order.issued")
        return {
          method: "POST",
          path: "/purchasing/purchase-orders",
          body: erpPurchaseOrderBody(message.payload as Parameters<typeof erpPurchaseOrderBody>[0]),
        };
      // An invoice decided after its exceptions: accounts payable releases, short-pays or rejects it.
      if (message.eventType === INVOICE_DECIDED) {
        const decision = message.payload as InvoiceDecision;
        return { method: "POST", path: erpInvoiceStatusPath(decision), body: erpInvoiceStatusBody(decision) };
      }
      const { body } = contractEventBody(erpBlanketAgreementMapping, message, cfg.system);
      return { method: "POST", path: "/purchasing/blanket-agreements", body };
    },
    outcome: (_status, body) => {
      // A blanket agreement is answered with its DOCUMENT_ID, a vendor request with its REQUEST_ID.
      const b = body as { DOCUMENT_ID?: unknown; REQUEST_ID?: unknown; INVOICE_ID?: unknown } | undefined;
      return { kind: "acknowledged", ref: String(b?.DOCUMENT_ID ?? b?.REQUEST_ID ?? b?.INVOICE_ID ?? "") };
    },
  });
}
