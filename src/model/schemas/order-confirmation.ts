import { Type } from "@sinclair/typebox";
import { type Canonical, IsoDate, NonNegativeDecimal } from "./common.js";
import { DocumentId, ItemRefSchema, LineId, PartySchema } from "./trade-common.js";
import { UomSchema } from "./uom.js";

/**
 * Line status as the supplier states it (X12 ACK01 / cXML ConfirmationStatus@type). Anything but
 * `accepted` is a change the buyer must look at.
 */
export const ConfirmationLineStatus = Type.Union([
  Type.Literal("accepted"),
  Type.Literal("accepted-with-changes"),
  Type.Literal("backordered"),
  Type.Literal("rejected"),
  Type.Literal("pending"),
]);

export const OrderConfirmationLineSchema = Type.Object(
  {
    lineId: LineId,
    item: Type.Optional(ItemRefSchema),
    status: ConfirmationLineStatus,
    quantity: Type.Optional(NonNegativeDecimal),
    uom: Type.Optional(UomSchema),
    unitPrice: Type.Optional(NonNegativeDecimal),
    scheduledShipDate: Type.Optional(IsoDate),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

/** X12 855 / cXML ConfirmationRequest. */
export const OrderConfirmationSchema = Type.Object(
  {
    kind: Type.Literal("order-confirmation"),
    id: Type.Optional(DocumentId),
    purchaseOrderId: DocumentId,
    confirmationDate: IsoDate,
    status: Type.Union([
      Type.Literal("accepted"),
      Type.Literal("accepted-with-changes"),
      Type.Literal("rejected"),
      Type.Literal("pending"),
    ]),
    parties: Type.Array(PartySchema, { maxItems: 20 }),
    lines: Type.Array(OrderConfirmationLineSchema, { maxItems: 10_000 }),
  },
  { additionalProperties: false },
);

export type OrderConfirmationLine = Canonical<typeof OrderConfirmationLineSchema>;
export type OrderConfirmation = Canonical<typeof OrderConfirmationSchema>;
