import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { Pool } from "undici";
import { spawnReady } from "../test/support/spawn-ready.js";
import { clmAmendment } from "./dataset.js";
import { runIsolated } from "./isolate.js";
import { type LoadResult, postClmEvent, runLoad } from "./load.js";
import { startMockTarget } from "./mock-process.js";
import {
  benchTiming,
  type ScenarioOptions,
  skippedResult,
  amendmentsFromStore as storeAmendments,
} from "./scenarios.js";
import { type Amendment, type Summary, summarize } from "./stats.js";

/**
 * npx tsx bench/scale-out.ts [--quick] [--workers=1,2,4] [--soak=600]
 *
 * The contract fan-out (bench/scenarios.ts's workload: 50-line CLM amendments POSTed at
 * concurrency 50, three targets in bench/mock-target.ts) on PostgreSQL, scaled out: one
 * `concord api` process and N `concord worker` processes (bench/scale-out-process.ts), each run on
 * its own fresh schema (dropped afterwards), side by side with the non-durable baseline measured in
 * the same run (before and after the hub runs). Per worker count: delivered/s, p50/p99 receipt →
 * last ack, and CPU per delivered amendment (api + workers, from /proc/<pid>/stat; PostgreSQL's
 * backends for this schema and the load generator reported apart). While the window runs,
 * pg_stat_activity is sampled every 100 ms for this run's backends: how many are executing, and
 * how many wait on a lock (and on which statement: the audit chain tip, the claim, other).
 *
 * --soak=S: one api + 2 workers; a closed-loop peak measurement first, then S seconds of paced
 * load at half that peak; RSS of every process every 30 s and p99 per 30-s bucket of receipt.
 *
 * Env: BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test), BENCH_WARMUP_S,
 * BENCH_MEASURE_S, BENCH_DRAIN_S, BENCH_CONTRACTS_PER_WORKER, BENCH_DISPATCH_CONCURRENCY.
 * Writes bench/results/scale-out.json (soak: bench/results/scale-out-soak.json). Always exits 0
 * on a completed run: a benchmark reports, the tests assert.
 */
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const PG_URL = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const CONCURRENCY = 50;
const PATH = "/v1/inbound/clm/agreement-events";
const TARGETS = 3;
const soakSeconds = arg("soak") ? Number(arg("soak")) : undefined;
const workerCounts = (arg("workers") ?? "1,2,4").split(",").map(Number);
const base = {
  concurrency: CONCURRENCY,
  ...benchTiming(quick, 5),
};
const CLK_TCK = 100; // getconf CLK_TCK on Linux x86_64

// ---------------------------------------------------------------------------------------------
// Processes: every child this script starts is tracked and killed on the way out, whatever happens.

const children = new Set<ChildProcess>();
let stopMock: (() => Promise<void>) | undefined;
const killAll = () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
};
process.on("exit", killAll);
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    killAll();
    // The mock target (bench/mock-process.ts) is not in `children`: stop it, then leave.
    void Promise.race([stopMock?.(), new Promise((r) => setTimeout(r, 2000))]).finally(() => process.exit(130));
  });
}

interface Proc {
  readonly role: "api" | "worker";
  readonly child: ChildProcess;
  readonly pid: number;
  readonly url: string;
}

function startRole(config: {
  storeUrl: string;
  role: "api" | "worker";
  mockUrl: string;
  seedContracts: number;
  dispatchConcurrency?: number;
}): Promise<Proc> {
  const ready = spawnReady(fileURLToPath(new URL("./scale-out-process.ts", import.meta.url)), config, (child) => {
    children.add(child);
    child.once("exit", () => children.delete(child));
  });
  return ready.then(({ child, url }) => ({ role: config.role, child, pid: child.pid!, url }));
}

async function stopProc(p: Proc): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => p.child.kill("SIGKILL"), 15_000);
    p.child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    p.child.kill("SIGTERM");
  });
}

/** CPU time (user + system, ms) and RSS (MB) of a process, from /proc; undefined once it is gone. */
function procStat(pid: number): { cpuMs: number; rssMb: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After "pid (comm) ": state is field 0, utime 11, stime 12, rss (pages) 21.
    const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
    const rssMb = (Number(fields[21]) * 4096) / 1024 / 1024;
    return { cpuMs, rssMb };
  } catch {
    return undefined;
  }
}

/** Time a process spent runnable but waiting for a core (ms, all its threads' /proc schedstat). */
function runQueueWaitMs(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[1]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

// ---------------------------------------------------------------------------------------------
// A scaled-out hub on a fresh schema.

interface Cluster {
  readonly schema: string;
  readonly api: Proc;
  readonly workers: Proc[];
  /** This script's own connection to the schema (drain, results, sampling). */
  readonly db: pg.Client;
  close(): Promise<void>;
}

async function startCluster(mockUrl: string, workers: number): Promise<Cluster> {
  const schema = `bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  // application_name marks this run's backends in pg_stat_activity (the sampler's filter).
  const storeUrl = `${PG_URL}${PG_URL.includes("?") ? "&" : "?"}schema=${schema}&application_name=${schema}`;
  const common = {
    storeUrl,
    mockUrl,
    ...(base.dispatchConcurrency ? { dispatchConcurrency: base.dispatchConcurrency } : {}),
  };
  const procs: Proc[] = [];
  const db = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
  await db.connect();
  const close = async () => {
    await Promise.all(procs.map(stopProc));
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch((e: Error) => {
      process.stderr.write(`  could not drop schema ${schema}: ${e.message}\n`);
    });
    await db.end();
  };
  try {
    // The api migrates and seeds first; workers start on a ready schema.
    const api = await startRole({ ...common, role: "api", seedContracts: CONCURRENCY * base.contractsPerWorker });
    procs.push(api);
    const ws = await Promise.all(
      Array.from({ length: workers }, () => startRole({ ...common, role: "worker", seedContracts: 0 })),
    );
    procs.push(...ws);
    return { schema, api, workers: ws, db, close };
  } catch (e) {
    await close();
    throw e;
  }
}

async function drain(db: pg.Client, stoppedAt: number, timeoutMs: number): Promise<number | undefined> {
  let lastLog = 0;
  while (Date.now() - stoppedAt < timeoutMs) {
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM deliveries WHERE status IN ('pending', 'in_flight')",
    );
    if (Date.now() - lastLog > 5000) {
      lastLog = Date.now();
      process.stderr.write(
        `  draining: ${rows[0]!.n} deliveries pending after ${((Date.now() - stoppedAt) / 1000).toFixed(0)} s\n`,
      );
    }
    if (rows[0]!.n === 0) {
      const { rows: last } = await db.query<{ at: number | null }>(
        "SELECT (extract(epoch FROM max(settled_at)) * 1000)::float8 AS at FROM deliveries",
      );
      return Math.max(0, (last[0]!.at ?? stoppedAt) - stoppedAt);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return undefined;
}

/** The same query as the hub scenario, over this run's own connection. */
function amendmentsFromStore(db: pg.Client): Promise<Amendment[]> {
  return storeAmendments({ query: async (sql, params) => (await db.query(sql, params as unknown[])).rows }, TARGETS);
}

// ---------------------------------------------------------------------------------------------
// Sampling PostgreSQL while the window runs.

interface PgSampler {
  stop(): Promise<PgSample>;
}
interface PgSample {
  readonly samples: number;
  /** Average number of this run's backends executing a statement (not waiting on a lock). */
  readonly avgRunning: number;
  /** Average number waiting on a heavyweight lock, by the statement waiting. */
  readonly avgLockWaiting: number;
  readonly lockWaitsBy: Record<string, number>;
  /** Average number idle inside a transaction (the process is doing work between statements). */
  readonly avgIdleInTx: number;
  /** Share of samples in which at least one backend waited for the audit chain tip's row lock. */
  readonly tipContendedShare: number;
  /** CPU of this run's PostgreSQL backends over the sampling period, ms. */
  readonly backendCpuMs: number;
}

function classify(query: string): string {
  if (/audit_chain_tip/i.test(query)) return "audit chain tip";
  if (/SKIP LOCKED/i.test(query)) return "claim";
  if (/UPDATE\s+deliveries/i.test(query)) return "settle";
  if (/INSERT INTO (events|inbound_messages|contract)/i.test(query)) return "intake";
  return query.replace(/\s+/g, " ").trim().slice(0, 40);
}

function startPgSampler(db: pg.Client, schema: string, everyMs = 100): PgSampler {
  let stopped = false;
  let samples = 0;
  let running = 0;
  let lockWaiting = 0;
  let idleInTx = 0;
  let tipContended = 0;
  const lockWaitsBy: Record<string, number> = {};
  const cpuStart = new Map<number, number>();
  const cpuLast = new Map<number, number>();
  const loop = (async () => {
    while (!stopped) {
      const { rows } = await db.query<{ pid: number; state: string | null; wtype: string | null; query: string }>(
        `SELECT pid, state, wait_event_type AS wtype, query FROM pg_stat_activity
         WHERE application_name = $1 AND pid <> pg_backend_pid()`,
        [schema],
      );
      samples++;
      if (rows.some((r) => r.state === "active" && r.wtype === "Lock" && /audit_chain_tip/i.test(r.query)))
        tipContended++;
      for (const r of rows) {
        const cpu = procStat(r.pid)?.cpuMs;
        if (cpu !== undefined) {
          if (!cpuStart.has(r.pid)) cpuStart.set(r.pid, samples === 1 ? cpu : 0);
          cpuLast.set(r.pid, cpu);
        }
        if (r.state === "idle in transaction") idleInTx++;
        else if (r.state === "active") {
          if (r.wtype === "Lock") {
            lockWaiting++;
            const k = classify(r.query);
            lockWaitsBy[k] = (lockWaitsBy[k] ?? 0) + 1;
          } else running++;
        }
      }
      await new Promise((res) => setTimeout(res, everyMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      let backendCpuMs = 0;
      for (const [pid, last] of cpuLast) backendCpuMs += last - (cpuStart.get(pid) ?? 0);
      const per = (n: number) => (samples > 0 ? n / samples : Number.NaN);
      return {
        samples,
        avgRunning: per(running),
        avgLockWaiting: per(lockWaiting),
        lockWaitsBy: Object.fromEntries(Object.entries(lockWaitsBy).map(([k, v]) => [k, per(v)])),
        avgIdleInTx: per(idleInTx),
        tipContendedShare: per(tipContended),
        backendCpuMs,
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// One measured run of a cluster under the closed-loop load of bench/load.ts.

interface HubRow extends Summary {
  readonly workers: number;
  readonly statuses: Record<string, number>;
  readonly drainMs: number | undefined;
  readonly responseP99Ms: number;
  /** api + workers CPU in the window, ms, and per amendment delivered in the window. */
  readonly hubCpuMs: number;
  readonly hubCpuMsPerAmendment: number;
  readonly cpuMsByProcess: Record<string, number>;
  /** Waiting for a core while runnable, per process, ms in the window (a shared machine's tax). */
  readonly runQueueWaitMsByProcess: Record<string, number>;
  /** /proc/loadavg's 1-minute figure at the window's start (other tenants of the machine included). */
  readonly loadAvg1: number;
  readonly pgBackendCpuMsPerAmendment: number;
  readonly loadGenCpuMsPerAmendment: number;
  readonly pg: PgSample;
  /** Transactions that took the audit chain tip in the window (distinct clock_timestamp at lock), and entries. */
  readonly auditTxPerSec: number;
  /** Inbound records not accepted (rejected or failed): must be 0 for the figures to mean anything. */
  readonly notAccepted: number;
  readonly auditEntriesPerSec: number;
}

async function measureCluster(c: Cluster, workers: number): Promise<HubRow> {
  const procs = [c.api, ...c.workers];
  const start = Date.now();
  let cpu0: Map<number, number> | undefined;
  let cpu1: Map<number, number> | undefined;
  let gen0: NodeJS.CpuUsage | undefined;
  let gen1: NodeJS.CpuUsage | undefined;
  let sampler: PgSampler | undefined;
  let pgSample: Promise<PgSample> | undefined;
  const snap = () => new Map(procs.map((p) => [p.pid, procStat(p.pid)?.cpuMs ?? Number.NaN]));
  const waits = () => new Map(procs.map((p) => [p.pid, runQueueWaitMs(p.pid)]));
  let wait0: Map<number, number> | undefined;
  let wait1: Map<number, number> | undefined;
  let loadAvg1 = Number.NaN;
  const t0 = setTimeout(() => {
    cpu0 = snap();
    wait0 = waits();
    loadAvg1 = Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
    gen0 = process.cpuUsage();
    sampler = startPgSampler(c.db, c.schema);
  }, base.warmupMs);
  const t1 = setTimeout(() => {
    cpu1 = snap();
    wait1 = waits();
    gen1 = process.cpuUsage(gen0);
    pgSample = sampler?.stop();
  }, base.warmupMs + base.measureMs);
  const load: LoadResult = await runLoad({
    url: c.api.url,
    path: PATH,
    concurrency: CONCURRENCY,
    contractsPerWorker: base.contractsPerWorker,
    warmupMs: base.warmupMs,
    measureMs: base.measureMs,
    tag: `s${workers}`,
  });
  clearTimeout(t0);
  clearTimeout(t1);
  process.stderr.write(
    `  load done: ${JSON.stringify(load.statuses)} (timers ${start + base.warmupMs - load.windowStart} ms off the window)\n`,
  );
  const pgs = (await pgSample) ?? (await sampler!.stop());
  const drainMs = await drain(c.db, load.stoppedAt, base.drainTimeoutMs);
  const all = await amendmentsFromStore(c.db);
  const summary = summarize(all, { start: load.windowStart, end: load.windowEnd }, load.sentAt);
  const { rows: rej } = await c.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM inbound_messages WHERE status <> 'accepted'",
  );
  // Every record of one append shares `at` (clock_timestamp() read under the tip lock), so
  // distinct `at` values count the transactions that held the tip.
  const { rows: audit } = await c.db.query<{ tx: number; entries: number }>(
    `SELECT count(DISTINCT at)::int AS tx, count(*)::int AS entries FROM audit_log
     WHERE at >= to_timestamp($1::float8 / 1000) AND at < to_timestamp($2::float8 / 1000)`,
    [load.windowStart, load.windowEnd],
  );
  const delivered = (summary.deliveredPerSec * base.measureMs) / 1000;
  const cpuMsByProcess: Record<string, number> = {};
  const runQueueWaitMsByProcess: Record<string, number> = {};
  let hubCpuMs = 0;
  procs.forEach((p, i) => {
    const d = (cpu1?.get(p.pid) ?? Number.NaN) - (cpu0?.get(p.pid) ?? Number.NaN);
    cpuMsByProcess[i === 0 ? "api" : `worker${i}`] = d;
    runQueueWaitMsByProcess[i === 0 ? "api" : `worker${i}`] =
      (wait1?.get(p.pid) ?? Number.NaN) - (wait0?.get(p.pid) ?? Number.NaN);
    hubCpuMs += d;
  });
  const genMs = gen1 ? (gen1.user + gen1.system) / 1000 : Number.NaN;
  const rsp = [...load.responseMs].sort((a, b) => a - b);
  return {
    workers,
    ...summary,
    statuses: load.statuses,
    drainMs,
    responseP99Ms: rsp[Math.min(rsp.length - 1, Math.ceil(0.99 * rsp.length) - 1)] ?? Number.NaN,
    hubCpuMs,
    hubCpuMsPerAmendment: hubCpuMs / delivered,
    cpuMsByProcess,
    runQueueWaitMsByProcess,
    loadAvg1,
    pgBackendCpuMsPerAmendment: pgs.backendCpuMs / delivered,
    loadGenCpuMsPerAmendment: genMs / delivered,
    pg: pgs,
    notAccepted: rej[0]!.n,
    auditTxPerSec: audit[0]!.tx / (base.measureMs / 1000),
    auditEntriesPerSec: audit[0]!.entries / (base.measureMs / 1000),
  };
}

// ---------------------------------------------------------------------------------------------
// Paced (open-loop) load for the soak: `rate` amendments/s, spread over CONCURRENCY senders that
// each own their contracts (the same event shapes and per-contract order as bench/load.ts).

async function runPacedLoad(url: string, rate: number, durationMs: number, tag: string) {
  const pool = new Pool(url, { connections: CONCURRENCY, pipelining: 1, keepAliveTimeout: 60_000 });
  const start = Date.now();
  const end = start + durationMs;
  const statuses: Record<string, number> = {};
  const sentAt = new Map<string, number>();
  let ticket = 0;
  let late = 0;
  async function sender(w: number): Promise<void> {
    const contracts = Array.from({ length: base.contractsPerWorker }, (_, i) => w * base.contractsPerWorker + i + 1);
    // Above the peak phase's amendment numbers (a few per contract), below the CLM schema's 1,000,000.
    const next = new Map(contracts.map((c) => [c, 100_000]));
    for (let k = 0; ; k++) {
      const due = start + (ticket++ * 1000) / rate;
      if (due >= end) return;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      else if (wait < -1000) late++;
      const c = contracts[k % contracts.length]!;
      const amendment = next.get(c)!;
      next.set(c, amendment + 1);
      const eventId = `bench-${tag}-${c}-${amendment}`;
      const body = JSON.stringify(clmAmendment(c, amendment, eventId));
      sentAt.set(eventId, Date.now());
      const status = await postClmEvent(pool, PATH, eventId, body, end, statuses);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => sender(w)));
  const stoppedAt = Date.now();
  await pool.close();
  return { start, end, stoppedAt, statuses, sentAt, late };
}

// ---------------------------------------------------------------------------------------------
// Formatting.

const f = (n: number | undefined, d = 0) => (n === undefined || Number.isNaN(n) ? "—" : n.toFixed(d));
const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
const pct = (sorted: readonly number[], q: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const meta = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  quick,
  postgres: PG_URL.replace(/\/\/[^@]*@/, "//…@"),
  ...base,
};

// ---------------------------------------------------------------------------------------------
// Main.

const mock = await startMockTarget();
stopMock = () => mock.stop();
try {
  if (soakSeconds !== undefined) await soak(mock.url, soakSeconds);
  else await scale(mock.url);
} finally {
  await mock.stop();
}
process.exit(0);

async function scale(mockUrl: string): Promise<void> {
  const o: ScenarioOptions = { ...base, mockUrl };
  process.stderr.write("baseline (before)…\n");
  const before = await runIsolated("baseline", o, skippedResult);
  const rows: HubRow[] = [];
  for (const n of workerCounts) {
    process.stderr.write(`hub: 1 api + ${n} worker(s)…\n`);
    const c = await startCluster(mockUrl, n);
    try {
      rows.push(await measureCluster(c, n));
    } finally {
      await c.close();
    }
  }
  process.stderr.write("baseline (after)…\n");
  const after = await runIsolated("baseline", o, skippedResult);
  const baseRate = mean([before.deliveredPerSec, after.deliveredPerSec].filter((x) => !Number.isNaN(x)));

  const out = [
    line([
      "system",
      "delivered/s",
      "accepted/s",
      "p50 ms",
      "p99 ms",
      "202 p99 ms",
      "backlog start→end",
      "drain s",
      "vs baseline",
      "vs 1 worker",
      "hub CPU ms/amdt",
      "PG CPU ms/amdt",
      "PG busy / lock-wait backends",
    ]),
    line(Array(13).fill("---")),
  ];
  for (const [label, b] of [
    ["baseline (before)", before],
    ["baseline (after)", after],
  ] as const) {
    out.push(
      line([
        label,
        f(b.deliveredPerSec, 1),
        f(b.acceptedPerSec, 1),
        f(b.p50Ms),
        f(b.p99Ms),
        f(b.responseP99Ms),
        `${b.backlogAtStart}→${b.backlogAtEnd}`,
        "",
        "",
        "",
        "",
        "",
        "",
      ]),
    );
  }
  const one = rows.find((r) => r.workers === 1)?.deliveredPerSec;
  for (const r of rows) {
    out.push(
      line([
        `hub: api + ${r.workers} worker${r.workers > 1 ? "s" : ""}`,
        f(r.deliveredPerSec, 1),
        f(r.acceptedPerSec, 1),
        f(r.p50Ms),
        f(r.p99Ms),
        f(r.responseP99Ms),
        `${r.backlogAtStart}→${r.backlogAtEnd}`,
        r.drainMs === undefined ? "timeout" : f(r.drainMs / 1000, 1),
        `**${f((r.deliveredPerSec / baseRate) * 100)}%**`,
        one ? `${f(r.deliveredPerSec / one, 2)}×` : "",
        f(r.hubCpuMsPerAmendment, 2),
        f(r.pgBackendCpuMsPerAmendment, 2),
        `${f(r.pg.avgRunning, 1)} / ${f(r.pg.avgLockWaiting, 1)}`,
      ]),
    );
  }
  console.log(out.join("\n"));
  for (const r of rows) {
    const bad = Object.entries(r.statuses).filter(([k]) => !/^2\d\d$/.test(k));
    const cpu = Object.entries(r.cpuMsByProcess)
      .map(
        ([k, v]) =>
          `${k} ${f((v / base.measureMs) * 100)}% (+${f(((r.runQueueWaitMsByProcess[k] ?? Number.NaN) / base.measureMs) * 100)}% runnable, waiting for a core)`,
      )
      .join(", ");
    const waits = Object.entries(r.pg.lockWaitsBy)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${f(v, 2)}`)
      .join(", ");
    console.log(
      `note: ${r.workers} worker(s): load average ${f(r.loadAvg1, 1)}; CPU of a core in the window: ${cpu}; load generator ${f(r.loadGenCpuMsPerAmendment, 2)} ms/amdt; ` +
        `lock waits by statement (avg backends): ${waits || "none"}; tip contended in ${f(r.pg.tipContendedShare * 100)}% of samples; ` +
        `audit appends ${f(r.auditTxPerSec, 1)} tx/s (${f(r.auditEntriesPerSec, 1)} entries/s); idle in transaction ${f(r.pg.avgIdleInTx, 1)}; ` +
        `non-2xx ${JSON.stringify(Object.fromEntries(bad))}; never delivered ${r.neverDelivered}; not accepted ${r.notAccepted}`,
    );
  }
  await mkdir(new URL("./results/", import.meta.url), { recursive: true });
  await writeFile(
    new URL("./results/scale-out.json", import.meta.url),
    `${JSON.stringify({ meta: { ...meta, workerCounts }, baseline: { before, after, mean: baseRate }, rows }, null, 2)}\n`,
  );
}

async function soak(mockUrl: string, seconds: number): Promise<void> {
  const WORKERS = 2;
  const SAMPLE_MS = 30_000;
  process.stderr.write(`soak: 1 api + ${WORKERS} workers; peak first…\n`);
  const c = await startCluster(mockUrl, WORKERS);
  try {
    const peak = await measureCluster(c, WORKERS);
    const rate = peak.deliveredPerSec / 2;
    process.stderr.write(
      `  peak ${f(peak.deliveredPerSec, 1)} delivered/s (p99 ${f(peak.p99Ms)} ms); soak at ${f(rate, 1)}/s for ${seconds} s\n`,
    );
    const procs = [c.api, ...c.workers];
    const names = ["api", ...c.workers.map((_, i) => `worker${i + 1}`)];
    interface Tick {
      readonly t: number;
      readonly rssMb: Record<string, number>;
      readonly cpuPct: Record<string, number>;
      readonly pending: number;
    }
    const ticks: Tick[] = [];
    let prevCpu = new Map(procs.map((p) => [p.pid, procStat(p.pid)?.cpuMs ?? Number.NaN]));
    const soakStart = Date.now();
    const sample = async () => {
      const cpuNow = new Map(procs.map((p) => [p.pid, procStat(p.pid)?.cpuMs ?? Number.NaN]));
      const { rows } = await c.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM deliveries WHERE status IN ('pending', 'in_flight')",
      );
      const tick: Tick = {
        t: Math.round((Date.now() - soakStart) / 1000),
        rssMb: Object.fromEntries(procs.map((p, i) => [names[i]!, Math.round(procStat(p.pid)?.rssMb ?? Number.NaN)])),
        cpuPct: Object.fromEntries(
          procs.map((p, i) => [names[i]!, Math.round(((cpuNow.get(p.pid)! - prevCpu.get(p.pid)!) / SAMPLE_MS) * 100)]),
        ),
        pending: rows[0]!.n,
      };
      prevCpu = cpuNow;
      ticks.push(tick);
      process.stderr.write(
        `  t=${tick.t}s rss ${JSON.stringify(tick.rssMb)} cpu% ${JSON.stringify(tick.cpuPct)} open deliveries ${tick.pending}\n`,
      );
    };
    const timer = setInterval(() => void sample(), SAMPLE_MS);
    const load = await runPacedLoad(c.api.url, rate, seconds * 1000, "soak");
    clearInterval(timer);
    process.stderr.write(`  soak load done: ${JSON.stringify(load.statuses)}, late sends ${load.late}\n`);
    const drainMs = await drain(c.db, load.stoppedAt, base.drainTimeoutMs);
    const all = (await amendmentsFromStore(c.db)).filter((a) => load.sentAt.has(a.eventId));
    const { rows: inbound } = await c.db.query<{ status: string; n: number }>(
      "SELECT status, count(*)::int AS n FROM inbound_messages WHERE system = 'clm' GROUP BY status",
    );
    const inboundByStatus = Object.fromEntries(inbound.map((r) => [r.status, r.n]));
    const buckets = Math.ceil((seconds * 1000) / SAMPLE_MS);
    const series = Array.from({ length: buckets }, (_, b) => {
      const from = load.start + b * SAMPLE_MS;
      const inB = all.filter((a) => a.receivedAt >= from && a.receivedAt < from + SAMPLE_MS);
      const lat = inB
        .filter((a) => a.doneAt !== undefined)
        .map((a) => a.doneAt! - a.receivedAt)
        .sort((x, y) => x - y);
      const tick = ticks.find((t) => t.t * 1000 >= (b + 1) * SAMPLE_MS - 2000);
      return {
        t: ((b + 1) * SAMPLE_MS) / 1000,
        received: inB.length,
        perSec: inB.length / (SAMPLE_MS / 1000),
        p50Ms: pct(lat, 0.5),
        p99Ms: pct(lat, 0.99),
        notDelivered: inB.length - lat.length,
        rssMb: tick?.rssMb ?? {},
        cpuPct: tick?.cpuPct ?? {},
        openDeliveries: tick?.pending,
      };
    });
    const third = Math.max(1, Math.floor(series.length / 3));
    const firstThird = series.slice(0, third);
    const lastThird = series.slice(-third);
    const flat = (get: (s: (typeof series)[number]) => number) => {
      const a = mean(firstThird.map(get));
      const b = mean(lastThird.map(get));
      const change = b / a - 1;
      // Growth is the failure a soak looks for; a fall (heap returned after the peak phase) is reported as such.
      const verdict =
        Math.abs(change) <= 0.2 ? "flat (within 20%)" : change > 0 ? "GREW (more than 20%)" : "fell (more than 20%)";
      return { first: a, last: b, change, flat: Math.abs(change) <= 0.2, grew: change > 0.2, verdict };
    };
    const verdicts: Record<string, ReturnType<typeof flat>> = { p99Ms: flat((s) => s.p99Ms) };
    for (const n of names) verdicts[`rss ${n}`] = flat((s) => s.rssMb[n] ?? Number.NaN);

    const out = [
      line([
        "t s",
        "received/s",
        "p50 ms",
        "p99 ms",
        ...names.map((n) => `${n} RSS MB`),
        ...names.map((n) => `${n} CPU %`),
        "open deliveries",
      ]),
      line(Array(4 + names.length * 2 + 1).fill("---")),
      ...series.map((s) =>
        line([
          String(s.t),
          f(s.perSec, 1),
          f(s.p50Ms),
          f(s.p99Ms),
          ...names.map((n) => f(s.rssMb[n])),
          ...names.map((n) => f(s.cpuPct[n])),
          s.openDeliveries === undefined ? "—" : String(s.openDeliveries),
        ]),
      ),
    ];
    console.log(
      `Soak: 1 api + ${WORKERS} workers, peak ${f(peak.deliveredPerSec, 1)} delivered/s (p50 ${f(peak.p50Ms)} ms, p99 ${f(peak.p99Ms)} ms), ` +
        `paced at ${f(rate, 1)}/s for ${seconds} s; drain ${drainMs === undefined ? "timeout" : `${f(drainMs / 1000, 1)} s`}; ` +
        `statuses ${JSON.stringify(load.statuses)}; inbound records (peak + soak) ${JSON.stringify(inboundByStatus)}; ` +
        `soak amendments accepted ${all.length}, never delivered ${all.filter((a) => a.doneAt === undefined).length}`,
    );
    console.log(out.join("\n"));
    for (const [k, v] of Object.entries(verdicts)) {
      console.log(
        `${k}: first third ${f(v.first, 1)}, last third ${f(v.last, 1)} (${v.change >= 0 ? "+" : ""}${f(v.change * 100)}%) → ${v.verdict}`,
      );
    }
    await mkdir(new URL("./results/", import.meta.url), { recursive: true });
    await writeFile(
      new URL("./results/scale-out-soak.json", import.meta.url),
      `${JSON.stringify({ meta: { ...meta, soakSeconds: seconds, workers: WORKERS }, peak, rate, drainMs, statuses: load.statuses, inboundByStatus, series, verdicts }, null, 2)}\n`,
    );
  } finally {
    await c.close();
  }
}
