import type { DeliveryPort } from "../../events/index.js";
import { contractEventBody, type HttpTargetConfig } from "../contract-event-body.js";
import { createHttpJsonConnector } from "../http-json/index.js";
import { procurementCatalogMapping } from "./mapping.js";

export type ProcurementCatalogConfig = HttpTargetConfig;

/** Contract prices into the procurement suite's catalog: PUT, applied once per Idempotency-Key. */
export function createProcurementCatalogConnector(cfg: ProcurementCatalogConfig): DeliveryPort {
  return createHttpJsonConnector({
    ...cfg,
    plan(message) {
      const { event, body } = contractEventBody(procurementCatalogMapping, message, cfg.system);
      return { method: "PUT", path: `/contract-catalogs/${encodeURIComponent(event.contract.number)}`, body };
    },
    outcome: (_status, body) => ({
      kind: "acknowledged",
      ref: String((body as { receiptId?: unknown })?.receiptId ?? ""),
    }),
  });
}
