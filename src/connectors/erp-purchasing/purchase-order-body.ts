import type { PurchaseOrder } from "../../model/index.js";

/**
 * A purchase order in the ERP purchasing module's native form. Ids are Concord's canonical ones
 * (the ERP target uses local ids, see USES_LOCAL_IDS); VENDOR_REF is the canonical supplier.
 */
export function erpPurchaseOrderBody(p: { purchaseOrder: PurchaseOrder; supplierId: string; requisitionId: string }) {
  const po = p.purchaseOrder;
  return {
    PO_NUM: po.id,
    REQUISITION_REF: p.requisitionId,
    ORG_CODE: po.facilityId ?? "",
    COST_CENTER: po.costCenterId ?? "",
    VENDOR_REF: p.supplierId,
    CURRENCY_CODE: po.currency,
    ORDER_DATE: po.orderDate,
    LINES: po.lines.map((l) => ({
      LINE_NUM: l.lineId,
      ITEM_NUMBER: l.item.itemId ?? l.item.buyerPartNo ?? "",
      QUANTITY: l.quantity,
      UOM_CODE: l.uom,
      UNIT_PRICE: l.unitPrice,
      ...(l.contractNumber ? { AGREEMENT_NUM: l.contractNumber } : {}),
    })),
  };
}
