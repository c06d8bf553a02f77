import { type Static, Type } from "@sinclair/typebox";

const Decimal = Type.String({ pattern: "^(0|[1-9]\\d{0,13})(\\.\\d{1,4})?$" });
const Day = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" });
const Code = Type.String({ minLength: 1, maxLength: 64 });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Optional(Type.Union([t, Type.Null()]));

/** The CLM's webhook payload (its own field names and codes), validated before any mapping. */
export const ClmAgreementEventSchema = Type.Object({
  eventId: Type.String({ minLength: 1, maxLength: 100 }),
  eventType: Type.Literal("agreement.amended"),
  occurredAt: Type.String({ minLength: 10, maxLength: 40 }),
  agreement: Type.Object({
    agreementNo: Type.String({ minLength: 1, maxLength: 40 }),
    amendmentNo: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    vendorCode: Code,
    currencyCode: Type.String({ pattern: "^[A-Z]{3}$" }),
    startDate: Day,
    endDate: Day,
    priceBasis: Type.String({ minLength: 1, maxLength: 20 }),
    /** How this amendment's prices start: on the effective date (default) or at a fiscal period start. */
    priceActivation: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    pricing: Type.Array(
      Type.Object({
        lineRef: Type.Integer({ minimum: 1, maximum: 999_999 }),
        itemCode: Code,
        uom: Type.String({ minLength: 2, maxLength: 3 }),
        price: Decimal,
        tiers: Type.Optional(
          Type.Array(Type.Object({ tierCode: Type.String({ maxLength: 3 }), price: Decimal }), {
            maxItems: 9,
          }),
        ),
        validFrom: Nullable(Day),
        validTo: Nullable(Day),
      }),
      { minItems: 1, maxItems: 20_000 },
    ),
    sites: Type.Array(
      Type.Object({
        siteCode: Code,
        tierCode: Type.String({ maxLength: 3 }),
        eligibleFrom: Day,
        eligibleTo: Nullable(Day),
      }),
      { maxItems: 5_000 },
    ),
    incentives: Type.Optional(
      Type.Array(
        Type.Object({
          type: Type.String({ maxLength: 30 }),
          pct: Type.String({ pattern: "^\\d{1,3}(\\.\\d{1,4})?$" }),
          spendThreshold: Nullable(Decimal),
          period: Type.String({ maxLength: 20 }),
        }),
        { maxItems: 20 },
      ),
    ),
  }),
});

export type ClmAgreementEvent = Static<typeof ClmAgreementEventSchema>;
