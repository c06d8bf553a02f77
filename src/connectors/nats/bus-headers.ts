import type { OutboundMessage } from "../../events/index.js";

/**
 * Header names on every message Concord publishes. `Nats-Msg-Id` is JetStream's own de-duplication
 * header: the server drops a second message with the same id inside the stream's duplicate window.
 */
export const BusHeaders = {
  MsgId: "Nats-Msg-Id",
  CorrelationId: "Concord-Correlation-Id",
  EventType: "Concord-Event-Type",
  BusinessKey: "Concord-Business-Key",
  KeyVersion: "Concord-Key-Version",
  Source: "Concord-Source",
  ContentType: "Content-Type",
} as const;

/** The headers of one published event, in the order documented in docs/formats/nats.md. */
export function outboundHeaders(message: OutboundMessage, source: string): ReadonlyArray<readonly [string, string]> {
  return [
    [BusHeaders.MsgId, message.idempotencyKey],
    [BusHeaders.CorrelationId, message.correlationId],
    [BusHeaders.EventType, message.eventType],
    [BusHeaders.BusinessKey, message.businessKey],
    [BusHeaders.KeyVersion, String(message.keyVersion)],
    [BusHeaders.Source, source],
    [BusHeaders.ContentType, "application/json"],
  ];
}
