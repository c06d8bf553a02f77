import { type Static, Type } from "@sinclair/typebox";
import { CurrencyCode, Day, Decimal, NullableDate, Ref, Tier, X12Uom } from "../shared/native-schema.js";

const Money = Type.Object({ amount: Decimal, currency: CurrencyCode }, { additionalProperties: false });

/** Strict on purpose: an unexpected field usually means a hub mapping bug worth a loud 400. */
export const ContractCatalogSchema = Type.Object(
  {
    contractRef: Ref,
    revision: Type.Integer({ minimum: 1 }),
    supplierNumber: Ref,
    currency: CurrencyCode,
    validFrom: Day,
    validTo: Day,
    lines: Type.Array(
      Type.Object(
        {
          catalogItemId: Ref,
          unitOfMeasure: X12Uom,
          price: Money,
          tierPrices: Type.Optional(
            Type.Array(Type.Object({ tier: Tier, price: Money }, { additionalProperties: false }), {
              maxItems: 9,
            }),
          ),
          validFrom: Type.Optional(NullableDate),
          validTo: Type.Optional(NullableDate),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20_000 },
    ),
    eligibleShipTos: Type.Array(
      Type.Object(
        { shipToCode: Ref, tier: Tier, from: Day, to: Type.Optional(NullableDate) },
        { additionalProperties: false },
      ),
      { maxItems: 5_000 },
    ),
  },
  { additionalProperties: false },
);
export type ContractCatalogBody = Static<typeof ContractCatalogSchema>;
