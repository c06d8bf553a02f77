/**
 * The effective-price lookup under load: GET /v1/pricing/effective-price as an authenticated
 * client, closed loop at each concurrency, on the hub (PGlite on disk, every governance hook on)
 * and on the in-memory baseline in the same run. Reports requests/s, p50 and p99, and the ratio.
 * Run: npx tsx bench/price-lookup.ts [--quick] [--concurrency=10,50] (also part of npm run bench).
 */
import { fileURLToPath } from "node:url";
import { Pool } from "undici";
import { spawnReady } from "../test/support/spawn-ready.js";
import { benchSnapshot } from "./dataset.js";
import { PRICING_KEY } from "./load.js";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const concurrencies = (args.find((a) => a.startsWith("--concurrency="))?.split("=")[1] ?? "10,50")
  .split(",")
  .map(Number);
const CONTRACTS = 200;
const WARMUP_MS = quick ? 2_000 : 5_000;
const MEASURE_MS = quick ? 5_000 : 20_000;
const SERVER = fileURLToPath(new URL("./price-lookup-server.ts", import.meta.url));

// Questions a buyer asks: an item some contract prices, at one of the facilities, on a day in force.
const questions = benchSnapshot(CONTRACTS).contracts.flatMap((c) =>
  c.priceLines.flatMap((l) =>
    c.eligibility.map((e) => `/v1/pricing/effective-price?item=${l.itemId}&facility=${e.facilityId}&on=2026-06-01`),
  ),
);

interface Result {
  readonly perSec: number;
  readonly p50: number;
  readonly p99: number;
  readonly statuses: Record<string, number>;
}

async function load(url: string, concurrency: number): Promise<Result> {
  const pool = new Pool(url, { connections: concurrency, pipelining: 1 });
  const start = Date.now();
  const from = start + WARMUP_MS;
  const until = from + MEASURE_MS;
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const path = questions[next++ % questions.length]!;
        const t0 = performance.now();
        const res = await pool.request({ method: "GET", path, headers: { "x-api-key": PRICING_KEY } });
        await res.body.dump();
        const t1 = performance.now();
        if (Date.now() >= from) {
          times.push(t1 - t0);
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
        }
      }
    }),
  );
  await pool.close();
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] ?? Number.NaN;
  return { perSec: times.length / (MEASURE_MS / 1000), p50: q(0.5), p99: q(0.99), statuses };
}

const rows: string[] = [
  "| conc | system | requests/s | p50 ms | p99 ms | statuses | hub/baseline |",
  "|---|---|---|---|---|---|---|",
];
for (const concurrency of concurrencies) {
  const results: Record<string, Result> = {};
  for (const mode of ["baseline", "hub"] as const) {
    process.stderr.write(`price lookup @${concurrency}: ${mode}…\n`);
    const { child, url } = await spawnReady(SERVER, { mode, contracts: CONTRACTS });
    try {
      results[mode] = await load(url, concurrency);
    } finally {
      child.kill("SIGKILL");
    }
  }
  for (const mode of ["baseline", "hub"] as const) {
    const r = results[mode]!;
    rows.push(
      `| ${concurrency} | ${mode} | ${r.perSec.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${JSON.stringify(r.statuses)} | ${
        mode === "hub" ? `${((r.perSec / results.baseline!.perSec) * 100).toFixed(0)}%` : ""
      } |`,
    );
  }
}
console.log(
  `\nEffective-price lookup (${CONTRACTS} contracts, ${questions.length} distinct questions)\n${rows.join("\n")}`,
);
process.exit(0);
