import type { DeliveryPort } from "../../events/index.js";
import type { ContractVersionEvent } from "../../model/index.js";
import { createHttpJsonConnector } from "../http-json/index.js";
import { mapOrReject } from "../map-or-reject.js";
import { payloadResolver } from "../xref-resolver.js";
import { erpBlanketAgreementMapping } from "./mapping.js";

export interface ErpPurchasingConfig {
  readonly system: string;
  /** e.g. http://127.0.0.1:8183/erp/api */
  readonly baseUrl: string;
  readonly connections?: number;
}

/** Contract prices into the ERP purchasing module as blanket agreement revisions. */
export function createErpPurchasingConnector(cfg: ErpPurchasingConfig): DeliveryPort {
  return createHttpJsonConnector({
    system: cfg.system,
    baseUrl: cfg.baseUrl,
    connections: cfg.connections,
    plan(message) {
      const event = message.payload as ContractVersionEvent;
      const body = mapOrReject(erpBlanketAgreementMapping, event, payloadResolver(event, cfg.system), cfg.system);
      return { method: "POST", path: "/purchasing/blanket-agreements", body };
    },
    outcome: (_status, body) => ({
      kind: "acknowledged",
      ref: String((body as { DOCUMENT_ID?: unknown })?.DOCUMENT_ID ?? ""),
    }),
  });
}
