import { ConcordError, Errors } from "../errors/index.js";
import { type Queryable, raiseException, type Store, type Urgency } from "../store/index.js";
import {
  type AttemptVerdict,
  CircuitBreakers,
  type CircuitOptions,
  type CircuitStatus,
  DEFAULT_CIRCUIT_OPTIONS,
} from "./circuit-breaker.js";
import { claimRound } from "./claim-round.js";
import type { AttemptObservation, DeliveryObserver, SettledOutcome } from "./delivery-observer.js";
import type { DeliveryOutcome, DeliveryPort, OutboundMessage } from "./delivery-port.js";
import { FunctionalAckDesk } from "./functional-ack-desk.js";
import { GroupCommit } from "./group-commit.js";
import type { LocalDispatch } from "./local-dispatch.js";
import { DEFAULT_ROUTINE_SHARE, routineSlots } from "./priority-lanes.js";
import { nextRetryDelay, type RetryPolicy } from "./retry-policy.js";
import type { ClaimOnAppend } from "./sql/append-events.js";
import { type ClaimedDelivery, hasWaitingSuccessors } from "./sql/claim-deliveries.js";
import type { AckedDelivery, FunctionalAck } from "./sql/functional-acks.js";
import { releaseClaims } from "./sql/release-claims.js";
import { markSucceededMany, markUnsuccessful, scheduleRetry } from "./sql/settle-delivery.js";

/** What one attempt came to, waiting to be recorded. */
interface AttemptResult {
  readonly delivery: ClaimedDelivery;
  readonly startedAt: Date;
  readonly outcome: DeliveryOutcome | undefined;
  readonly failure: ConcordError | undefined;
  readonly observation: AttemptObservation | undefined;
}

/** What workflows reacting to an outcome may read of the delivery. */
export type SettledDeliveryRef = Pick<
  ClaimedDelivery,
  "id" | "target" | "businessKey" | "keyVersion" | "eventType" | "correlationId"
>;

export interface SettledDelivery {
  readonly delivery: SettledDeliveryRef;
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
  readonly onSettled?: (tx: Queryable, settled: readonly SettledDelivery[]) => Promise<void>;
  readonly urgencyOf?: (eventType: string) => Urgency;
  readonly log?: DispatcherLog;
  /** The per-target circuit breaker (circuit-breaker.ts); DEFAULT_CIRCUIT_OPTIONS when left out. */
  readonly circuit?: CircuitOptions;
  /** Share of claimed deliveries kept for non-urgent work while urgent work waits (priority-lanes.ts). */
  readonly routineShare?: number;
  /** The breaker's clock; tests drive it. */
  readonly now?: () => number;
  /** Metrics, traces and logs of each attempt (src/observability). */
  readonly observer?: DeliveryObserver;
}

/**
 * Moves outbox deliveries to their targets: claims due work (SKIP LOCKED, per-key order), sends it
 * through the target's port with a timeout, and settles each outcome in its own transaction.
 * A crash at any point leaves the delivery in flight until its lease expires; it is then sent
 * again with the same idempotency key, so the target applies it once.
 */
export class Dispatcher implements LocalDispatch {
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private wakeSignal: (() => void) | undefined;
  /** True while the loop waits because every delivery slot is taken. */
  private atCapacity = false;
  private wokenEarly = false;
  private readonly random: () => number;
  private readonly targets: readonly string[];
  private readonly settler: GroupCommit<AttemptResult>;
  private readonly acks: FunctionalAckDesk;
  /** Slots promised to writers that claim on append (see reserve). */
  private reserved = 0;
  /** Per process: each worker judges the targets by its own attempts. */
  private readonly circuits: CircuitBreakers;
  /** Deliveries claimed so far: the running quota of the routine share counts from it. */
  private claimedSoFar = 0;

  constructor(private readonly opts: DispatcherOptions) {
    this.random = opts.random ?? Math.random;
    this.targets = [...opts.ports.keys()];
    this.circuits = new CircuitBreakers(opts.circuit ?? DEFAULT_CIRCUIT_OPTIONS, opts.now);
    this.acks = new FunctionalAckDesk(opts);
    this.settler = new GroupCommit(async (batch) => {
      await this.settleBatch(batch);
      return undefined;
    });
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
    await this.settler.drain();
  }

  /** New work was committed: look now rather than at the next poll. */
  wake(): void {
    this.wokenEarly = true;
    this.wakeSignal?.();
  }

  /**
   * For a writer about to append events in this process: how many of its fresh deliveries this
   * dispatcher can take at once, claimed in the writer's own transaction (appendAndClaimEvents),
   * so they skip the claim query. The slots stay promised until adopt() hands over what was
   * claimed (nothing, if the transaction failed). None while stopped.
   */
  reserve(wanted: number): ClaimOnAppend {
    const free = this.running ? this.opts.concurrency - this.inFlight.size - this.reserved : 0;
    const limit = Math.max(0, Math.min(wanted, free));
    this.reserved += limit;
    // A target whose circuit is not closed gets nothing claimed behind the breaker's back.
    const { closed } = this.circuits.admit(this.targets);
    return {
      workerId: this.opts.workerId,
      leaseMs: this.opts.leaseMs,
      limit,
      ...(closed.length < this.targets.length ? { targets: closed } : {}),
    };
  }

  /** Each target's circuit as this process sees it (GET /v1/targets). */
  circuitStatus(target: string): CircuitStatus {
    return this.circuits.status(target);
  }

  /** After the writer's commit: sends what it claimed and frees the rest of its reservation. */
  adopt(claimed: readonly ClaimedDelivery[], reservation: { limit: number }): void {
    this.reserved -= reservation.limit;
    // The circuit may have opened since the reservation: what it now holds back goes back unsent.
    const { closed } = this.circuits.admit(this.targets);
    const held = claimed.filter((d) => !closed.includes(d.target));
    for (const d of claimed) if (!held.includes(d)) this.track(this.execute(d));
    if (held.length > 0) this.track(this.release(held));
  }

  private async release(held: readonly ClaimedDelivery[]): Promise<void> {
    try {
      await this.opts.store.transaction((tx) =>
        releaseClaims(
          tx,
          this.opts.workerId,
          held.map((d) => d.id),
        ),
      );
    } catch (e) {
      // The lease expires and the deliveries are claimed again: one attempt counted, nothing lost.
      this.opts.log?.error({ err: e }, "releasing claims held back by a circuit failed");
    }
  }

  /** One claim-deliver-settle round, awaited in full. For tests and the CLI. */
  async runOnce(limit = this.opts.concurrency): Promise<number> {
    const claimed = await this.claim(limit);
    await Promise.all(claimed.map((d) => this.execute(d)));
    return claimed.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const free = this.opts.concurrency - this.inFlight.size - this.reserved;
      if (free <= 0) {
        // At capacity: wait for a delivery to finish (it wakes us). Never loop without awaiting.
        this.atCapacity = true;
        if (!this.wokenEarly) await this.sleep(this.opts.pollIntervalMs);
        this.atCapacity = false;
        this.wokenEarly = false;
        continue;
      }
      this.wokenEarly = false;
      // The slots being claimed into are held like a writer's reservation until the claimed
      // deliveries are tracked: a writer reserving meanwhile would otherwise get the same slots,
      // and the dispatcher would send more at once than `concurrency` (and past an opening circuit).
      this.reserved += free;
      let claimed = 0;
      try {
        await this.sweepOverdueAcks();
        const batch = await this.claim(free);
        for (const d of batch) this.track(this.execute(d));
        claimed = batch.length;
      } catch (e) {
        this.opts.log?.error({ err: e }, "claiming deliveries failed; will retry");
      } finally {
        this.reserved -= free;
      }
      // A full claim suggests more is waiting: look again at once. Otherwise wait for a wake-up.
      if (claimed < free && !this.wokenEarly) await this.sleep(this.opts.pollIntervalMs);
    }
  }

  /** Partners' functional acknowledgments (997/999) for deliveries of `target`, in the caller's transaction. */
  recordFunctionalAcks(
    tx: Queryable,
    target: string,
    acks: readonly FunctionalAck[],
  ): Promise<readonly AckedDelivery[]> {
    return this.acks.record(tx, target, acks);
  }

  /** At most once per poll interval: overdue acknowledgments stop waiting, with an exception each. */
  sweepOverdueAcks(now = Date.now()): Promise<number> {
    return this.acks.sweepOverdue(now);
  }

  private track(task: Promise<void>): void {
    this.inFlight.add(task);
    void task.finally(() => {
      this.inFlight.delete(task);
      // A freed slot matters only to a loop waiting for one; new work announces itself (intake,
      // replay, a settled version with a waiting successor) and retries are found by the poll.
      if (this.atCapacity) this.wake();
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

  /** A claim round (claim-round.ts) over the targets whose circuits admit work. */
  private async claim(limit: number): Promise<ClaimedDelivery[]> {
    const { closed, probe } = this.circuits.admit(this.targets);
    if (limit <= 0 || closed.length + probe.length === 0) return [];
    const routine = routineSlots(this.claimedSoFar, limit, this.opts.routineShare ?? DEFAULT_ROUTINE_SHARE);
    const claimed = await claimRound(this.opts.store, {
      limit,
      leaseMs: this.opts.leaseMs,
      workerId: this.opts.workerId,
      probe,
      closed,
      routine,
    });
    for (const d of claimed) {
      if (probe.includes(d.target)) this.circuits.probeStarted(d.target, d.id);
    }
    this.claimedSoFar += claimed.length;
    return claimed;
  }

  private async execute(d: ClaimedDelivery): Promise<void> {
    const startedAt = new Date();
    const port = this.opts.ports.get(d.target)!;
    const observation = this.opts.observer?.attemptStarted(d);
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
      ...(observation?.traceparent ? { traceparent: observation.traceparent } : {}),
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
    observation?.answered(failure);
    // A probe's success closes its circuit: the target's waiting work may go at once.
    if (this.circuits.record(d.target, d.id, verdictOf(failure))) this.wake();
    try {
      await this.settler.add({ delivery: d, startedAt, outcome, failure, observation });
    } catch (e) {
      // The outcome is not recorded; the lease will expire and the delivery be sent again with
      // the same idempotency key. Nothing is lost, and the target dedups.
      this.opts.log?.error(
        { err: e, deliveryId: d.id, target: d.target, correlationId: d.correlationId },
        "settling a delivery failed",
      );
    }
  }

  /**
   * Records a batch of outcomes in one transaction. Should that fail, each is retried alone so a
   * single bad row cannot keep the others from being recorded.
   */
  private async settleBatch(batch: readonly AttemptResult[]): Promise<void> {
    let successorsWaiting = false;
    const committed: [AttemptResult, SettledOutcome][] = [];
    try {
      const result = await this.opts.store.transaction((tx) => this.settleAll(tx, batch));
      successorsWaiting = result.successorsWaiting;
      committed.push(...result.outcomes);
    } catch (e) {
      if (batch.length === 1) throw e;
      const results = await Promise.allSettled(
        batch.map((r) => this.opts.store.transaction((tx) => this.settleAll(tx, [r]))),
      );
      for (const r of results) {
        if (r.status !== "fulfilled") continue;
        successorsWaiting ||= r.value.successorsWaiting;
        committed.push(...r.value.outcomes);
      }
      const failed = results.find((r) => r.status === "rejected");
      if (failed) throw (failed as PromiseRejectedResult).reason;
    } finally {
      // Outside the try: what committed is observed once, and an observer can never send a
      // committed batch into the one-by-one retry above.
      this.observeSettled(committed);
      if (successorsWaiting) this.wake();
    }
  }

  /**
   * Records outcomes in the caller's transaction; returns each one committed as this worker's
   * (to observe after commit, so a rolled-back batch retried alone is not counted twice).
   */
  private async settleAll(
    tx: Queryable,
    batch: readonly AttemptResult[],
  ): Promise<{ successorsWaiting: boolean; outcomes: [AttemptResult, SettledOutcome][] }> {
    const worker = this.opts.workerId;
    const settled: SettledDelivery[] = [];
    const outcomes: [AttemptResult, SettledOutcome][] = [];
    const successes = batch.filter((r) => r.outcome);
    const mine = await markSucceededMany(
      tx,
      worker,
      successes.map((r) => ({
        deliveryId: r.delivery.id,
        attempt: r.delivery.attempts,
        startedAt: r.startedAt,
        outcome: r.outcome!.kind,
        ref: r.outcome!.ref,
        awaitAckMs: r.outcome!.kind === "delivered" ? r.outcome!.awaitAckMs : undefined,
        httpStatus: r.outcome!.httpStatus,
      })),
    );
    for (const r of successes) {
      if (!mine.has(r.delivery.id)) continue;
      settled.push({ delivery: r.delivery, status: r.outcome!.kind });
      outcomes.push([r, r.outcome!.kind]);
    }
    for (const r of batch) {
      if (r.outcome) continue;
      const status = await this.settleFailure(tx, r.delivery, r.startedAt, r.failure!);
      if (status) outcomes.push([r, status]);
      if (status && status !== "retried") settled.push({ delivery: r.delivery, status });
    }
    if (settled.length > 0) await this.opts.onSettled?.(tx, settled);
    // Finishing version n may release n+1 of the same key at the same target: the caller looks
    // again only then (after commit), rather than run a claim that finds nothing after every settle.
    const successorsWaiting =
      settled.length > 0 &&
      (await hasWaitingSuccessors(
        tx,
        settled.map((x) => x.delivery),
      ));
    return { successorsWaiting, outcomes };
  }

  private observeSettled(outcomes: readonly [AttemptResult, SettledOutcome][]): void {
    for (const [r, outcome] of outcomes) {
      try {
        r.observation?.settled(outcome);
      } catch (e) {
        this.opts.log?.error({ err: e, deliveryId: r.delivery.id }, "observing a settled delivery failed");
      }
    }
  }

  /** Retry, park, dead-letter or fail (with an exception); undefined when the lease was lost. */
  private async settleFailure(
    tx: Queryable,
    d: ClaimedDelivery,
    startedAt: Date,
    f: ConcordError,
  ): Promise<Exclude<SettledOutcome, "acknowledged" | "delivered"> | undefined> {
    const worker = this.opts.workerId;
    const httpStatus = typeof f.extras.httpStatus === "number" ? f.extras.httpStatus : undefined;
    const base = { deliveryId: d.id, attempt: d.attempts, startedAt, errorCode: f.code, error: f.message, httpStatus };
    if (f.code === Errors.ConnectorStale.code) {
      return (await markUnsuccessful(tx, worker, { ...base, outcome: "parked" })) ? "parked" : undefined;
    }
    if (f.retryable) {
      const retryAfterMs = typeof f.extras.retryAfterMs === "number" ? f.extras.retryAfterMs : undefined;
      const delay = nextRetryDelay(this.opts.retryPolicy, d.attempts - d.replayBase, this.random, retryAfterMs);
      if (delay !== undefined) {
        return (await scheduleRetry(tx, worker, { ...base, retryAfterMs, outcome: "retry" }, delay))
          ? "retried"
          : undefined;
      }
      return (await markUnsuccessful(tx, worker, { ...base, retryAfterMs, outcome: "dead" })) ? "dead" : undefined;
    }
    if (!(await markUnsuccessful(tx, worker, { ...base, outcome: "failed" }))) return undefined;
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
    return "failed";
  }
}

/**
 * Failures worth a retry (timeouts, 5xx, 429, refused connections, transport errors) count against
 * a target's circuit; a refusal (4xx, stale) is an answer, so the target is up.
 */
function verdictOf(failure: ConcordError | undefined): AttemptVerdict {
  if (!failure) return { kind: "succeeded" };
  if (!failure.retryable) return { kind: "answered" };
  const retryAfterMs = failure.extras.retryAfterMs;
  return { kind: "failed", retryAfterMs: typeof retryAfterMs === "number" ? retryAfterMs : undefined };
}

/** Unknown errors (bugs, network oddities) are retried: dead letters and replay recover them later. */
function classify(e: unknown, timedOut: boolean, timeoutMs: number): ConcordError {
  if (e instanceof ConcordError) return e;
  if (timedOut) return Errors.ConnectorTimeout(`no answer within ${timeoutMs} ms`);
  const message = e instanceof Error ? e.message : String(e);
  return Errors.ConnectorTransient(`delivery failed unexpectedly: ${message}`, {}, e);
}
