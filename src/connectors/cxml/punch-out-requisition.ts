import type { ItemRef, RequisitionLine } from "../../model/index.js";
import type { PunchOutOrderMessage } from "./cxml-types.js";

/**
 * A requisition line as a punch-out cart yields it: the item is still a reference (what the
 * supplier's site said), to be resolved to a canonical item id at intake.
 */
export type PunchOutRequisitionLine = Omit<RequisitionLine, "itemId"> & { readonly item: ItemRef };

/** Cart lines → requisition lines, numbered from 1 where the cart gave no line numbers. */
export function punchOutCartToRequisitionLines(cart: PunchOutOrderMessage): PunchOutRequisitionLine[] {
  return cart.items.map((it, i) => ({
    lineId: it.lineId ?? String(i + 1),
    item: it.item,
    quantity: it.quantity,
    uom: it.uom,
    unitPrice: it.unitPrice,
  }));
}
