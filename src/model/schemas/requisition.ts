import { Type } from "@sinclair/typebox";
import { type Canonical, Id, IsoDate, NonNegativeDecimal } from "./common.js";
import { LineId } from "./trade-common.js";
import { UomSchema } from "./uom.js";

export const RequisitionLineSchema = Type.Object(
  {
    lineId: LineId,
    itemId: Id,
    quantity: NonNegativeDecimal,
    uom: UomSchema,
    /** The price the requester saw; the requisition check compares it with the active contract price. */
    unitPrice: Type.Optional(NonNegativeDecimal),
  },
  { additionalProperties: false },
);

/** A request to buy, raised in procurement for one facility and cost center. */
export const RequisitionSchema = Type.Object(
  {
    kind: Type.Literal("requisition"),
    id: Id,
    facilityId: Id,
    costCenterId: Id,
    requester: Type.String({ minLength: 1, maxLength: 120 }),
    neededBy: IsoDate,
    lines: Type.Array(RequisitionLineSchema, { minItems: 1, maxItems: 1_000 }),
  },
  { additionalProperties: false },
);

export type RequisitionLine = Canonical<typeof RequisitionLineSchema>;
export type Requisition = Canonical<typeof RequisitionSchema>;
