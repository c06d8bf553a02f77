import type { Queryable } from "../store.js";
import { auditSteps, changeSteps, deliverySteps, HUB, inboundSteps, problemSteps } from "./trace-steps.js";

/** One thing that happened to a business transaction, at a time, in a system. */
export interface TraceStep {
  readonly at: string;
  /** For steps that take time (delivery attempts): when it ended, and how long it took. */
  readonly endedAt?: string;
  readonly durationMs?: number;
  readonly kind:
    | "inbound-message"
    | "canonical-change"
    | "policy-violation"
    | "event"
    | "delivery-attempt"
    | "acknowledgment"
    | "contract-released"
    | "invoice-match"
    | "exception"
    | "exception-resolved"
    | "audit";
  /** The external system involved; "concord" for the hub's own steps. */
  readonly system: string;
  readonly [field: string]: unknown;
}

export interface TraceDelivery {
  readonly id: number;
  readonly eventId: number;
  readonly target: string;
  readonly status: string;
  readonly attempts: number;
}

export interface Trace {
  readonly correlationId: string;
  readonly summary: {
    /** External systems the transaction passed through, in name order (Concord itself is not listed). */
    readonly systems: readonly string[];
    /** Who acted on it according to the audit log (API clients, systems, people), Concord's workflows left out. */
    readonly actors: readonly string[];
    readonly firstAt: string;
    readonly lastAt: string;
    readonly durationMs: number;
    /**
     * rejected: the inbound message was refused; failed: a delivery failed or died; in-progress: a
     * delivery is still on its way or waiting for an acknowledgment; needs-attention: all delivered
     * but an exception is open; completed: nothing left to do.
     */
    readonly outcome: "rejected" | "failed" | "in-progress" | "needs-attention" | "completed";
    readonly steps: number;
    readonly openExceptions: number;
  };
  readonly deliveries: readonly TraceDelivery[];
  readonly steps: readonly TraceStep[];
}

export interface TraceOptions {
  /** The functional acknowledgment a partner is sent for its X12 interchanges (997 or 999), if it is one. */
  readonly functionalAckOf?: (system: string) => string | undefined;
}

// Same-instant steps keep cause before effect.
const RANK: Record<TraceStep["kind"], number> = {
  "inbound-message": 0,
  "canonical-change": 1,
  "policy-violation": 2,
  event: 3,
  "delivery-attempt": 4,
  acknowledgment: 5,
  "contract-released": 6,
  "invoice-match": 7,
  exception: 8,
  "exception-resolved": 9,
  audit: 10,
};

/**
 * Everything Concord holds about one business transaction, by its correlation id, in time order:
 * the inbound message, the canonical change it made, each event and each delivery attempt per
 * target, acknowledgments, exceptions, and the audit records. Undefined when nothing carries the id.
 */
export async function readTrace(
  q: Queryable,
  correlationId: string,
  opts: TraceOptions = {},
): Promise<Trace | undefined> {
  const steps: TraceStep[] = [];
  const inbound = await inboundSteps(q, correlationId, opts, steps);
  await changeSteps(q, correlationId, steps);
  const deliveries = await deliverySteps(q, correlationId, steps);
  const exceptions = await problemSteps(q, correlationId, steps);
  await auditSteps(q, correlationId, steps);

  if (steps.length === 0) return undefined;
  steps.sort((a, b) => a.at.localeCompare(b.at) || RANK[a.kind] - RANK[b.kind]);
  const times = steps.flatMap((s) => (s.endedAt ? [s.at, s.endedAt] : [s.at])).sort();
  const firstAt = times[0]!;
  const lastAt = times[times.length - 1]!;
  const named = (list: readonly TraceStep[]) => [...new Set(list.map((s) => s.system))].filter((s) => s !== HUB).sort();
  const systems = named(steps.filter((s) => s.kind !== "audit"));
  const actors = named(steps.filter((s) => s.kind === "audit"));
  const openExceptions = exceptions.filter((x) => x.status === "open").length;
  const statuses = new Set(deliveries.map((d) => d.status));
  const awaitingAck = deliveries.some((d) => d.status === "delivered" && d.ackDueAt !== null);
  const outcome: Trace["summary"]["outcome"] =
    inbound.length > 0 && inbound.every((m) => m.status === "rejected")
      ? "rejected"
      : statuses.has("failed") || statuses.has("dead")
        ? "failed"
        : statuses.has("pending") || statuses.has("in_flight") || awaitingAck
          ? "in-progress"
          : openExceptions > 0
            ? "needs-attention"
            : "completed";
  return {
    correlationId,
    summary: {
      systems,
      actors,
      firstAt,
      lastAt,
      durationMs: Date.parse(lastAt) - Date.parse(firstAt),
      outcome,
      steps: steps.length,
      openExceptions,
    },
    deliveries: deliveries.map((d) => ({
      id: d.id,
      eventId: d.eventId,
      target: d.target,
      status: d.status,
      attempts: d.attempts,
    })),
    steps,
  };
}
