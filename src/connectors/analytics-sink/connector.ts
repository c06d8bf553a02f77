import type { DeliveryPort } from "../../events/index.js";
import type { ContractVersionEvent } from "../../model/index.js";
import { createHttpJsonConnector } from "../http-json/index.js";
import { mapOrReject } from "../map-or-reject.js";
import { analyticsContractPricesMapping } from "./mapping.js";

export interface AnalyticsSinkConfig {
  readonly system: string;
  /** e.g. http://127.0.0.1:8184/analytics/api */
  readonly baseUrl: string;
  readonly connections?: number;
}

/**
 * The analytics sink answers 202: it took the batch but confirms nothing more, so the delivery
 * ends as `delivered`, not `acknowledged` (sinks are not required targets of the price gate).
 */
export function createAnalyticsSinkConnector(cfg: AnalyticsSinkConfig): DeliveryPort {
  return createHttpJsonConnector({
    system: cfg.system,
    baseUrl: cfg.baseUrl,
    connections: cfg.connections,
    plan(message) {
      const event = message.payload as ContractVersionEvent;
      const mapped = mapOrReject(analyticsContractPricesMapping, event, () => undefined, cfg.system);
      return {
        method: "POST",
        path: "/ingest/contract-prices",
        body: { batch_id: message.idempotencyKey, emitted_at: new Date().toISOString(), ...mapped },
      };
    },
    outcome: () => ({ kind: "delivered" }),
  });
}
