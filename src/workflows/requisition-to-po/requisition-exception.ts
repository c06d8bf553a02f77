import { Errors } from "../../errors/index.js";
import type { Queryable, Urgency } from "../../store/index.js";
import { raiseException } from "../../store/index.js";
import { HOUR_MS } from "../timers/index.js";

/** Every exception the workflow raises: who owns it, how urgent, how long they have. */
const ROUTES = {
  "over-budget": { owner: "finance", urgency: "financial", slaHours: 24, code: Errors.RequisitionCheck.code },
  "item-inactive": { owner: "item-master", urgency: "routine", slaHours: 24, code: Errors.RequisitionCheck.code },
  "no-price": { owner: "purchasing", urgency: "routine", slaHours: 24, code: Errors.RequisitionCheck.code },
  "approval-overdue": {
    owner: "supply-chain-director",
    urgency: "routine",
    slaHours: 4,
    code: Errors.RequisitionApprovalOverdue.code,
  },
  backordered: { owner: "buyer", urgency: "routine", slaHours: 8, code: Errors.OrderConfirmationChange.code },
  "price-changed": { owner: "buyer", urgency: "financial", slaHours: 24, code: Errors.OrderConfirmationChange.code },
  "quantity-changed": { owner: "buyer", urgency: "routine", slaHours: 24, code: Errors.OrderConfirmationChange.code },
  "line-rejected": { owner: "buyer", urgency: "routine", slaHours: 4, code: Errors.OrderConfirmationChange.code },
} as const satisfies Record<string, { owner: string; urgency: Urgency; slaHours: number; code: string }>;

export type RequisitionExceptionKind = keyof typeof ROUTES;

/**
 * Raises a requisition exception routed to its owner with a due date. A clinical item's supply
 * problem (back-order, rejected line, a clinical approval gone stale) is clinical urgency and
 * half the time: a case may be waiting on it.
 */
export async function raiseRequisitionException(
  tx: Queryable,
  e: {
    readonly kind: RequisitionExceptionKind;
    readonly requisitionId: string;
    readonly message: string;
    readonly now: Date;
    readonly clinical?: boolean;
    readonly owner?: string;
    readonly correlationId?: string;
    readonly details?: Readonly<Record<string, unknown>>;
  },
): Promise<{ id: number; owner: string; urgency: Urgency; dueAt: string }> {
  const route = ROUTES[e.kind];
  const urgency: Urgency = e.clinical && route.urgency === "routine" ? "clinical" : route.urgency;
  const slaHours = e.clinical ? route.slaHours / 2 : route.slaHours;
  const owner = e.owner ?? route.owner;
  const dueAt = new Date(e.now.getTime() + slaHours * HOUR_MS).toISOString();
  const id = await raiseException(tx, {
    code: route.code,
    rule: `requisition.${e.kind}`,
    urgency,
    subjectType: "requisition",
    subjectId: e.requisitionId,
    system: "procurement",
    message: e.message,
    details: { ...e.details, requisitionId: e.requisitionId, kind: e.kind, owner, slaHours, dueAt },
    correlationId: e.correlationId,
  });
  return { id, owner, urgency, dueAt };
}
