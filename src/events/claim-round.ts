import type { Store } from "../store/index.js";
import { PRIORITY } from "./priority-lanes.js";
import { type ClaimedDelivery, claimDeliveries } from "./sql/claim-deliveries.js";

export interface ClaimRoundInput {
  readonly limit: number;
  readonly leaseMs: number;
  readonly workerId: string;
  /** Half-open targets: one probe delivery each. */
  readonly probe: readonly string[];
  /** Closed targets: claimed normally. Open targets are in neither list. */
  readonly closed: readonly string[];
  /** Slots of this round kept for non-urgent work (priority-lanes.ts routineSlots). */
  readonly routine: number;
}

/**
 * One transaction, up to three claims: a probe (one delivery) for each half-open target, then the
 * routine share for closed targets (oldest non-urgent first), then the rest by priority. Open
 * targets are not claimed at all: their deliveries stay pending and spend no attempt.
 */
export function claimRound(store: Store, o: ClaimRoundInput): Promise<ClaimedDelivery[]> {
  return store.transaction(async (tx) => {
    const out: ClaimedDelivery[] = [];
    const take = async (targets: readonly string[], wanted: number, belowPriority?: number) => {
      const n = Math.min(wanted, o.limit - out.length);
      if (n <= 0 || targets.length === 0) return;
      const rows = await claimDeliveries(tx, {
        limit: n,
        leaseMs: o.leaseMs,
        workerId: o.workerId,
        targets,
        belowPriority,
      });
      out.push(...rows.filter((d) => d.status === "in_flight"));
    };
    for (const t of o.probe) await take([t], 1);
    await take(o.closed, o.routine, PRIORITY.urgent);
    await take(o.closed, o.limit);
    return out;
  });
}
