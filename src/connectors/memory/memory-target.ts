import { type ConcordError, Errors } from "../../errors/index.js";
import type { DeliveryOutcome, DeliveryPort, OutboundMessage } from "../../events/index.js";

export interface AppliedMessage {
  readonly idempotencyKey: string;
  readonly businessKey: string;
  readonly keyVersion: number;
  readonly payload: unknown;
}

/**
 * The in-memory twin of a target system: it keeps the connector contract (applies each
 * idempotency key once, refuses an older version of a business key as stale, fails on demand)
 * without a network, for tests and for measuring the dispatcher alone.
 */
export class MemoryTarget implements DeliveryPort {
  readonly applied: AppliedMessage[] = [];
  private readonly answers = new Map<string, DeliveryOutcome>();
  private readonly versions = new Map<string, number>();
  private readonly failures: ConcordError[] = [];

  constructor(readonly system: string) {}

  /** The next deliveries fail with these errors, in order. */
  failNext(...errors: ConcordError[]): void {
    this.failures.push(...errors);
  }

  async deliver(message: OutboundMessage, signal: AbortSignal): Promise<DeliveryOutcome> {
    if (signal.aborted) throw Errors.ConnectorTimeout(`${this.system} did not answer in time`);
    const failure = this.failures.shift();
    if (failure) throw failure;
    const earlier = this.answers.get(message.idempotencyKey);
    if (earlier) return earlier;
    if ((this.versions.get(message.businessKey) ?? 0) >= message.keyVersion) {
      throw Errors.ConnectorStale(`${this.system} holds a newer version of ${message.businessKey}`);
    }
    this.versions.set(message.businessKey, message.keyVersion);
    this.applied.push({
      idempotencyKey: message.idempotencyKey,
      businessKey: message.businessKey,
      keyVersion: message.keyVersion,
      payload: message.payload,
    });
    const outcome: DeliveryOutcome = { kind: "acknowledged", ref: `MEM-${this.applied.length}` };
    this.answers.set(message.idempotencyKey, outcome);
    return outcome;
  }
}
