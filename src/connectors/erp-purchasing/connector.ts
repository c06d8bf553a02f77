import type { DeliveryPort } from "../../events/index.js";
import { contractEventBody, type HttpTargetConfig } from "../contract-event-body.js";
import { createHttpJsonConnector } from "../http-json/index.js";
import { erpBlanketAgreementMapping } from "./mapping.js";

export type ErpPurchasingConfig = HttpTargetConfig;

/** Contract prices into the ERP purchasing module as blanket agreement revisions. */
export function createErpPurchasingConnector(cfg: ErpPurchasingConfig): DeliveryPort {
  return createHttpJsonConnector({
    ...cfg,
    plan(message) {
      const { body } = contractEventBody(erpBlanketAgreementMapping, message, cfg.system);
      return { method: "POST", path: "/purchasing/blanket-agreements", body };
    },
    outcome: (_status, body) => ({
      kind: "acknowledged",
      ref: String((body as { DOCUMENT_ID?: unknown })?.DOCUMENT_ID ?? ""),
    }),
  });
}
