import { spawnSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { runIsolated } from "./isolate.js";
import { startMockTarget } from "./mock-process.js";
import { benchTiming, type ScenarioOptions, type ScenarioResult, skippedResult } from "./scenarios.js";

/**
 * npm run bench [-- --quick] [-- --concurrency=10,50] [-- --only=hub|baseline|floor|floor-min|fanout|x12|price|invoice]
 * Runs the contract fan-out (hub vs the non-durable baseline, and two durable floors: the
 * baseline plus the least a durable hub of the outbox's shape, or of any shape, writes on PGlite,
 * bench/durable-floor.ts), then the X12 codec benchmark
 * (bench/x12-codec.ts: 50 MB 832, or 10 MB with --quick, against node-x12's parser), then the
 * effective-price lookup under load (bench/price-lookup.ts: hub vs an in-memory baseline), then the
 * invoice match (bench/invoice-match.ts: the durable workflow vs the match engine alone).
 * Env: BENCH_WARMUP_S, BENCH_MEASURE_S, BENCH_DRAIN_S, BENCH_CONTRACTS_PER_WORKER, BENCH_DISPATCH_CONCURRENCY.
 * Always exits 0 on a completed run: a benchmark reports, the tests assert.
 */
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];

// --only=hub|baseline|floor|floor-min runs one side (for profiling); the ratios then read as NaN.
const only = arg("only");
const concurrencies =
  only === "x12" || only === "price" || only === "invoice"
    ? []
    : (arg("concurrency") ?? "10,50").split(",").map(Number);
const base = {
  ...benchTiming(quick, 4),
};

const mock = await startMockTarget();
const rows: {
  concurrency: number;
  baseline: ScenarioResult;
  floor: ScenarioResult;
  floorMin: ScenarioResult;
  hub: ScenarioResult;
  ratio: number;
  floorRatio: number;
  floorMinRatio: number;
}[] = [];
const runs = (system: ScenarioResult["system"]) => only === undefined || only === "fanout" || only === system;
try {
  for (const concurrency of concurrencies) {
    const o: ScenarioOptions = { ...base, mockUrl: mock.url, concurrency };
    const scenario = async (system: ScenarioResult["system"]) => {
      if (!runs(system)) return skippedResult(system, concurrency);
      process.stderr.write(`concurrency ${concurrency}: ${system}…\n`);
      return runIsolated(system, o, skippedResult);
    };
    const baseline = await scenario("baseline");
    const floorMin = await scenario("floor-min");
    const floor = await scenario("floor");
    const hub = await scenario("hub");
    const share = (s: ScenarioResult) => s.deliveredPerSec / baseline.deliveredPerSec;
    rows.push({
      concurrency,
      baseline,
      floor,
      floorMin,
      hub,
      ratio: share(hub),
      floorRatio: share(floor),
      floorMinRatio: share(floorMin),
    });
  }
} finally {
  await mock.stop();
}

// NaN crosses the scenario process boundary as null (JSON).
const f = (n: number | null | undefined, d = 0) => (n == null || Number.isNaN(n) ? "—" : n.toFixed(d));
const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
const out = [
  line([
    "conc",
    "system",
    "delivered/s",
    "accepted/s",
    "p50 ms",
    "p99 ms",
    "p99 from send",
    "202/200 p99",
    "backlog start→end",
    "drain s",
    "of baseline",
  ]),
  line(Array(11).fill("---")),
];
for (const r of rows) {
  for (const s of [r.baseline, r.floorMin, r.floor, r.hub]) {
    const share = { baseline: undefined, "floor-min": r.floorMinRatio, floor: r.floorRatio, hub: r.ratio }[s.system];
    out.push(
      line([
        String(r.concurrency),
        s.system,
        f(s.deliveredPerSec, 1),
        f(s.acceptedPerSec, 1),
        f(s.p50Ms),
        f(s.p99Ms),
        f(s.p99SendMs),
        f(s.responseP99Ms),
        `${s.backlogAtStart}→${s.backlogAtEnd}`,
        s.drainMs === undefined ? "timeout" : f(s.drainMs / 1000, 1),
        share === undefined ? "" : `${(share * 100).toFixed(0)}%`,
      ]),
    );
  }
}
console.log(out.join("\n"));
for (const r of rows) {
  for (const s of [r.baseline, r.floorMin, r.floor, r.hub]) {
    const bad = Object.entries(s.statuses).filter(([k]) => !/^2\d\d$/.test(k));
    if (s.stalled)
      console.log(`note: ${s.system} @${r.concurrency}: STALLED (killed at the deadline; event loop blocked?)`);
    else if (bad.length > 0 || s.neverDelivered > 0) {
      console.log(
        `note: ${s.system} @${r.concurrency}: non-2xx ${JSON.stringify(Object.fromEntries(bad))}, never delivered ${s.neverDelivered}`,
      );
    }
  }
}

const meta = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  quick,
  ...base,
};
await mkdir(new URL("./results/", import.meta.url), { recursive: true });
await writeFile(new URL("./results/latest.json", import.meta.url), `${JSON.stringify({ meta, rows }, null, 2)}\n`);
if (only === undefined || only === "x12") {
  // In its own process: its 50 MB file and node-x12's object model must not share a heap with the above.
  spawnSync(
    process.execPath,
    ["--import", "tsx", fileURLToPath(new URL("./x12-codec.ts", import.meta.url)), `--mb=${quick ? 10 : 50}`],
    {
      stdio: "inherit",
    },
  );
}
if (only === undefined || only === "price") {
  // The effective-price lookup under load (bench/price-lookup.ts): hub vs in-memory baseline.
  spawnSync(
    process.execPath,
    ["--import", "tsx", fileURLToPath(new URL("./price-lookup.ts", import.meta.url)), ...(quick ? ["--quick"] : [])],
    { stdio: "inherit" },
  );
}
if (only === undefined || only === "invoice") {
  // Invoice match (bench/invoice-match.ts): the durable workflow on PGlite vs the engine alone.
  spawnSync(
    process.execPath,
    ["--import", "tsx", fileURLToPath(new URL("./invoice-match.ts", import.meta.url)), ...(quick ? ["--quick"] : [])],
    { stdio: "inherit" },
  );
}
process.exit(0);
