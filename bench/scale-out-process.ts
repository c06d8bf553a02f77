/**
 * One Concord process of the scale-out benchmark (`bench/scale-out.ts`): an `api` or a `worker` on
 * one PostgreSQL schema, with the bench's three targets (bench/mock-target.ts) and the default
 * dispatcher and intake settings (the same as the hub scenario of bench/scenarios.ts). Configured
 * by one JSON argument; prints {"url": …, "pid": …} once ready. SIGTERM closes the hub (drains
 * in-flight deliveries) and exits.
 */

import { compileHubConfig, startHub } from "../src/server/index.js";
import { TEST_ENCRYPTION } from "../test/support/test-encryption.js";
import { benchSnapshot } from "./dataset.js";
import { BENCH_AUTH } from "./load.js";

const cfg = JSON.parse(process.argv[2] ?? "{}") as {
  storeUrl: string;
  role: "api" | "worker";
  mockUrl: string;
  /** api only: seed this many released v1 contracts (benchSnapshot); 0 = no seed. */
  seedContracts: number;
  dispatchConcurrency?: number;
};
const hub = await startHub(
  compileHubConfig({
    storeUrl: cfg.storeUrl,
    port: 0,
    roles: { api: cfg.role === "api", worker: cfg.role === "worker" },
    targets: [
      { system: "procurement", kind: "procurement-catalog", baseUrl: `${cfg.mockUrl}/procurement/api` },
      { system: "erp", kind: "erp-purchasing", baseUrl: `${cfg.mockUrl}/erp/api` },
      { system: "analytics", kind: "analytics-sink", baseUrl: `${cfg.mockUrl}/analytics/api` },
    ],
    ...(cfg.dispatchConcurrency ? { dispatcher: { concurrency: cfg.dispatchConcurrency } } : {}),
    auth: BENCH_AUTH,
    // A fixed key: BENCH_STORE=postgres://… hubs need one configured (docs/security.md).
    encryption: TEST_ENCRYPTION,
  }),
  cfg.seedContracts > 0 ? { seed: benchSnapshot(cfg.seedContracts) } : {},
);
process.stdout.write(`${JSON.stringify({ url: hub.url, pid: process.pid })}\n`);

let closing = false;
process.on("SIGTERM", () => {
  if (closing) return;
  closing = true;
  hub.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
