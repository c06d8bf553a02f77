import { Type } from "@sinclair/typebox";
import { type Canonical, Currency, IsoDate, NonNegativeDecimal } from "./common.js";
import { DocumentId, PartySchema } from "./trade-common.js";

/** One invoice a payment settles (X12 820 RMR, with its REF*PO when present). */
export const RemittanceSchema = Type.Object(
  {
    /** The supplier's invoice number (RMR02 with RMR01 IV). */
    invoiceId: DocumentId,
    purchaseOrderId: Type.Optional(DocumentId),
    /** What this payment pays of the invoice (RMR04). */
    paid: NonNegativeDecimal,
    /** The invoice's amount, when the payer states it (RMR05): paid below it is a short-pay. */
    invoiced: Type.Optional(NonNegativeDecimal),
    /** Early-payment discount taken (RMR06). */
    discount: Type.Optional(NonNegativeDecimal),
  },
  { additionalProperties: false },
);

/**
 * A payment to a supplier and the invoices it settles, as accounts payable made it: the ERP's
 * remittance (X12 820 Payment Order/Remittance Advice; BPR, TRN, RMR).
 */
export const PaymentSchema = Type.Object(
  {
    kind: Type.Literal("payment"),
    /** The payment's trace number (TRN02): a check number, an ACH trace. */
    id: DocumentId,
    paymentDate: IsoDate,
    /** BPR04: ACH, check (CHK), wire (FWT); anything else is "other". */
    method: Type.Union([Type.Literal("ach"), Type.Literal("check"), Type.Literal("wire"), Type.Literal("other")]),
    currency: Currency,
    /** The total paid (BPR02). */
    amount: NonNegativeDecimal,
    /** Payer (buyer) and payee (seller / remit-to). */
    parties: Type.Array(PartySchema, { maxItems: 20 }),
    remittances: Type.Array(RemittanceSchema, { minItems: 1, maxItems: 10_000 }),
  },
  { additionalProperties: false },
);

export type Remittance = Canonical<typeof RemittanceSchema>;
export type Payment = Canonical<typeof PaymentSchema>;
