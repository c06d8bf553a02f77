import {
  createAnalyticsSinkConnector,
  createErpPurchasingConnector,
  createProcurementCatalogConnector,
} from "../connectors/index.js";
import {
  createX12PriceAuthorizationConnector,
  type DocumentSink,
} from "../connectors/x12-price-authorization/index.js";
import type { DeliveryPort } from "../events/index.js";
import type { HubConfig, TargetConfig } from "./config.js";
import { x12PartnerOf } from "./partner-config.js";

const HTTP_FACTORIES = {
  "procurement-catalog": createProcurementCatalogConnector,
  "erp-purchasing": createErpPurchasingConnector,
  "analytics-sink": createAnalyticsSinkConnector,
} as const;

/** One delivery port per target; EDI targets write through their partner's document sink. */
export function buildConnectors(
  config: Pick<HubConfig, "targets" | "partners">,
  sinks: ReadonlyMap<string, DocumentSink> = new Map(),
): Map<string, DeliveryPort> {
  return new Map(config.targets.map((t) => [t.system, buildConnector(config, t, sinks)]));
}

function buildConnector(
  config: Pick<HubConfig, "partners">,
  t: TargetConfig,
  sinks: ReadonlyMap<string, DocumentSink>,
): DeliveryPort {
  if (t.kind === "x12-price-authorization") {
    // compileHubConfig checked that the partner has x12 and file-drop settings.
    const partner = x12PartnerOf(config.partners, t.system)!;
    return createX12PriceAuthorizationConnector({
      system: t.system,
      partner,
      identity: config.partners.x12Identity,
      sink: sinks.get(t.system)!,
      awaitAckMs: t.awaitAckMs,
    });
  }
  return HTTP_FACTORIES[t.kind]({ system: t.system, baseUrl: t.baseUrl!, connections: t.connections });
}
