import type { OutboundMessage } from "../../events/index.js";
import type { PurchaseOrder } from "../../model/index.js";

/** The payload of `purchase-order.issued` (src/workflows/requisition-to-po) as a partner connector reads it. */
export interface IssuedPurchaseOrder {
  readonly purchaseOrder: PurchaseOrder;
  readonly partner: string;
  readonly format: "x12-850" | "cxml-order-request";
}

export const PURCHASE_ORDER_EVENT = "purchase-order.issued";

/** Whether a delivery is a purchase order (an 850) rather than a contract version (an 845). */
export function isPurchaseOrder(
  message: OutboundMessage,
): message is OutboundMessage & { payload: IssuedPurchaseOrder } {
  return message.eventType === PURCHASE_ORDER_EVENT;
}

/** The file name of a PO's interchange: its number and the delivery's control number, so a resend has the same name. */
export const purchaseOrderFileName = (po: PurchaseOrder, control: number) =>
  `850-${po.id.replace(/[^A-Za-z0-9._-]/g, "_")}-${String(control).padStart(9, "0")}.x12`;
