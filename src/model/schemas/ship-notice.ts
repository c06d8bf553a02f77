import { Type } from "@sinclair/typebox";
import { type Canonical, IsoDate, NonNegativeDecimal } from "./common.js";
import { DocumentId, ItemRefSchema, LineId, PartySchema } from "./trade-common.js";
import { UomSchema } from "./uom.js";

export const ShipNoticeLineSchema = Type.Object(
  {
    lineId: Type.Optional(LineId),
    item: ItemRefSchema,
    quantityShipped: NonNegativeDecimal,
    uom: UomSchema,
    /** Traceability for implants and drugs (UDI production identifiers). */
    lot: Type.Optional(Type.String({ maxLength: 40 })),
    serial: Type.Optional(Type.String({ maxLength: 40 })),
    expiresOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const ShipNoticeOrderSchema = Type.Object(
  {
    purchaseOrderId: DocumentId,
    lines: Type.Array(ShipNoticeLineSchema, { maxItems: 10_000 }),
  },
  { additionalProperties: false },
);

/** X12 856 (shipment / order / item hierarchy) / cXML ShipNoticeRequest. */
export const ShipNoticeSchema = Type.Object(
  {
    kind: Type.Literal("ship-notice"),
    id: DocumentId,
    purpose: Type.Union([Type.Literal("original"), Type.Literal("replace"), Type.Literal("cancel")]),
    noticeDate: IsoDate,
    shipDate: Type.Optional(IsoDate),
    expectedDelivery: Type.Optional(IsoDate),
    carrier: Type.Optional(Type.String({ maxLength: 80 })),
    trackingNumbers: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 100 }),
    parties: Type.Array(PartySchema, { maxItems: 20 }),
    orders: Type.Array(ShipNoticeOrderSchema, { minItems: 1, maxItems: 1_000 }),
  },
  { additionalProperties: false },
);

export type ShipNoticeLine = Canonical<typeof ShipNoticeLineSchema>;
export type ShipNotice = Canonical<typeof ShipNoticeSchema>;
