import { CONTRACT_VERSION_EVENT } from "../../../model/index.js";
import type { ProcessProvider } from "./process-provider.js";

/**
 * Contract propagation: one sample per (contract version, target) delivery. Its latency runs from
 * the accepted version's outbox event to the target's acknowledgment (or delivery, for targets
 * without one); a parked delivery (stale version) is neither success nor failure.
 */
export const contractPropagation: ProcessProvider = {
  process: "contract-propagation",
  title: "Contract propagation",
  unit: "delivery",
  // A price gate that waits more than an hour keeps buyers on the old price for that long.
  slaMs: 60 * 60 * 1000,
  definition: "a contract version delivered to a target (acknowledged or delivered), from acceptance to settlement",
  samplesSql: `
    SELECT e.created_at AS at,
      CASE WHEN d.status IN ('delivered', 'acknowledged') THEN true
           WHEN d.status IN ('failed', 'dead') THEN false END AS ok,
      CASE WHEN d.status IN ('delivered', 'acknowledged')
           THEN extract(epoch FROM (d.settled_at - e.created_at)) * 1000 END AS latency_ms
    FROM deliveries d JOIN events e ON e.id = d.event_id
    WHERE e.event_type = '${CONTRACT_VERSION_EVENT}' AND e.created_at >= $1 AND e.created_at < $2`,
};
