import { Errors } from "../errors/index.js";
import { type Queryable, raiseException, type Store, type Urgency } from "../store/index.js";
import type { DispatcherLog, SettledDelivery } from "./dispatcher.js";
import {
  type AckedDelivery,
  applyFunctionalAcks,
  expireAwaitedAcks,
  type FunctionalAck,
} from "./sql/functional-acks.js";

export interface FunctionalAckDeskOptions {
  readonly store: Store;
  readonly pollIntervalMs: number;
  readonly urgencyOf?: (eventType: string) => Urgency;
  /** The dispatcher's hook: workflows react to acknowledgments in the same transaction. */
  readonly onSettled?: (tx: Queryable, settled: readonly SettledDelivery[]) => Promise<void>;
  readonly log?: DispatcherLog;
}

/**
 * Where partners' functional acknowledgments (997/999) meet the deliveries waiting for them: an
 * accepting one acknowledges the delivery, a rejecting one fails it with the partner's reason as
 * an exception, and one that never comes expires the wait with an exception of its own.
 */
export class FunctionalAckDesk {
  private lastSweep = 0;

  constructor(private readonly opts: FunctionalAckDeskOptions) {}

  /**
   * Records acknowledgments for deliveries of `target` inside the caller's transaction (the one
   * that records the inbound acknowledgment); an acknowledged contract version may open the price gate in it.
   */
  async record(tx: Queryable, target: string, acks: readonly FunctionalAck[]): Promise<readonly AckedDelivery[]> {
    const acked = await applyFunctionalAcks(tx, target, acks);
    const settled = acked.map((d) => ({ delivery: d, status: d.status }));
    for (const d of acked) {
      if (d.status !== "failed") continue;
      const detail = acks.find((a) => a.deliveryId === d.id)?.detail ?? "rejected";
      await raiseException(tx, {
        code: Errors.ConnectorRejected.code,
        rule: "delivery.functional-ack-accepted",
        urgency: this.opts.urgencyOf?.(d.eventType) ?? "routine",
        subjectType: "delivery",
        subjectId: String(d.id),
        system: d.target,
        message: `${d.target} rejected the document carrying ${d.businessKey} version ${d.keyVersion}: ${detail}`,
        details: { deliveryId: d.id, businessKey: d.businessKey, keyVersion: d.keyVersion },
        correlationId: d.correlationId,
      });
    }
    if (settled.length > 0) await this.opts.onSettled?.(tx, settled);
    return acked;
  }

  /**
   * At most once per poll interval: deliveries whose acknowledgment is overdue stop waiting and
   * get an exception each (the price gate stays closed for them).
   */
  async sweepOverdue(now = Date.now()): Promise<number> {
    if (now - this.lastSweep < this.opts.pollIntervalMs) return 0;
    this.lastSweep = now;
    try {
      return await this.opts.store.transaction(async (tx) => {
        const overdue = await expireAwaitedAcks(tx);
        for (const d of overdue) {
          await raiseException(tx, {
            code: Errors.ConnectorTimeout.code,
            rule: "delivery.functional-ack-received",
            urgency: this.opts.urgencyOf?.(d.eventType) ?? "routine",
            subjectType: "delivery",
            subjectId: String(d.id),
            system: d.target,
            message: `${d.target} has not acknowledged the document carrying ${d.businessKey} version ${d.keyVersion} in time`,
            details: { deliveryId: d.id, businessKey: d.businessKey, keyVersion: d.keyVersion },
            correlationId: d.correlationId,
          });
        }
        return overdue.length;
      });
    } catch (e) {
      this.opts.log?.error({ err: e }, "sweeping overdue acknowledgments failed; will retry");
      return 0;
    }
  }
}
