import { Type } from "@sinclair/typebox";
import { type Canonical, Id, IsoDate, NonNegativeDecimal } from "./common.js";
import { DocumentId, LineId } from "./trade-common.js";
import { UomSchema } from "./uom.js";

export const ReceiptLineSchema = Type.Object(
  {
    purchaseOrderLineId: LineId,
    itemId: Id,
    quantityAccepted: NonNegativeDecimal,
    quantityRejected: NonNegativeDecimal,
    uom: UomSchema,
  },
  { additionalProperties: false },
);

/** A goods receipt at a facility's dock, recorded in the ERP against one PO. */
export const ReceiptSchema = Type.Object(
  {
    kind: Type.Literal("receipt"),
    id: Id,
    purchaseOrderId: DocumentId,
    facilityId: Id,
    receivedOn: IsoDate,
    lines: Type.Array(ReceiptLineSchema, { minItems: 1, maxItems: 10_000 }),
  },
  { additionalProperties: false },
);

export type ReceiptLine = Canonical<typeof ReceiptLineSchema>;
export type Receipt = Canonical<typeof ReceiptSchema>;
