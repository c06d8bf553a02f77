import type {
  DurableConsumerConfigInput,
  EventStreamConfigInput,
  NatsBusOptionsInput,
} from "../connectors/nats/index.js";
import { Errors } from "../errors/index.js";

/** The enterprise event bus (NATS JetStream): where Concord publishes its events and reads others'. */
export interface BusConfigInput {
  readonly connection: NatsBusOptionsInput;
  /** Created or updated at start-up (idempotent). Leave out when the stream is managed elsewhere. */
  readonly stream?: EventStreamConfigInput;
  /** Publish Concord's events: a delivery target named `system` (default "bus"), never required. */
  readonly publish?: {
    readonly system?: string;
    readonly subjectPrefix?: string;
    /** Event types to publish; default every event ("*"). */
    readonly events?: readonly string[];
  };
  /**
   * Consume canonical contract versions other systems publish (event type `contract.version`,
   * body = the canonical contract), as the system named in their Concord-Source header, or
   * `defaultSource`. They go through the same intake as the API: ownership, validation, outbox.
   */
  readonly consume?: DurableConsumerConfigInput & { readonly defaultSource?: string };
}

export interface BusConfig extends BusConfigInput {
  readonly publishSystem: string | undefined;
}

export function compileBusConfig(input: BusConfigInput | undefined): BusConfig | undefined {
  if (!input) return undefined;
  if (!input.publish && !input.consume) {
    throw Errors.ConfigInvalid("bus: give publish or consume settings (or both), or leave the bus out");
  }
  const publishSystem = input.publish ? (input.publish.system ?? "bus") : undefined;
  if (publishSystem !== undefined && !/^[a-z][a-z0-9-]{1,30}$/.test(publishSystem)) {
    throw Errors.ConfigInvalid(`bus.publish.system "${publishSystem}" must be a system name (lower-case, digits, -)`);
  }
  return { ...input, publishSystem };
}
