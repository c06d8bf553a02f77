/**
 * A hub in its own process for the invoice write-back crash test: the ERP as accounts payable
 * (erp-purchasing) and Medline as a trading partner. Configured by one JSON argument; prints
 * {"url": …} once ready (see spawn-ready.ts).
 */

import { compileHubConfig, startHub } from "../../src/server/index.js";
import { MEDLINE } from "./invoice-documents.js";
import { smallHealthSystem } from "./small-health-system.js";
import { testAuth } from "./test-api-key.js";
import { TEST_ENCRYPTION } from "./test-encryption.js";

const cfg = JSON.parse(process.argv[2] ?? "{}") as { storeUrl: string; erpUrl: string; leaseMs: number };
const hub = await startHub(
  compileHubConfig({
    storeUrl: cfg.storeUrl,
    port: 0,
    encryption: TEST_ENCRYPTION,
    auth: testAuth(),
    targets: [{ system: "erp", kind: "erp-purchasing", baseUrl: cfg.erpUrl }],
    partners: [MEDLINE],
    retry: { initialDelayMs: 20, maxDelayMs: 200, maxAttempts: 1_000 },
    dispatcher: { pollIntervalMs: 25, deliveryTimeoutMs: cfg.leaseMs / 2, leaseMs: cfg.leaseMs },
  }),
  { seed: smallHealthSystem() },
);
process.stdout.write(`${JSON.stringify({ url: hub.url })}\n`);
