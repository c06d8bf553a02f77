import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { generateHealthSystem, startSandbox } from "../sandbox/index.js";
import { type ReconcileSystem, reconcile } from "../src/reconcile/index.js";
import { readExportPages } from "../src/reconcile/read-export-pages.js";
import { importMasterData, openStore } from "../src/store/index.js";

/**
 * npm exec tsx bench/reconcile.ts [-- --contracts=30900] [-- --store=postgres://…]
 * Reconciles ~1,000,000 contract price rows held by each of the three sandbox systems (CLM,
 * procurement, ERP) against the canonical store, and, in the same run, the baseline: the plain
 * streaming read of the same exports (fetch, split, JSON.parse) without mapping or diffing.
 *
 * Three processes, so each figure is the reconciler's own: the sandbox serves the generated
 * dataset from its in-memory stores (child), a loader writes the canonical records into the
 * store and exits (child), and this process measures on a fresh heap.
 */
const SCALE = { suppliers: 20, items: 3000, facilities: 14, preloadTargets: true } as const;
const SEED = 20260101;
const self = fileURLToPath(import.meta.url);
const [mode, arg] = process.argv.slice(2);

if (mode === "serve") {
  // The sandbox systems, in their own process; URLs on stdout, alive until stdin closes.
  const sb = await startSandbox({ seed: SEED, scale: { ...SCALE, contracts: Number(arg) } });
  process.stdout.write(`${JSON.stringify(sb.urls)}\n`);
  process.stdin.resume();
  process.stdin.on("end", () => void sb.close().then(() => process.exit(0)));
} else if (mode === "load") {
  const { storeUrl, contracts } = JSON.parse(arg!) as { storeUrl: string; contracts: number };
  const store = await openStore(storeUrl);
  await importMasterData(store, generateHealthSystem({ seed: SEED, ...SCALE, contracts }).canonical);
  await store.close();
  process.exit(0);
} else {
  await main();
}

async function main(): Promise<void> {
  const opt = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const contracts = Number(opt("contracts") ?? 30_900);
  const dir = await mkdtemp(join(tmpdir(), "concord-reconcile-bench-"));
  const storeUrl = opt("store") ?? `pglite:${join(dir, "store")}`;
  const tsx = ["--import", "tsx", self];
  const t0 = Date.now();
  const server = spawn(process.execPath, [...tsx, "serve", String(contracts)], { stdio: ["pipe", "pipe", "inherit"] });
  const urls = firstLine(server);
  const loaded = spawnSync(process.execPath, [...tsx, "load", JSON.stringify({ storeUrl, contracts })], {
    stdio: "inherit",
  });
  if (loaded.status !== 0) throw new Error("the loader failed");
  const u = JSON.parse(await urls) as Record<string, string>;
  process.stderr.write(`dataset ready in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  const systems: ReconcileSystem[] = [
    { system: "clm", kind: "clm", baseUrl: `${u.clm}/clm/api`, target: false },
    { system: "procurement", kind: "procurement", baseUrl: `${u.procurement}/procurement/api`, target: true },
    { system: "erp", kind: "erp", baseUrl: `${u.erp}/erp/api`, target: true },
  ];
  const contractExports = [
    ["clm", "/exports/agreements", { after: "cursor", limit: "pageSize" }, "pricing"],
    ["procurement", "/exports/contract-catalogs", { after: "after", limit: "limit" }, "lines"],
    ["erp", "/exports/blanket-agreements", { after: "AFTER", limit: "LIMIT" }, "LINES"],
  ] as const;
  try {
    const baseline = await measure(async () => {
      let rows = 0;
      const counter = { bytes: 0 };
      for (const [system, path, paging, lines] of contractExports) {
        const base = systems.find((s) => s.system === system)!.baseUrl;
        for await (const line of readExportPages(system, `${base}${path}`, paging, 100, counter)) {
          rows += (JSON.parse(line.text) as Record<string, unknown[]>)[lines]!.length;
        }
      }
      return rows;
    });
    const store = await openStore(storeUrl);
    const run = await measure(async () => {
      const result = await reconcile({ store }, { systems, entityTypes: ["contract", "contract-price"] });
      const prices = result.summaries.filter((s) => s.entityType === "contract-price");
      if (prices.some((s) => s.agreeing !== s.compared || s.error)) {
        throw new Error(`the systems were generated in sync, yet: ${JSON.stringify(result.summaries)}`);
      }
      return prices.reduce((n, s) => n + s.compared, 0);
    });
    await store.close();
    const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
    const row = (name: string, m: Measured) =>
      `| ${name} | ${m.rows.toLocaleString("en-US")} | ${m.seconds.toFixed(1)} | ${Math.round(m.rows / m.seconds).toLocaleString("en-US")} | ${mb(m.peakRss)} | ${mb(m.peakHeap - m.startHeap)} |`;
    process.stdout.write(
      [
        `store ${storeUrl.startsWith("pglite") ? "PGlite (file)" : "PostgreSQL"}, ${contracts.toLocaleString("en-US")} contracts per system`,
        "| run | price rows | s | rows/s | peak RSS MB | heap growth MB |",
        "|---|---|---|---|---|---|",
        row("baseline: streaming read of the three exports", baseline),
        row("reconcile: read, map, merge-join, diff", run),
        `ratio reconcile / baseline rows/s: ${(run.rows / run.seconds / (baseline.rows / baseline.seconds)).toFixed(2)}`,
        "",
      ].join("\n"),
    );
  } finally {
    server.stdin?.end();
    await new Promise((r) => server.once("exit", r));
    await rm(dir, { recursive: true, force: true });
  }
}

interface Measured {
  rows: number;
  seconds: number;
  peakRss: number;
  peakHeap: number;
  startHeap: number;
}

/** Runs fn, sampling RSS and heap every 100 ms: the peak is what the process needed. */
async function measure(fn: () => Promise<number>): Promise<Measured> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 100);
  const t = performance.now();
  try {
    const rows = await fn();
    return { rows, seconds: (performance.now() - t) / 1000, peakRss, peakHeap, startHeap: start.heapUsed };
  } finally {
    clearInterval(sample);
  }
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once("line", (l) => resolve(l));
    child.once("exit", (code) => reject(new Error(`the sandbox process exited (${code})`)));
  });
}
