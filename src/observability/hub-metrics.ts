import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { SettledOutcome } from "../events/index.js";
import type { Queryable } from "../store/index.js";
import { processOfEvent } from "./process-of-event.js";
import { StoreGauges } from "./store-gauges.js";

export interface HubMetricsOptions {
  readonly store: Queryable;
  /** The configured targets: their backlog and dead-letter series exist (at 0) before any work. */
  readonly targets: readonly string[];
  /** How long store-backed numbers are reused between scrapes. */
  readonly storeCacheMs: number;
  readonly onStoreError: (err: unknown) => void;
}

// Propagation spans retries and maintenance windows: buckets reach an hour.
const LATENCY_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const MISNAMED_DEFAULTS = [
  "nodejs_active_handles_total",
  "nodejs_active_requests_total",
  "nodejs_active_resources_total",
];
const CIRCUIT_STATES = ["closed", "half_open", "open"] as const;

/**
 * One hub's Prometheus series, in its own registry (never prom-client's global one: several
 * hubs share a test process, and each must report only its own work). Hot-path series are
 * counters and histograms updated in memory; the store-backed gauges are computed when scraped.
 * docs/observability.md lists every series.
 */
export class HubMetrics {
  readonly registry = new Registry();
  private readonly attempts: Counter<"target" | "outcome">;
  private readonly latency: Histogram<"process" | "target">;
  private readonly http: Histogram<"method" | "route" | "status_code">;
  private circuits: (() => readonly { readonly target: string; readonly state: string }[]) | undefined;

  constructor(opts: HubMetricsOptions) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    // prom-client names these gauges `_total`, which Prometheus reserves for counters (promtool
    // flags them); the same numbers remain per type in nodejs_active_handles, _requests, _resources.
    for (const misnamed of MISNAMED_DEFAULTS) this.registry.removeSingleMetric(misnamed);
    this.attempts = new Counter({
      name: "concord_delivery_attempts_total",
      help: "Delivery attempts by target and committed outcome (acknowledged, delivered, retried, failed, dead, parked).",
      labelNames: ["target", "outcome"],
      registers,
    });
    this.latency = new Histogram({
      name: "concord_propagation_latency_seconds",
      help: "Time from an outbox event's creation to its target taking it (acknowledged or delivered), by process and target.",
      labelNames: ["process", "target"],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.http = new Histogram({
      name: "concord_http_request_duration_seconds",
      help: "HTTP requests served, by method, route pattern and status code; _count is the request count.",
      labelNames: ["method", "route", "status_code"],
      buckets: HTTP_BUCKETS,
      registers,
    });
    const counts = new StoreGauges(opts.store, opts.storeCacheMs, opts.onStoreError);
    new Gauge({
      name: "concord_delivery_backlog",
      help: "Deliveries waiting (status pending or in_flight), by target and status. Cluster-wide, from the store.",
      labelNames: ["target", "status"],
      registers,
      async collect() {
        const { deliveries } = await counts.read();
        this.reset();
        for (const target of opts.targets)
          for (const status of ["pending", "in_flight"]) this.set({ target, status }, 0);
        for (const d of deliveries) if (d.status !== "dead") this.set({ target: d.target, status: d.status }, d.n);
      },
    });
    new Gauge({
      name: "concord_dead_letters",
      help: "Deliveries whose retries are exhausted (status dead, replayable), by target. Cluster-wide, from the store.",
      labelNames: ["target"],
      registers,
      async collect() {
        const { deliveries } = await counts.read();
        this.reset();
        for (const target of opts.targets) this.set({ target }, 0);
        for (const d of deliveries) if (d.status === "dead") this.set({ target: d.target }, d.n);
      },
    });
    new Gauge({
      name: "concord_exceptions_open",
      help: "Open exceptions by error code and age bucket (under_1h, 1h_to_1d, 1d_to_7d, over_7d). Cluster-wide, from the store.",
      labelNames: ["code", "age"],
      registers,
      async collect() {
        const { exceptions } = await counts.read();
        this.reset();
        for (const e of exceptions) this.set({ code: e.code, age: e.age }, e.n);
      },
    });
    new Counter({
      name: "concord_policy_violations_total",
      help: "Policy violations recorded, by rule and the system that attempted the change. Cluster-wide, from the store.",
      labelNames: ["rule", "system"],
      registers,
      // The table is the counter: it survives restarts and every process agrees on it.
      async collect() {
        const { violations } = await counts.read();
        this.reset();
        for (const v of violations) this.inc({ rule: v.rule, system: v.system }, v.n);
      },
    });
    const self = this;
    new Gauge({
      name: "concord_circuit_state",
      help: "The circuit breaker of each target as this process sees it: 1 for its current state (closed, half_open, open), else 0.",
      labelNames: ["target", "state"],
      registers,
      collect() {
        this.reset();
        for (const c of self.circuits?.() ?? []) {
          for (const state of CIRCUIT_STATES) this.set({ target: c.target, state }, state === c.state ? 1 : 0);
        }
      },
    });
  }

  /** A delivering process reports its circuits (they live in its dispatcher, per process). */
  reportCircuits(read: () => readonly { readonly target: string; readonly state: string }[]): void {
    this.circuits = () => read().map((c) => ({ target: c.target, state: c.state.replace("-", "_") }));
  }

  /** A settled attempt; `createdAt` is its event's creation (the start of propagation). */
  observeAttempt(target: string, eventType: string, outcome: SettledOutcome, createdAt: Date | undefined): void {
    this.attempts.inc({ target, outcome });
    if (createdAt instanceof Date && (outcome === "acknowledged" || outcome === "delivered")) {
      // Event time is the store's clock; a worker's clock a little behind must not go negative.
      const seconds = Math.max(0, (Date.now() - createdAt.getTime()) / 1000);
      if (Number.isFinite(seconds)) this.latency.observe({ process: processOfEvent(eventType), target }, seconds);
    }
  }

  observeHttp(method: string, route: string, statusCode: number, seconds: number): void {
    this.http.observe({ method, route, status_code: String(statusCode) }, seconds);
  }

  /** The text exposition format (what GET /metrics answers). */
  expose(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
