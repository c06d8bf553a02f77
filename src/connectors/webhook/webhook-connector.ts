import type { DeliveryPort } from "../../events/index.js";
import type { HttpTargetConfig } from "../contract-event-body.js";
import { createHttpJsonConnector } from "../http-json/index.js";

/**
 * Any Concord event, as it is, to a system that subscribes with a webhook: a CloudEvents 1.0
 * structured JSON envelope (id = the idempotency key, so a receiver dedupes retries; subject =
 * the business key; data = the event's canonical payload). For events no native mapping exists
 * for — invoice exception resolutions, supplier changes, onboarding steps — and for integration
 * platforms that do their own mapping. A 2xx means taken (delivered), never applied.
 */
export function createWebhookConnector(cfg: HttpTargetConfig): DeliveryPort {
  return createHttpJsonConnector({
    ...cfg,
    plan: (message) => ({
      method: "POST",
      path: "",
      body: {
        specversion: "1.0",
        id: message.idempotencyKey,
        source: "concord",
        type: message.eventType,
        subject: message.businessKey,
        time: new Date().toISOString(),
        datacontenttype: "application/json",
        concordkeyversion: message.keyVersion,
        concordcorrelationid: message.correlationId,
        data: message.payload,
      },
    }),
    outcome: () => ({ kind: "delivered" }),
  });
}
