import { ConcordError, Errors } from "../errors/index.js";
import { type Queryable, raiseException, type Store, type Urgency } from "../store/index.js";
import type { DeliveryOutcome, DeliveryPort, OutboundMessage } from "./delivery-port.js";
import { nextRetryDelay, type RetryPolicy } from "./retry-policy.js";
import { type ClaimedDelivery, claimDeliveries } from "./sql/claim-deliveries.js";
import { markSucceeded, markUnsuccessful, scheduleRetry } from "./sql/settle-delivery.js";

export interface SettledDelivery {
  readonly delivery: ClaimedDelivery;
  readonly status: "acknowledged" | "delivered" | "failed" | "dead" | "parked";
}

export interface DispatcherLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface DispatcherOptions {
  readonly store: Store;
  readonly ports: ReadonlyMap<string, DeliveryPort>;
  readonly retryPolicy: RetryPolicy;
  readonly workerId: string;
  /** Deliveries in flight at once, across targets. */
  readonly concurrency: number;
  /** A claim that outlives this is presumed dead (crashed worker) and may be re-claimed. */
  readonly leaseMs: number;
  readonly deliveryTimeoutMs: number;
  /** Fallback wake-up when nobody calls wake() (e.g. retries coming due). */
  readonly pollIntervalMs: number;
  readonly random?: () => number;
  /** Runs inside the settle transaction: workflows react to acknowledgments atomically. */
  readonly onSettled?: (tx: Queryable, settled: SettledDelivery) => Promise<void>;
  readonly urgencyOf?: (eventType: string) => Urgency;
  readonly log?: DispatcherLog;
}

/**
 * Moves outbox deliveries to their targets: claims due work (SKIP LOCKED, per-key order), sends it
 * through the target's port with a timeout, and settles each outcome in its own transaction.
 * A crash at any point leaves the delivery in flight until its lease expires; it is then sent
 * again with the same idempotency key, so the target applies it once.
 */
export class Dispatcher {
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private wakeSignal: (() => void) | undefined;
  private wokenEarly = false;
  private readonly random: () => number;
  private readonly targets: readonly string[];

  constructor(private readonly opts: DispatcherOptions) {
    this.random = opts.random ?? Math.random;
    this.targets = [...opts.ports.keys()];
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming and waits for in-flight deliveries to settle (graceful drain). */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await Promise.all(this.inFlight);
  }

  /** New work was committed: look now rather than at the next poll. */
  wake(): void {
    this.wokenEarly = true;
    this.wakeSignal?.();
  }

  /** One claim-deliver-settle round, awaited in full. For tests and the CLI. */
  async runOnce(limit = this.opts.concurrency): Promise<number> {
    const claimed = await this.claim(limit);
    await Promise.all(claimed.map((d) => this.execute(d)));
    return claimed.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const free = this.opts.concurrency - this.inFlight.size;
      let claimedAll = false;
      if (free > 0) {
        try {
          this.wokenEarly = false;
          const claimed = await this.claim(free);
          for (const d of claimed) this.track(this.execute(d));
          claimedAll = claimed.length === free;
        } catch (e) {
          this.opts.log?.error({ err: e }, "claiming deliveries failed; will retry");
        }
      }
      if (!claimedAll && !this.wokenEarly) await this.sleep(this.opts.pollIntervalMs);
    }
  }

  private track(task: Promise<void>): void {
    this.inFlight.add(task);
    void task.finally(() => {
      this.inFlight.delete(task);
      this.wake();
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeSignal = done;
    });
  }

  private async claim(limit: number): Promise<ClaimedDelivery[]> {
    if (limit <= 0 || this.targets.length === 0) return [];
    const claimed = await this.opts.store.transaction((tx) =>
      claimDeliveries(tx, {
        limit,
        leaseMs: this.opts.leaseMs,
        workerId: this.opts.workerId,
        targets: this.targets,
      }),
    );
    return claimed.filter((d) => d.status === "in_flight");
  }

  private async execute(d: ClaimedDelivery): Promise<void> {
    const startedAt = new Date();
    const port = this.opts.ports.get(d.target)!;
    const message: OutboundMessage = {
      deliveryId: d.id,
      target: d.target,
      eventType: d.eventType,
      businessKey: d.businessKey,
      keyVersion: d.keyVersion,
      payload: d.payload,
      idempotencyKey: d.idempotencyKey,
      correlationId: d.correlationId,
      attempt: d.attempts,
    };
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.opts.deliveryTimeoutMs);
    let outcome: DeliveryOutcome | undefined;
    let failure: ConcordError | undefined;
    try {
      outcome = await port.deliver(message, abort.signal);
    } catch (e) {
      failure = classify(e, abort.signal.aborted, this.opts.deliveryTimeoutMs);
    } finally {
      clearTimeout(timer);
    }
    try {
      await this.opts.store.transaction((tx) => this.settle(tx, d, startedAt, outcome, failure));
    } catch (e) {
      // The outcome is not recorded; the lease will expire and the delivery be sent again with
      // the same idempotency key. Nothing is lost, and the target dedups.
      this.opts.log?.error({ err: e, deliveryId: d.id }, "settling a delivery failed");
    }
  }

  private async settle(
    tx: Queryable,
    d: ClaimedDelivery,
    startedAt: Date,
    outcome: DeliveryOutcome | undefined,
    failure: ConcordError | undefined,
  ): Promise<void> {
    const worker = this.opts.workerId;
    const base = { deliveryId: d.id, attempt: d.attempts, startedAt };
    let status: SettledDelivery["status"];
    if (outcome) {
      status = outcome.kind;
      if (!(await markSucceeded(tx, worker, { ...base, outcome: outcome.kind }, outcome.ref))) return;
    } else {
      const f = failure!;
      const errorFields = { errorCode: f.code, error: f.message };
      if (f.code === Errors.ConnectorStale.code) {
        status = "parked";
        if (!(await markUnsuccessful(tx, worker, { ...base, ...errorFields, outcome: "parked" }))) return;
      } else if (f.retryable) {
        const retryAfterMs = typeof f.extras.retryAfterMs === "number" ? f.extras.retryAfterMs : undefined;
        const delay = nextRetryDelay(this.opts.retryPolicy, d.attempts - d.replayBase, this.random, retryAfterMs);
        if (delay !== undefined) {
          await scheduleRetry(tx, worker, { ...base, ...errorFields, retryAfterMs, outcome: "retry" }, delay);
          return;
        }
        status = "dead";
        if (!(await markUnsuccessful(tx, worker, { ...base, ...errorFields, retryAfterMs, outcome: "dead" }))) return;
      } else {
        status = "failed";
        if (!(await markUnsuccessful(tx, worker, { ...base, ...errorFields, outcome: "failed" }))) return;
        await raiseException(tx, {
          code: f.code,
          rule: "delivery.accepted-by-target",
          urgency: this.opts.urgencyOf?.(d.eventType) ?? "routine",
          subjectType: "delivery",
          subjectId: String(d.id),
          system: d.target,
          message: `${d.target} rejected ${d.businessKey} version ${d.keyVersion}: ${f.message}`,
          details: { deliveryId: d.id, businessKey: d.businessKey, keyVersion: d.keyVersion, ...f.extras },
          correlationId: d.correlationId,
        });
      }
    }
    await this.opts.onSettled?.(tx, { delivery: d, status });
  }
}

/** Unknown errors (bugs, network oddities) are retried: dead letters and replay recover them later. */
function classify(e: unknown, timedOut: boolean, timeoutMs: number): ConcordError {
  if (e instanceof ConcordError) return e;
  if (timedOut) return Errors.ConnectorTimeout(`no answer within ${timeoutMs} ms`);
  const message = e instanceof Error ? e.message : String(e);
  return Errors.ConnectorTransient(`delivery failed unexpectedly: ${message}`, {}, e);
}
