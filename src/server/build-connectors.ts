import {
  createAnalyticsSinkConnector,
  createErpPurchasingConnector,
  createProcurementCatalogConnector,
} from "../connectors/index.js";
import type { DeliveryPort } from "../events/index.js";
import type { TargetConfig } from "./config.js";

const FACTORIES = {
  "procurement-catalog": createProcurementCatalogConnector,
  "erp-purchasing": createErpPurchasingConnector,
  "analytics-sink": createAnalyticsSinkConnector,
} as const;

export function buildConnectors(targets: readonly TargetConfig[]): Map<string, DeliveryPort> {
  return new Map(
    targets.map((t) => [
      t.system,
      FACTORIES[t.kind]({ system: t.system, baseUrl: t.baseUrl, connections: t.connections }),
    ]),
  );
}
