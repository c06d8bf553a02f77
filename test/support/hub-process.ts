/**
 * A hub in its own process, for the crash tests: they kill -9 it and start it again on the same
 * store. Configured by one JSON argument; prints {"url": …} once ready.
 */

import { compileHubConfig, startHub } from "../../src/server/index.js";
import { smallHealthSystem } from "./small-health-system.js";
import { testAuth } from "./test-api-key.js";
import { TEST_ENCRYPTION } from "./test-encryption.js";

const cfg = JSON.parse(process.argv[2] ?? "{}") as {
  storeUrl: string;
  targetUrl: string;
  dispatch: boolean;
  leaseMs: number;
};
const hub = await startHub(
  compileHubConfig({
    storeUrl: cfg.storeUrl,
    port: 0,
    encryption: TEST_ENCRYPTION,
    auth: testAuth(),
    targets: [{ system: "procurement", kind: "procurement-catalog", baseUrl: cfg.targetUrl }],
    retry: { initialDelayMs: 20, maxDelayMs: 200, maxAttempts: 20 },
    dispatcher: { pollIntervalMs: 25, deliveryTimeoutMs: cfg.leaseMs / 2, leaseMs: cfg.leaseMs },
  }),
  { seed: smallHealthSystem(), dispatch: cfg.dispatch },
);
process.stdout.write(`${JSON.stringify({ url: hub.url })}\n`);
