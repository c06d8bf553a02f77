/**
 * The requisition-to-PO state machine. Every change is one transaction that also writes its
 * transition row and whatever it causes (approval tasks, exceptions, timers, the PO and its
 * outbox events, the budget commitment):
 *
 *   (submitted) ──checks──► blocked              (an item inactive or unknown, no price, over budget)
 *        │            └───► awaiting_approval ──reject──► rejected
 *        │                        └──all approved──┐
 *        └──────────────────────────────────────► approved ──issue──► ordered ──855──► confirmed
 *                                                     └─budget gone─► blocked      └─► confirmed_with_exceptions
 */
export type RequisitionStatus =
  | "blocked"
  | "awaiting_approval"
  | "approved"
  | "rejected"
  | "ordered"
  | "confirmed"
  | "confirmed_with_exceptions";

/** The workflow's name on its timers. */
export const REQUISITION_WORKFLOW = "requisition-to-po";

export type ApprovalKind = "amount" | "clinical" | "off-contract";

/** Its timers' keys: the PO issue step, each approval's SLA, each supplier confirmation to apply. */
export const requisitionTimerKeys = {
  issue: (id: string) => `${id}:issue`,
  approvalSla: (id: string, kind: ApprovalKind) => `${id}:approval-sla:${kind}`,
  confirmation: (documentRowId: number) => `confirmation:${documentRowId}`,
} as const;

/** The outbox event a purchase order is sent with (to the ERP and the supplier's partner). */
export const PURCHASE_ORDER_ISSUED = "purchase-order.issued";

/** The system the workflow acts as when no person does. */
export const REQUISITION_ACTOR = "concord:requisition-to-po";
