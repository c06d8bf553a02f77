import { Type } from "@sinclair/typebox";
import { type Canonical, Currency, IsoDate, NonNegativeDecimal } from "./common.js";
import { ItemRefSchema, PartySchema } from "./trade-common.js";
import { UomSchema } from "./uom.js";

const Action = Type.Union([Type.Literal("add"), Type.Literal("change"), Type.Literal("delete")]);

/** A member facility's eligibility on the contract (845 N1 loop with DTM*129/130). */
export const AuthorizedMemberSchema = Type.Object(
  {
    party: PartySchema,
    action: Action,
    tier: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const AuthorizedPriceSchema = Type.Object(
  {
    item: ItemRefSchema,
    action: Action,
    uom: UomSchema,
    unitPrice: NonNegativeDecimal,
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

/**
 * X12 845 price authorization acknowledgment/status: a manufacturer's or GPO's statement of a
 * contract, who may buy on it and at what price. Intake resolves references and folds it into a
 * canonical Contract version.
 */
export const PriceAuthorizationSchema = Type.Object(
  {
    kind: Type.Literal("price-authorization"),
    contractNumber: Type.String({ minLength: 1, maxLength: 40 }),
    action: Action,
    currency: Currency,
    effectiveFrom: Type.Optional(IsoDate),
    expiresOn: Type.Optional(IsoDate),
    parties: Type.Array(PartySchema, { maxItems: 20 }),
    members: Type.Array(AuthorizedMemberSchema, { maxItems: 5_000 }),
    prices: Type.Array(AuthorizedPriceSchema, { maxItems: 20_000 }),
  },
  { additionalProperties: false },
);

export type AuthorizedMember = Canonical<typeof AuthorizedMemberSchema>;
export type AuthorizedPrice = Canonical<typeof AuthorizedPriceSchema>;
export type PriceAuthorization = Canonical<typeof PriceAuthorizationSchema>;
