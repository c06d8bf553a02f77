import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileHubConfig } from "../src/server/config.js";
import { startHub } from "../src/server/start-hub.js";
import type { Queryable } from "../src/store/index.js";
import { TEST_ENCRYPTION } from "../test/support/test-encryption.js";
import { startBaseline } from "./baseline.js";
import { benchSnapshot } from "./dataset.js";
import { type DurableFloor, type FloorShape, openDurableFloor } from "./durable-floor.js";
import { BENCH_AUTH, type LoadResult, runLoad } from "./load.js";
import { type Amendment, type Summary, summarize } from "./stats.js";

export interface ScenarioOptions {
  readonly mockUrl: string;
  readonly concurrency: number;
  readonly contractsPerWorker: number;
  readonly warmupMs: number;
  readonly measureMs: number;
  readonly drainTimeoutMs: number;
  /** Hub only: dispatcher.concurrency (undefined = the config default). */
  readonly dispatchConcurrency?: number;
  /** The intake's back-pressure threshold (waiting deliveries); the config's default when left out. */
  readonly maxBacklog?: number;
}

export interface ScenarioResult extends Summary {
  readonly system: "baseline" | "floor" | "floor-min" | "hub";
  /** The scenario's process missed its deadline and was killed (figures are NaN). */
  readonly stalled?: boolean;
  readonly concurrency: number;
  readonly statuses: Record<string, number>;
  /** Load stop → last delivery settled (ms); undefined when the drain timed out. */
  readonly drainMs: number | undefined;
  /** Sender's request → response p50/p99 (the hub answers 202 at durable receipt). */
  readonly responseP50Ms: number;
  readonly responseP99Ms: number;
}

const PATH = "/v1/inbound/clm/agreement-events";
/** The three targets, in the order the baseline's ports send to them. */
const BENCH_TARGETS = ["procurement", "erp", "analytics"] as const;

function loadOptions(url: string, o: ScenarioOptions, tag: string) {
  return {
    url,
    path: PATH,
    concurrency: o.concurrency,
    contractsPerWorker: o.contractsPerWorker,
    warmupMs: o.warmupMs,
    measureMs: o.measureMs,
    tag,
  };
}

function result(
  system: ScenarioResult["system"],
  o: ScenarioOptions,
  load: LoadResult,
  all: Amendment[],
  drainMs: number | undefined,
): ScenarioResult {
  const rsp = [...load.responseMs].sort((a, b) => a - b);
  const pick = (q: number) => rsp[Math.min(rsp.length - 1, Math.ceil(q * rsp.length) - 1)] ?? Number.NaN;
  return {
    system,
    concurrency: o.concurrency,
    ...summarize(all, { start: load.windowStart, end: load.windowEnd }, load.sentAt),
    statuses: load.statuses,
    drainMs,
    responseP50Ms: pick(0.5),
    responseP99Ms: pick(0.99),
  };
}

/** The ceiling: no store, the answer waits for the three targets, so there is nothing to drain. */
export function runBaselineScenario(o: ScenarioOptions): Promise<ScenarioResult> {
  return runPlainScenario("baseline", o);
}

/**
 * A floor: the ceiling plus the least durable writing of a given shape on a fresh embedded store
 * (durable-floor.ts). Its share of the ceiling bounds what a hub of that shape can reach on PGlite
 * in this harness.
 */
export async function runFloorScenario(o: ScenarioOptions, shape: FloorShape): Promise<ScenarioResult> {
  const dir = await mkdtemp(join(tmpdir(), "concord-floor-"));
  try {
    return await runPlainScenario(
      shape === "spine" ? "floor" : "floor-min",
      o,
      await openDurableFloor(`pglite:${dir}`, BENCH_TARGETS, shape),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function runPlainScenario(
  system: "baseline" | "floor" | "floor-min",
  o: ScenarioOptions,
  floor?: DurableFloor,
): Promise<ScenarioResult> {
  const snapshot = benchSnapshot(o.concurrency * o.contractsPerWorker);
  const baseline = await startBaseline(snapshot, o.mockUrl, floor);
  try {
    const load = await runLoad(loadOptions(baseline.url, o, `${system[0]}${o.concurrency}`));
    const all = baseline.completions.map((c) => ({ eventId: c.eventId, receivedAt: c.receivedAt, doneAt: c.doneAt }));
    return result(system, o, load, all, 0);
  } finally {
    await baseline.close();
  }
}

/** The hub in this process on a fresh embedded (PGlite, on-disk) store; targets in the mock process. */
export async function runHubScenario(o: ScenarioOptions): Promise<ScenarioResult> {
  const dir = await mkdtemp(join(tmpdir(), "concord-bench-"));
  const config = compileHubConfig({
    // BENCH_STORE=memory isolates the file-system share of the store's cost (diagnosis only: not
    // durable); BENCH_STORE=postgres://… runs the same hub on server PostgreSQL (its own schema).
    storeUrl: benchStoreUrl(dir),
    port: 0,
    targets: [
      { system: BENCH_TARGETS[0], kind: "procurement-catalog", baseUrl: `${o.mockUrl}/procurement/api` },
      { system: BENCH_TARGETS[1], kind: "erp-purchasing", baseUrl: `${o.mockUrl}/erp/api` },
      { system: BENCH_TARGETS[2], kind: "analytics-sink", baseUrl: `${o.mockUrl}/analytics/api` },
    ],
    ...(o.dispatchConcurrency ? { dispatcher: { concurrency: o.dispatchConcurrency } } : {}),
    ...(o.maxBacklog ? { intake: { maxBacklog: o.maxBacklog } } : {}),
    auth: BENCH_AUTH,
    // A fixed key: BENCH_STORE=postgres://… hubs need one configured (docs/security.md).
    encryption: TEST_ENCRYPTION,
  });
  const hub = await startHub(config, { seed: benchSnapshot(o.concurrency * o.contractsPerWorker) });
  try {
    const load = await runLoad(loadOptions(hub.url, o, `h${o.concurrency}`));
    process.stderr.write(
      `  load done: ${JSON.stringify(load.statuses)} (last answer ${load.stoppedAt - load.windowEnd} ms after the window)\n`,
    );
    const drainMs = await drain(hub.store, load.stoppedAt, o.drainTimeoutMs);
    return result("hub", o, load, await amendmentsFromStore(hub.store, config.targets.length), drainMs);
  } finally {
    await hub.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function drain(store: Queryable, stoppedAt: number, timeoutMs: number): Promise<number | undefined> {
  let lastLog = 0;
  while (Date.now() - stoppedAt < timeoutMs) {
    const [row] = await store.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM deliveries WHERE status IN ('pending', 'in_flight')",
    );
    // Progress on stderr: a slow drain is a finding, and a silent one looks like a hang.
    if (Date.now() - lastLog > 5000) {
      lastLog = Date.now();
      process.stderr.write(
        `  draining: ${row!.n} deliveries pending after ${((Date.now() - stoppedAt) / 1000).toFixed(0)} s\n`,
      );
    }
    if (row!.n === 0) {
      const [last] = await store.query<{ at: number | null }>(
        "SELECT (extract(epoch FROM max(settled_at)) * 1000)::float8 AS at FROM deliveries",
      );
      return Math.max(0, (last!.at ?? stoppedAt) - stoppedAt);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

/**
 * Receipt (inbound_messages.received_at) and last settlement per accepted amendment; fully
 * delivered = every target's delivery acknowledged (procurement, ERP) or delivered (analytics).
 * The inbound row and its event share the correlation id minted at intake.
 */
export async function amendmentsFromStore(store: Queryable, targets: number): Promise<Amendment[]> {
  const rows = await store.query<{ event_id: string; received: number; done: number | null; ok: number }>(
    `SELECT i.message_id AS event_id,
            (extract(epoch FROM i.received_at) * 1000)::float8 AS received,
            (extract(epoch FROM max(d.settled_at)) * 1000)::float8 AS done,
            count(*) FILTER (WHERE d.status IN ('acknowledged', 'delivered'))::int AS ok
     FROM inbound_messages i
     JOIN events e ON e.correlation_id = i.correlation_id
     JOIN deliveries d ON d.event_id = e.id
     WHERE i.system = 'clm' AND i.status = 'accepted'
     GROUP BY i.id, i.message_id, i.received_at`,
  );
  return rows.map((r) => ({
    eventId: r.event_id,
    receivedAt: r.received,
    doneAt: r.ok === targets && r.done !== null ? r.done : undefined,
  }));
}

function benchStoreUrl(dir: string): string {
  const store = process.env.BENCH_STORE;
  if (store === "memory") return "memory:";
  if (store?.startsWith("postgres")) {
    return `${store}${store.includes("?") ? "&" : "?"}schema=bench_${Date.now().toString(36)}`;
  }
  return `pglite:${dir}`;
}

/** A scenario that did not run (skipped with --only, or stalled and killed): its figures read as NaN. */
export function skippedResult(system: ScenarioResult["system"], concurrency: number, stalled = false): ScenarioResult {
  const nan = Number.NaN;
  return {
    system,
    concurrency,
    ...(stalled ? { stalled } : {}),
    deliveredPerSec: nan,
    acceptedPerSec: nan,
    p50Ms: nan,
    p99Ms: nan,
    p50SendMs: nan,
    p99SendMs: nan,
    backlogAtStart: 0,
    backlogAtEnd: 0,
    neverDelivered: 0,
    statuses: {},
    drainMs: undefined,
    responseP50Ms: nan,
    responseP99Ms: nan,
  };
}

/** The timing and load shape every scenario shares, from the environment (see docs/benchmarks.md). */
export function benchTiming(quick: boolean, quickMeasureS: number) {
  const num = (env: string, fallback: number) => (process.env[env] ? Number(process.env[env]) : fallback);
  return {
    warmupMs: num("BENCH_WARMUP_S", quick ? 1 : 3) * 1000,
    measureMs: num("BENCH_MEASURE_S", quick ? quickMeasureS : 15) * 1000,
    drainTimeoutMs: num("BENCH_DRAIN_S", quick ? 60 : 300) * 1000,
    contractsPerWorker: num("BENCH_CONTRACTS_PER_WORKER", 8),
    ...(process.env.BENCH_DISPATCH_CONCURRENCY
      ? { dispatchConcurrency: Number(process.env.BENCH_DISPATCH_CONCURRENCY) }
      : {}),
    ...(process.env.BENCH_MAX_BACKLOG ? { maxBacklog: Number(process.env.BENCH_MAX_BACKLOG) } : {}),
  };
}
