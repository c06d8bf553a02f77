import { headers as natsHeaders } from "@nats-io/transport-node";
import { Errors } from "../../errors/index.js";
import type { DeliveryOutcome, DeliveryPort, OutboundMessage } from "../../events/index.js";
import { outboundHeaders } from "./bus-headers.js";
import { classifyNatsError } from "./classify-nats-error.js";
import type { NatsBus } from "./nats-bus.js";
import { eventSubject, isValidSubjectPrefix } from "./subject-token.js";

export interface NatsPublisherOptions {
  /** The target's system name in deliveries and errors, e.g. "enterprise-bus". */
  readonly system: string;
  readonly bus: NatsBus;
  /** Subjects are `<subjectPrefix>.<event type>.<business key>`; default "concord.events". */
  readonly subjectPrefix?: string;
  /** How long to wait for the stream's PubAck (the dispatcher's own timeout still applies). */
  readonly publishTimeoutMs?: number;
  /** Native body from the canonical message; default: the canonical payload as JSON. */
  readonly body?: (message: OutboundMessage) => unknown;
  /** Value of the Concord-Source header; default "concord". */
  readonly source?: string;
}

/**
 * Publishes each delivery to JetStream as one message with `Nats-Msg-Id` = the delivery's
 * idempotency key, so a retry, a replay or a re-send after a crash inside the stream's duplicate
 * window is dropped by the server. A PubAck, duplicate or not, means the stream holds the event:
 * the outcome is `delivered` (a bus does not apply anything, so there is nothing to acknowledge;
 * the reference is `<stream>#<sequence>` of the copy the stream kept).
 */
export function createNatsPublisher(opts: NatsPublisherOptions): DeliveryPort {
  const prefix = opts.subjectPrefix ?? "concord.events";
  if (!isValidSubjectPrefix(prefix)) {
    throw Errors.ConfigInvalid(`nats subjectPrefix ${JSON.stringify(prefix)} must be dot-separated plain tokens`);
  }
  const timeout = opts.publishTimeoutMs ?? opts.bus.options.apiTimeoutMs;
  const source = opts.source ?? "concord";
  const toBody = opts.body ?? ((m: OutboundMessage) => m.payload);
  return {
    system: opts.system,
    async deliver(message, signal): Promise<DeliveryOutcome> {
      let subject: string;
      let data: Uint8Array;
      try {
        subject = eventSubject(prefix, message.eventType, message.businessKey);
        data = Buffer.from(JSON.stringify(toBody(message)) ?? "null", "utf8");
      } catch (e) {
        throw Errors.ConnectorRejected(
          `${opts.system}: cannot build the bus message for ${message.businessKey}: ${e instanceof Error ? e.message : String(e)}`,
          { system: opts.system, businessKey: message.businessKey },
        );
      }
      if (signal.aborted) throw classifyNatsError(opts.system, subject, new Error("aborted"), true);
      const h = natsHeaders();
      for (const [k, v] of outboundHeaders(message, source)) h.set(k, v);
      try {
        const ack = await abortable(
          opts.bus.js.publish(subject, data, { msgID: message.idempotencyKey, headers: h, timeout }),
          signal,
        );
        return { kind: "delivered", ref: `${ack.stream}#${ack.seq}` };
      } catch (e) {
        throw classifyNatsError(opts.system, subject, e, signal.aborted);
      }
    },
  };
}

/** Rejects when the dispatcher's deadline passes; the PubAck may still arrive and is then ignored. */
function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error("aborted"));
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}
