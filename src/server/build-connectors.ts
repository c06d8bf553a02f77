import { createCxmlOrderRequestConnector } from "../connectors/cxml-order-request/index.js";
import {
  createAnalyticsSinkConnector,
  createErpPurchasingConnector,
  createProcurementCatalogConnector,
  createWebhookConnector,
} from "../connectors/index.js";
import { createNatsPublisher, type NatsBus } from "../connectors/nats/index.js";
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
  webhook: createWebhookConnector,
} as const;

/** What non-HTTP targets write through: partners' document sinks, the event bus. */
export interface TargetChannels {
  readonly sinks?: ReadonlyMap<string, DocumentSink>;
  readonly bus?: NatsBus;
}

/** One delivery port per target; EDI targets write through their partner's document sink. */
export function buildConnectors(
  config: Pick<HubConfig, "targets" | "partners" | "bus">,
  channels: TargetChannels = {},
): Map<string, DeliveryPort> {
  return new Map(config.targets.map((t) => [t.system, buildConnector(config, t, channels)]));
}

function buildConnector(
  config: Pick<HubConfig, "partners" | "bus">,
  t: TargetConfig,
  { sinks = new Map(), bus }: TargetChannels,
): DeliveryPort {
  if (t.kind === "nats-bus") {
    return createNatsPublisher({
      system: t.system,
      bus: bus!,
      ...(config.bus?.publish?.subjectPrefix ? { subjectPrefix: config.bus.publish.subjectPrefix } : {}),
    });
  }
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
  if (t.kind === "cxml-order-request") {
    // compileHubConfig checked that the partner has cxml settings and baseUrl is a URL.
    const partner = config.partners.cxml.partners.find((p) => p.system === t.system)!;
    return createCxmlOrderRequestConnector({
      system: t.system,
      url: t.baseUrl!,
      partnerCredentials: partner.credentials,
      concordCredential: partner.concordCredential,
      sharedSecret: partner.sharedSecret,
      connections: t.connections,
    });
  }
  return HTTP_FACTORIES[t.kind as keyof typeof HTTP_FACTORIES]({
    system: t.system,
    baseUrl: t.baseUrl!,
    connections: t.connections,
  });
}
