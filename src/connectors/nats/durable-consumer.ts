import { AckPolicy, type ConsumerConfig, DeliverPolicy, type JsMsg } from "@nats-io/jetstream";
import { ConcordError, Errors } from "../../errors/index.js";
import { compileRetryPolicy, nextRetryDelay, type RetryPolicyInput } from "../../events/retry-policy.js";
import { type BusEvent, decodeBusMessage } from "./bus-event.js";
import type { NatsBus } from "./nats-bus.js";

export interface DurableConsumerConfigInput {
  readonly stream: string;
  /** Durable name: survives restarts, and every process using it shares the work. */
  readonly durable: string;
  /** Subjects to take (one, or several on NATS server 2.10+); default: the whole stream. */
  readonly filterSubjects?: readonly string[];
  /** Unacked for this long → redelivered (the consumer extends it while a handler runs). */
  readonly ackWaitMs?: number;
  /** Deliveries in all, the first included; the last failure terminates the message. */
  readonly maxDeliver?: number;
  /** Messages handed out and not yet acked, across all processes. */
  readonly maxAckPending?: number;
}

export type DurableConsumerConfig = Required<DurableConsumerConfigInput>;

export function compileDurableConsumerConfig(input: DurableConsumerConfigInput): DurableConsumerConfig {
  const fail = (msg: string) => {
    throw Errors.ConfigInvalid(`nats consumer ${JSON.stringify(input.durable)}: ${msg}`);
  };
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(input.durable)) fail("durable must be 1-64 letters, digits, '-' or '_'");
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(input.stream)) fail("stream must be 1-64 letters, digits, '-' or '_'");
  const c: DurableConsumerConfig = {
    stream: input.stream,
    durable: input.durable,
    filterSubjects: [...(input.filterSubjects ?? [])],
    ackWaitMs: input.ackWaitMs ?? 30_000,
    maxDeliver: input.maxDeliver ?? 12,
    maxAckPending: input.maxAckPending ?? 1_000,
  };
  if (!Number.isInteger(c.ackWaitMs) || c.ackWaitMs < 100) fail("ackWaitMs must be a whole number ≥ 100");
  if (!Number.isInteger(c.maxDeliver) || c.maxDeliver < 1) fail("maxDeliver must be a whole number ≥ 1");
  if (!Number.isInteger(c.maxAckPending) || c.maxAckPending < 1) fail("maxAckPending must be a whole number ≥ 1");
  return c;
}

/** Why a message was terminated: the handler refused it, retries ran out, or it could not be decoded. */
export interface BusRejection {
  readonly reason: "permanent" | "exhausted" | "undecodable";
  readonly error: ConcordError;
  /** Absent only for undecodable messages. */
  readonly event: BusEvent | undefined;
  readonly subject: string;
  readonly stream: string;
  readonly streamSequence: number;
  readonly deliveryCount: number;
}

export interface ConsumeOptions {
  /** Messages pulled per request and buffered locally; bounds the work a stop() drains. */
  readonly batch?: number;
  /** Nak delays: exponential with jitter (maxAttempts is the consumer's maxDeliver). */
  readonly retry?: Omit<RetryPolicyInput, "maxAttempts">;
  /**
   * Called before a message is terminated, so the hub can record an exception. When it throws,
   * the message is nak'ed instead: nothing is dropped unrecorded.
   */
  readonly onRejected?: (rejection: BusRejection) => Promise<void>;
  readonly random?: () => number;
}

export interface ConsumerRun {
  /** Stops pulling, lets the handler finish the messages already received (acking them), then resolves. */
  stop(): Promise<void>;
  /** Resolves when the loop ended: undefined after stop(), the error when the server ended it. */
  readonly finished: Promise<Error | undefined>;
}

/**
 * A durable pull consumer for inbound events. The handler is the hub's intake: a message is
 * acked only after the handler resolved, i.e. after the hub's transaction committed. A crash
 * before that leaves it unacked, and JetStream redelivers it after ackWait.
 */
export interface DurableConsumer {
  readonly config: DurableConsumerConfig;
  consume(handler: (event: BusEvent) => Promise<void>, options?: ConsumeOptions): Promise<ConsumerRun>;
}

export type EnsureConsumerOutcome = "created" | "updated" | "unchanged";

const NS_PER_MS = 1_000_000;

function toConsumerConfig(c: DurableConsumerConfig): Partial<ConsumerConfig> {
  const filter =
    c.filterSubjects.length === 0
      ? {}
      : c.filterSubjects.length === 1
        ? { filter_subject: c.filterSubjects[0]! }
        : { filter_subjects: [...c.filterSubjects] };
  return {
    durable_name: c.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: c.ackWaitMs * NS_PER_MS,
    max_deliver: c.maxDeliver,
    max_ack_pending: c.maxAckPending,
    ...filter,
  };
}

/** Creates the durable consumer or brings it to the configuration; a no-op when it matches. */
export async function ensureConsumer(bus: NatsBus, input: DurableConsumerConfigInput): Promise<EnsureConsumerOutcome> {
  const c = compileDurableConsumerConfig(input);
  const wanted = toConsumerConfig(c);
  let existing: Partial<ConsumerConfig> | undefined;
  try {
    existing = (await bus.jsm.consumers.info(c.stream, c.durable)).config;
  } catch (e) {
    if (!/consumer not found/i.test(e instanceof Error ? e.message : String(e))) throw consumerError(c, "look up", e);
  }
  try {
    if (!existing) {
      await bus.jsm.consumers.add(c.stream, wanted);
      return "created";
    }
    const mutable = ["ack_wait", "max_deliver", "max_ack_pending", "filter_subject", "filter_subjects"] as const;
    const differs = mutable.filter((k) => JSON.stringify(existing[k] ?? null) !== JSON.stringify(wanted[k] ?? null));
    if (differs.length === 0) return "unchanged";
    const { durable_name: _d, ack_policy: _a, deliver_policy: _p, ...update } = wanted;
    await bus.jsm.consumers.update(c.stream, c.durable, update);
    return "updated";
  } catch (e) {
    throw consumerError(c, existing ? "update" : "create", e);
  }
}

/** Ensures the consumer exists, then returns a handle whose consume() starts the loop. */
export async function openDurableConsumer(bus: NatsBus, input: DurableConsumerConfigInput): Promise<DurableConsumer> {
  const config = compileDurableConsumerConfig(input);
  await ensureConsumer(bus, config);
  return {
    config,
    async consume(handler, options = {}) {
      const policy = compileRetryPolicy({ ...options.retry, maxAttempts: config.maxDeliver });
      const random = options.random ?? Math.random;
      const consumer = await bus.js.consumers.get(config.stream, config.durable);
      const messages = await consumer.consume({ max_messages: options.batch ?? 10 });
      const handleOne = async (m: JsMsg): Promise<void> => {
        const decoded = decodeBusMessage({
          subject: m.subject,
          data: m.data,
          header: (name) => m.headers?.get(name),
          stream: m.info.stream,
          streamSequence: m.seq,
          deliveryCount: m.info.deliveryCount,
          redelivered: m.redelivered,
        });
        if (!decoded.ok) {
          await terminate(m, undefined, decoded.error, "undecodable");
          return;
        }
        // Long handlers keep the message: "working" resets the server's ack timer.
        const keepAlive = setInterval(() => quietly(() => m.working()), Math.max(50, Math.floor(config.ackWaitMs / 2)));
        let failure: ConcordError | undefined;
        try {
          await handler(decoded.event);
        } catch (e) {
          failure =
            e instanceof ConcordError
              ? e
              : Errors.Internal(`inbound handler failed: ${e instanceof Error ? e.message : String(e)}`, {}, e);
        } finally {
          clearInterval(keepAlive);
        }
        if (!failure) {
          // A lost ack means a redelivery; the hub answers a repeated message id with its first outcome.
          await m.ackAck().catch(() => undefined);
          return;
        }
        if (!failure.retryable) {
          await terminate(m, decoded.event, failure, "permanent");
          return;
        }
        const retryAfterMs = typeof failure.extras.retryAfterMs === "number" ? failure.extras.retryAfterMs : undefined;
        const delay = nextRetryDelay(policy, m.info.deliveryCount, random, retryAfterMs);
        if (delay === undefined) await terminate(m, decoded.event, failure, "exhausted");
        else quietly(() => m.nak(delay));
      };
      const terminate = async (
        m: JsMsg,
        event: BusEvent | undefined,
        error: ConcordError,
        reason: BusRejection["reason"],
      ): Promise<void> => {
        try {
          await options.onRejected?.({
            reason,
            error,
            event,
            subject: m.subject,
            stream: m.info.stream,
            streamSequence: m.seq,
            deliveryCount: m.info.deliveryCount,
          });
        } catch {
          quietly(() => m.nak(nextRetryDelay(policy, 1, random) ?? policy.initialDelayMs));
          return;
        }
        // No reason text: servers before 2.10.4 ignore a "+TERM <reason>" ack and would redeliver.
        // The reason reaches people through onRejected instead.
        quietly(() => m.term());
      };
      const finished = (async (): Promise<Error | undefined> => {
        try {
          for await (const m of messages) await handleOne(m);
          return undefined;
        } catch (e) {
          return e instanceof Error ? e : new Error(String(e));
        }
      })();
      let stopping: Promise<void> | undefined;
      return {
        finished,
        stop() {
          stopping ??= (async () => {
            messages.stop();
            await finished;
          })();
          return stopping;
        },
      };
    },
  };
}

/**
 * ack/nak/term/working publish on the connection and throw when it is closed; the message then
 * simply stays unacked and is redelivered after ackWait, which is the outcome we want anyway.
 */
function quietly(f: () => void): void {
  try {
    f();
  } catch {
    // see above
  }
}

function consumerError(c: DurableConsumerConfig, action: string, e: unknown) {
  const text = e instanceof Error ? e.message : String(e);
  const status = (e as { status?: number }).status;
  const details = { system: "nats", stream: c.stream, consumer: c.durable, response: text };
  return status !== undefined && status >= 400 && status < 500
    ? Errors.ConfigInvalid(`nats consumer ${c.stream}/${c.durable}: cannot ${action}: ${text}`, details)
    : Errors.ConnectorTransient(`nats consumer ${c.stream}/${c.durable}: cannot ${action}: ${text}`, details, e);
}
