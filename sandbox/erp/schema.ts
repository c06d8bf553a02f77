import { type Static, Type } from "@sinclair/typebox";
import { CurrencyCode, Day, Decimal, NullableDate, Ref, Tier, X12Uom } from "../shared/native-schema.js";

/** Blanket purchase agreement import, in the ERP's interface-table column names. */
export const BlanketAgreementSchema = Type.Object(
  {
    AGREEMENT_NUM: Ref,
    REVISION_NUM: Type.Integer({ minimum: 1 }),
    VENDOR_NUM: Ref,
    CURRENCY_CODE: CurrencyCode,
    START_DATE: Day,
    END_DATE: Day,
    LINES: Type.Array(
      Type.Object(
        {
          LINE_NUM: Type.Integer({ minimum: 1 }),
          ITEM_NUMBER: Ref,
          UOM_CODE: X12Uom,
          UNIT_PRICE: Decimal,
          PRICE_BREAKS: Type.Optional(
            Type.Array(Type.Object({ TIER: Tier, PRICE: Decimal }, { additionalProperties: false }), {
              maxItems: 9,
            }),
          ),
          START_DATE: Type.Optional(NullableDate),
          END_DATE: Type.Optional(NullableDate),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20_000 },
    ),
    ORG_ASSIGNMENTS: Type.Array(
      Type.Object(
        { ORG_CODE: Ref, TIER: Tier, START_DATE: Day, END_DATE: Type.Optional(NullableDate) },
        { additionalProperties: false },
      ),
      { maxItems: 5_000 },
    ),
  },
  { additionalProperties: false },
);
export type BlanketAgreementBody = Static<typeof BlanketAgreementSchema>;
