/**
 * One Concord process of a scaled-out hub (an api or a worker), for the scale-out and chaos tests:
 * they start several on one PostgreSQL schema and kill -9 workers. Configured by one JSON
 * argument; prints {"url": …} once ready.
 */
import { compileHubConfig, startHub } from "../../src/server/index.js";
import { smallHealthSystem } from "./small-health-system.js";
import { testAuth } from "./test-api-key.js";
import { TEST_ENCRYPTION } from "./test-encryption.js";

const cfg = JSON.parse(process.argv[2] ?? "{}") as {
  storeUrl: string;
  role: "api" | "worker";
  targets: { system: string; kind: "procurement-catalog" | "erp-purchasing"; baseUrl: string }[];
  leaseMs: number;
  seed: boolean;
  /** More API clients beside the test operator (e.g. one with an OAuth2 secret). */
  clients?: object[];
};
const hub = await startHub(
  compileHubConfig({
    storeUrl: cfg.storeUrl,
    port: 0,
    roles: { api: cfg.role === "api", worker: cfg.role === "worker" },
    targets: cfg.targets,
    retry: { initialDelayMs: 20, maxDelayMs: 200, maxAttempts: 30 },
    dispatcher: { pollIntervalMs: 200, deliveryTimeoutMs: Math.floor(cfg.leaseMs / 2), leaseMs: cfg.leaseMs },
    intake: { maxBacklog: 100_000 },
    auth: testAuth(cfg.clients ?? []),
    encryption: TEST_ENCRYPTION,
  }),
  cfg.seed ? { seed: smallHealthSystem() } : {},
);
process.stdout.write(`${JSON.stringify({ url: hub.url })}\n`);
