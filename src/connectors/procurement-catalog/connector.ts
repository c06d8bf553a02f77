import type { DeliveryPort } from "../../events/index.js";
import type { ContractVersionEvent } from "../../model/index.js";
import { createHttpJsonConnector } from "../http-json/index.js";
import { mapOrReject } from "../map-or-reject.js";
import { payloadResolver } from "../xref-resolver.js";
import { procurementCatalogMapping } from "./mapping.js";

export interface ProcurementCatalogConfig {
  readonly system: string;
  /** e.g. http://127.0.0.1:8182/procurement/api */
  readonly baseUrl: string;
  readonly connections?: number;
}

/** Contract prices into the procurement suite's catalog: PUT, applied once per Idempotency-Key. */
export function createProcurementCatalogConnector(cfg: ProcurementCatalogConfig): DeliveryPort {
  return createHttpJsonConnector({
    system: cfg.system,
    baseUrl: cfg.baseUrl,
    connections: cfg.connections,
    plan(message) {
      const event = message.payload as ContractVersionEvent;
      const body = mapOrReject(procurementCatalogMapping, event, payloadResolver(event, cfg.system), cfg.system);
      return { method: "PUT", path: `/contract-catalogs/${encodeURIComponent(event.contract.number)}`, body };
    },
    outcome: (_status, body) => ({
      kind: "acknowledged",
      ref: String((body as { receiptId?: unknown })?.receiptId ?? ""),
    }),
  });
}
