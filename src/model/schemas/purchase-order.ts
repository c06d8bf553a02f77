import { Type } from "@sinclair/typebox";
import { type Canonical, Currency, DecimalString, Id, IsoDate, NonNegativeDecimal } from "./common.js";
import { DocumentId, ItemRefSchema, LineId, PartySchema, PaymentTermsSchema } from "./trade-common.js";
import { UomSchema } from "./uom.js";

export const PurchaseOrderLineSchema = Type.Object(
  {
    lineId: LineId,
    item: ItemRefSchema,
    quantity: NonNegativeDecimal,
    uom: UomSchema,
    unitPrice: NonNegativeDecimal,
    /** The contract the price was taken from, when the buyer priced the line on contract. */
    contractNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    requestedDelivery: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

/** X12 850 / cXML OrderRequest. `purpose` follows BEG01 / orderRequestHeader@type. */
export const PurchaseOrderSchema = Type.Object(
  {
    kind: Type.Literal("purchase-order"),
    id: DocumentId,
    purpose: Type.Union([Type.Literal("original"), Type.Literal("change"), Type.Literal("cancel")]),
    orderDate: IsoDate,
    currency: Currency,
    /** Canonical facility and cost center once resolved; partner documents carry them as parties. */
    facilityId: Type.Optional(Id),
    costCenterId: Type.Optional(Id),
    requisitionId: Type.Optional(Id),
    parties: Type.Array(PartySchema, { maxItems: 20 }),
    paymentTerms: Type.Optional(PaymentTermsSchema),
    lines: Type.Array(PurchaseOrderLineSchema, { minItems: 1, maxItems: 10_000 }),
    /** Total as the sender stated it (CTT/AMT, cXML Total); checked against the lines, never trusted. */
    total: Type.Optional(DecimalString),
  },
  { additionalProperties: false },
);

export type PurchaseOrderLine = Canonical<typeof PurchaseOrderLineSchema>;
export type PurchaseOrder = Canonical<typeof PurchaseOrderSchema>;
