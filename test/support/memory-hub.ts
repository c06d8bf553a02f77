import {
  compileHubConfig,
  type Hub,
  type HubConfigInput,
  type StartHubOptions,
  startHub,
} from "../../src/server/index.js";
import { smallHealthSystem } from "./small-health-system.js";
import { testAuth } from "./test-api-key.js";
import { TEST_ENCRYPTION } from "./test-encryption.js";

/**
 * A hub on an in-memory store with the small health system and one procurement-catalog target at
 * `targetUrl`: the observability tests' hub (logs, traces, exporters), configured further by
 * `config` (e.g. `tracing`, `logging`) and started with `start` (e.g. a log destination).
 */
export function startMemoryHub(
  targetUrl: string,
  config: Partial<HubConfigInput> = {},
  start: Omit<StartHubOptions, "seed"> = {},
): Promise<Hub> {
  return startHub(
    compileHubConfig({
      storeUrl: "memory:",
      port: 0,
      targets: [{ system: "procurement", kind: "procurement-catalog", baseUrl: targetUrl }],
      retry: { initialDelayMs: 20, maxDelayMs: 200, maxAttempts: 5 },
      dispatcher: { pollIntervalMs: 25, deliveryTimeoutMs: 2_000, leaseMs: 5_000 },
      auth: testAuth(),
      encryption: TEST_ENCRYPTION,
      ...config,
    }),
    { ...start, seed: smallHealthSystem() },
  );
}
