/**
 * A requisition-to-PO hub in its own process, for the crash test: it is killed with SIGKILL and
 * started again on the same store. Configured by one JSON argument; prints {"url": …} once ready.
 */
import { startHub } from "../../src/server/index.js";
import { requisitionHealthSystem, requisitionHubConfig } from "./requisition-hub.js";

const cfg = JSON.parse(process.argv[2] ?? "{}") as {
  storeUrl: string;
  erpUrl: string;
  dropRoot: string;
  dispatch: boolean;
};
const hub = await startHub(requisitionHubConfig({ ...cfg, leaseMs: 1_000 }), {
  seed: requisitionHealthSystem(),
  dispatch: cfg.dispatch,
});
process.stdout.write(`${JSON.stringify({ url: hub.url })}\n`);
