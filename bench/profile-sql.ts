import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileHubConfig } from "../src/server/config.js";
import { startHub } from "../src/server/start-hub.js";
import type { Queryable, Row } from "../src/store/index.js";
import { benchSnapshot } from "./dataset.js";
import { BENCH_AUTH, runLoad } from "./load.js";
import { startMockTarget } from "./mock-process.js";

/**
 * Diagnosis, not a benchmark: where the hub's store time goes per amendment. Wraps the hub's
 * Store object (the API and dispatcher hold the same object) to time every statement and every
 * transaction (wait for PGlite's single connection vs time holding it), then runs the workload.
 * npx tsx bench/profile-sql.ts [concurrency=10] [seconds=8]
 */
const concurrency = Number(process.argv[2] ?? 10);
const seconds = Number(process.argv[3] ?? 8);
const stats = new Map<string, { n: number; ms: number }>();
const add = (key: string, ms: number) => {
  const s = stats.get(key) ?? { n: 0, ms: 0 };
  s.n++;
  s.ms += ms;
  stats.set(key, s);
};
const label = (sql: string) => sql.replace(/\s+/g, " ").trim().slice(0, 90);
const timed = (q: Queryable, scope: string): Queryable => ({
  async query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]> {
    const t0 = performance.now();
    const rows = await q.query<R>(sql, params);
    // Empty claims are split out: they cost a round of the single connection and deliver nothing.
    const tag = sql.includes("FOR UPDATE SKIP LOCKED") ? ` (claimed ${rows.length === 0 ? "0" : "1+"})` : "";
    add(`${scope}${tag} ${label(sql)}`, performance.now() - t0);
    return rows;
  },
});

const mock = await startMockTarget();
const dir = await mkdtemp(join(tmpdir(), "concord-prof-"));
const hub = await startHub(
  compileHubConfig({
    storeUrl: `pglite:${dir}`,
    port: 0,
    targets: [
      { system: "procurement", kind: "procurement-catalog", baseUrl: `${mock.url}/procurement/api` },
      { system: "erp", kind: "erp-purchasing", baseUrl: `${mock.url}/erp/api` },
      { system: "analytics", kind: "analytics-sink", baseUrl: `${mock.url}/analytics/api` },
    ],
    auth: BENCH_AUTH,
  }),
  { seed: benchSnapshot(concurrency * 8) },
);
const store = hub.store as { -readonly [K in keyof typeof hub.store]: (typeof hub.store)[K] };
const rootQuery = store.query.bind(store);
const rootTx = store.transaction.bind(store);
store.query = timed({ query: rootQuery }, "[root]").query;
store.transaction = (fn) => {
  const asked = performance.now();
  let held = 0;
  return rootTx(async (tx) => {
    held = performance.now();
    add("[tx wait for connection]", held - asked);
    return fn(timed(tx, "  [tx]"));
  }).finally(() => add("[tx held, incl. BEGIN/COMMIT]", performance.now() - held));
};

const load = await runLoad({
  url: hub.url,
  path: "/v1/inbound/clm/agreement-events",
  concurrency,
  contractsPerWorker: 8,
  warmupMs: 0,
  measureMs: seconds * 1000,
  tag: "prof",
});
await new Promise((r) => setTimeout(r, 2000));
const accepted = load.statuses["202"] ?? 0;
// A profile of refused requests measures nothing (the harness's auth once drifted unnoticed).
if (accepted === 0) throw new Error(`no amendment accepted: answers ${JSON.stringify(load.statuses)}`);
console.log(
  `${accepted} amendments accepted in ${seconds}s (${(accepted / seconds).toFixed(1)}/s); per-amendment store time:`,
);
for (const [k, s] of [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms)) {
  console.log(
    `${(s.ms / accepted).toFixed(2).padStart(7)} ms/amdt ${(s.ms / s.n).toFixed(2).padStart(6)} ms/call ${String(s.n).padStart(6)}x  ${k}`,
  );
}
await hub.close();
await mock.stop();
await rm(dir, { recursive: true, force: true });
process.exit(0);
