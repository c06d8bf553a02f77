/**
 * A price-activation hub in its own process, on business time `clockAt`, for the kill -9 test:
 * it is killed with SIGKILL while activations fire and started again on the same store.
 * Configured by one JSON argument; prints {"url": …} once ready.
 */
import { ManualClock } from "../../src/workflows/timers/index.js";
import { startActivationHub } from "./price-activation-hub.js";

const cfg = JSON.parse(process.argv[2] ?? "{}") as {
  storeUrl: string;
  procurementUrl: string;
  erpUrl: string;
  clockAt: string;
};
const hub = await startActivationHub(cfg.storeUrl, new ManualClock(cfg.clockAt), {
  procurement: { url: cfg.procurementUrl },
  erp: { url: cfg.erpUrl },
});
process.stdout.write(`${JSON.stringify({ url: hub.url })}\n`);
