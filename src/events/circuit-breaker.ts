/** When a target counts as down, and how long the dispatcher leaves it alone. */
export interface CircuitOptions {
  /** Consecutive transient failures (timeouts, 5xx, 429, refused connections) that open the circuit. */
  readonly failureThreshold: number;
  /** The first cool-down; each failed probe doubles it. */
  readonly openMs: number;
  /** The longest cool-down, also the cap on a Retry-After taken as one. */
  readonly maxOpenMs: number;
}

export const DEFAULT_CIRCUIT_OPTIONS: CircuitOptions = { failureThreshold: 5, openMs: 5_000, maxOpenMs: 300_000 };

export type CircuitState = "closed" | "open" | "half-open";

/** What operators see of one target's circuit (GET /v1/targets). */
export interface CircuitStatus {
  readonly state: CircuitState;
  readonly consecutiveFailures: number;
  /** When the circuit last opened; undefined while closed. */
  readonly openedAt: Date | undefined;
  /** When an open circuit lets its probe through; undefined unless open. */
  readonly nextProbeAt: Date | undefined;
}

/**
 * How an attempt went, as far as the circuit cares. `answered`: the target is up even though it
 * refused the message (a 4xx, a stale version): that says nothing against the target itself.
 */
export type AttemptVerdict =
  | { readonly kind: "succeeded" }
  | { readonly kind: "answered" }
  | { readonly kind: "failed"; readonly retryAfterMs?: number | undefined };

interface Circuit {
  failures: number;
  /** Times opened since it was last closed: the cool-down doubles with each. */
  trips: number;
  openedAt: number | undefined;
  openUntil: number | undefined;
  /** Latest Retry-After of the current failure run: a floor on the next cool-down. */
  retryAfterMs: number | undefined;
  /** The delivery let through while half-open, until its outcome is known. */
  probe: number | undefined;
}

/**
 * One circuit per target, in memory, per process: a target that keeps failing is left alone for a
 * cool-down instead of being hammered on every poll, then tried with a single probe delivery.
 *
 * closed ──failureThreshold consecutive failures──► open ──cool-down over──► half-open
 * half-open ──probe succeeds (or is answered)──► closed;  ──probe fails──► open, cool-down doubled
 *
 * Pure: the clock is injected, nothing is read from the store. A success from any delivery closes
 * the circuit (the target works); failures of deliveries that were already in flight when it opened
 * do not lengthen the cool-down.
 */
export class CircuitBreakers {
  private readonly circuits = new Map<string, Circuit>();

  constructor(
    private readonly opts: CircuitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Which targets a claim may take from now: `closed` ones as many as it likes, `probe` ones one
   * delivery each (half-open, no probe in flight). Open targets are in neither.
   */
  admit(targets: readonly string[]): { readonly closed: string[]; readonly probe: string[] } {
    const closed: string[] = [];
    const probe: string[] = [];
    for (const t of targets) {
      const c = this.circuits.get(t);
      const state = this.stateOf(c);
      if (state === "closed") closed.push(t);
      else if (state === "half-open" && c!.probe === undefined) probe.push(t);
    }
    return { closed, probe };
  }

  /** Marks `deliveryId` as the half-open target's probe: no other delivery goes until it ends. */
  probeStarted(target: string, deliveryId: number): void {
    const c = this.circuits.get(target);
    if (c && this.stateOf(c) === "half-open") c.probe = deliveryId;
  }

  /** Records an attempt's outcome; true when this closed a circuit that was not closed (work may resume). */
  record(target: string, deliveryId: number, verdict: AttemptVerdict): boolean {
    const c = this.circuit(target);
    const before = this.stateOf(c);
    if (verdict.kind !== "failed") {
      this.circuits.delete(target);
      return before !== "closed";
    }
    c.failures += 1;
    c.retryAfterMs = verdict.retryAfterMs;
    if (before === "closed") {
      if (c.failures >= this.opts.failureThreshold) this.open(c);
    } else if (before === "half-open" && c.probe === deliveryId) {
      this.open(c);
    }
    // Open, or half-open and not the probe: a late answer to a delivery sent before the circuit opened.
    return false;
  }

  status(target: string): CircuitStatus {
    const c = this.circuits.get(target);
    const state = this.stateOf(c);
    return {
      state,
      consecutiveFailures: c?.failures ?? 0,
      openedAt: state === "closed" || c?.openedAt === undefined ? undefined : new Date(c.openedAt),
      nextProbeAt: state === "open" ? new Date(c!.openUntil!) : undefined,
    };
  }

  private open(c: Circuit): void {
    c.trips += 1;
    const backoff = Math.min(this.opts.maxOpenMs, this.opts.openMs * 2 ** (c.trips - 1));
    const floor = Math.min(this.opts.maxOpenMs, c.retryAfterMs ?? 0);
    c.openedAt = this.now();
    c.openUntil = c.openedAt + Math.max(backoff, floor);
    c.probe = undefined;
  }

  private stateOf(c: Circuit | undefined): CircuitState {
    if (c?.openUntil === undefined) return "closed";
    return this.now() < c.openUntil ? "open" : "half-open";
  }

  private circuit(target: string): Circuit {
    let c = this.circuits.get(target);
    if (!c) {
      c = {
        failures: 0,
        trips: 0,
        openedAt: undefined,
        openUntil: undefined,
        retryAfterMs: undefined,
        probe: undefined,
      };
      this.circuits.set(target, c);
    }
    return c;
  }
}
