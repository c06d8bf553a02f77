import { Type } from "@sinclair/typebox";
import { type Canonical, Currency, DecimalString, Id, IsoDate, Name, NonNegativeDecimal } from "./common.js";
import { UomSchema } from "./uom.js";

/** A GPO/local tier price: tier n applies to facilities whose eligibility record carries tier n. */
export const TierPriceSchema = Type.Object(
  { tier: Type.Integer({ minimum: 1, maximum: 9 }), unitPrice: NonNegativeDecimal },
  { additionalProperties: false },
);

export const PriceLineSchema = Type.Object(
  {
    lineNo: Type.Integer({ minimum: 1, maximum: 999_999 }),
    itemId: Id,
    uom: UomSchema,
    /** The contract price when no tier price applies. */
    unitPrice: NonNegativeDecimal,
    tierPrices: Type.Array(TierPriceSchema, { maxItems: 9 }),
    /** Line-level validity inside the contract's own dates (X12 845 DTM*131/132). */
    effectiveFrom: Type.Optional(IsoDate),
    expiresOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

/** A facility eligible to buy on the contract, with its tier and eligibility window (845 DTM*129/130). */
export const EligibilitySchema = Type.Object(
  {
    facilityId: Id,
    tier: Type.Integer({ minimum: 1, maximum: 9 }),
    from: IsoDate,
    to: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const RebateSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal("volume"), Type.Literal("admin-fee"), Type.Literal("growth")]),
    percent: DecimalString,
    /** Spend over the period above which the rebate is earned; absent = from the first dollar. */
    thresholdSpend: Type.Optional(NonNegativeDecimal),
    period: Type.Union([Type.Literal("quarterly"), Type.Literal("annual")]),
  },
  { additionalProperties: false },
);

/**
 * A contract version. Every amendment carries the whole contract (a snapshot, not a diff), so
 * version n+1 supersedes version n entirely: a target that missed n can apply n+1 safely.
 */
export const ContractSchema = Type.Object(
  {
    kind: Type.Literal("contract"),
    id: Id,
    number: Type.String({ minLength: 1, maxLength: 40 }),
    version: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    title: Name,
    supplierId: Id,
    currency: Currency,
    effectiveFrom: IsoDate,
    expiresOn: IsoDate,
    pricingDateBasis: Type.Union([Type.Literal("order-date"), Type.Literal("ship-date"), Type.Literal("invoice-date")]),
    priceLines: Type.Array(PriceLineSchema, { minItems: 1, maxItems: 20_000 }),
    eligibility: Type.Array(EligibilitySchema, { maxItems: 5_000 }),
    rebates: Type.Array(RebateSchema, { maxItems: 20 }),
    /** "fiscal-period": prices start at the first fiscal period start on or after effectiveFrom. */
    activationAlignment: Type.Optional(Type.Union([Type.Literal("effective-date"), Type.Literal("fiscal-period")])),
  },
  { additionalProperties: false },
);

export type TierPrice = Canonical<typeof TierPriceSchema>;
export type PriceLine = Canonical<typeof PriceLineSchema>;
export type Eligibility = Canonical<typeof EligibilitySchema>;
export type Rebate = Canonical<typeof RebateSchema>;
export type Contract = Canonical<typeof ContractSchema>;
