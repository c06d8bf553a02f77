import type { DeliveryPort } from "../../events/index.js";
import { contractEventBody, type HttpTargetConfig } from "../contract-event-body.js";
import { createHttpJsonConnector } from "../http-json/index.js";
import { analyticsContractPricesMapping } from "./mapping.js";

export type AnalyticsSinkConfig = HttpTargetConfig;

/**
 * The analytics sink answers 202: it took the batch but confirms nothing more, so the delivery
 * ends as `delivered`, not `acknowledged` (sinks are not required targets of the price gate).
 */
export function createAnalyticsSinkConnector(cfg: AnalyticsSinkConfig): DeliveryPort {
  return createHttpJsonConnector({
    ...cfg,
    plan(message) {
      // The sink keys on Concord's canonical ids: its mapping needs no cross-references.
      const { body } = contractEventBody(analyticsContractPricesMapping, message, cfg.system);
      return {
        method: "POST",
        path: "/ingest/contract-prices",
        body: { batch_id: message.idempotencyKey, emitted_at: new Date().toISOString(), ...body },
      };
    },
    outcome: () => ({ kind: "delivered" }),
  });
}
