import {
  type BusEvent,
  type BusRejection,
  type ConsumerRun,
  type NatsBus,
  openDurableConsumer,
} from "../connectors/nats/index.js";
import { ConcordError, Errors } from "../errors/index.js";
import type { ContractSchema } from "../model/index.js";
import { raiseException, type Store } from "../store/index.js";
import { type ContractIntake, canonicalContractItem } from "../workflows/contract-propagation/index.js";
import type { BusConfig } from "./bus-config.js";

/** The event type other systems publish a canonical contract version under. */
export const INBOUND_CONTRACT_EVENT = "contract.version";

/**
 * Reads the bus's inbound events into the contract intake. A message is acked only after the
 * intake committed it (the consumer's contract); a refusal by Concord's rules (ownership, schema,
 * references) was recorded by the intake and is acked too, since re-reading it cannot change the
 * answer; a retryable failure (store down, back-pressure) is nak'ed and comes back later.
 */
export async function startBusIntake(
  bus: NatsBus,
  config: NonNullable<BusConfig["consume"]>,
  intake: ContractIntake,
  store: Store,
): Promise<ConsumerRun> {
  const consumer = await openDurableConsumer(bus, config);
  return consumer.consume(
    async (event: BusEvent) => {
      if (event.eventType !== INBOUND_CONTRACT_EVENT) {
        throw Errors.ConnectorRejected(
          `bus event type ${JSON.stringify(event.eventType)} is not one Concord takes (it takes ${INBOUND_CONTRACT_EVENT})`,
        );
      }
      const system = event.source ?? config.defaultSource;
      if (!system) throw Errors.ConnectorRejected("bus event without a Concord-Source header, and no defaultSource");
      try {
        await intake.submit(
          canonicalContractItem(
            {
              system,
              messageType: `bus:${INBOUND_CONTRACT_EVENT}`,
              messageId: event.messageId,
              contentType: "application/json",
              rawBody: event.rawBody,
              correlationId: event.correlationId ?? `bus-${event.stream}-${event.streamSequence}`,
            },
            event.payload as typeof ContractSchema.static,
          ),
        );
      } catch (e) {
        if (e instanceof ConcordError && !e.retryable) return; // decided and recorded: ack
        throw e;
      }
    },
    {
      onRejected: async (r: BusRejection) => {
        await raiseException(store, {
          code: r.error.code,
          rule: "bus.event-accepted",
          urgency: "routine",
          subjectType: "bus-message",
          subjectId: `${r.stream}/${r.streamSequence}`,
          system: r.event?.source ?? config.defaultSource,
          message: `bus message ${r.subject} (${r.reason}): ${r.error.message}`,
          details: { reason: r.reason, deliveryCount: r.deliveryCount },
          ...(r.event?.correlationId ? { correlationId: r.event.correlationId } : {}),
        });
      },
    },
  );
}
