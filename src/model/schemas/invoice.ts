import { Type } from "@sinclair/typebox";
import { type Canonical, Currency, DecimalString, IsoDate, NonNegativeDecimal } from "./common.js";
import { DocumentId, ItemRefSchema, LineId, PartySchema, PaymentTermsSchema } from "./trade-common.js";
import { UomSchema } from "./uom.js";

export const InvoiceLineSchema = Type.Object(
  {
    lineId: LineId,
    /** One invoice may bill several orders (cXML InvoiceDetailOrder per PO). */
    purchaseOrderId: Type.Optional(DocumentId),
    purchaseOrderLineId: Type.Optional(LineId),
    item: ItemRefSchema,
    quantity: NonNegativeDecimal,
    uom: UomSchema,
    unitPrice: NonNegativeDecimal,
    /** Line amount as stated by the supplier; three-way match recomputes it. */
    amount: Type.Optional(DecimalString),
    tax: Type.Optional(DecimalString),
  },
  { additionalProperties: false },
);

export const InvoiceChargeSchema = Type.Object(
  {
    kind: Type.Union([
      Type.Literal("tax"),
      Type.Literal("freight"),
      Type.Literal("handling"),
      Type.Literal("allowance"),
      Type.Literal("discount"),
      Type.Literal("other-charge"),
    ]),
    /** Charges are positive, allowances and discounts negative. */
    amount: DecimalString,
    description: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

/** X12 810 / cXML InvoiceDetailRequest. */
export const InvoiceSchema = Type.Object(
  {
    kind: Type.Literal("invoice"),
    id: DocumentId,
    purpose: Type.Union([Type.Literal("original"), Type.Literal("credit-memo"), Type.Literal("debit-memo")]),
    invoiceDate: IsoDate,
    currency: Currency,
    purchaseOrderId: Type.Optional(DocumentId),
    parties: Type.Array(PartySchema, { maxItems: 20 }),
    paymentTerms: Type.Optional(PaymentTermsSchema),
    lines: Type.Array(InvoiceLineSchema, { minItems: 1, maxItems: 10_000 }),
    charges: Type.Array(InvoiceChargeSchema, { maxItems: 50 }),
    /** Total as stated (810 TDS01, cXML DueAmount); the match recomputes and compares. */
    total: DecimalString,
  },
  { additionalProperties: false },
);

export type InvoiceLine = Canonical<typeof InvoiceLineSchema>;
export type InvoiceCharge = Canonical<typeof InvoiceChargeSchema>;
export type Invoice = Canonical<typeof InvoiceSchema>;
