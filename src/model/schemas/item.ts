import { Type } from "@sinclair/typebox";
import { type Canonical, Id, Name } from "./common.js";
import { UomSchema } from "./uom.js";

/** One level of the packaging hierarchy: `quantityOfBase` base units make one `uom` (case = 10 boxes = 200 each). */
export const PackagingLevelSchema = Type.Object(
  {
    uom: UomSchema,
    quantityOfBase: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    gtin: Type.Optional(Type.String({ pattern: "^\\d{14}$" })),
  },
  { additionalProperties: false },
);

export const ItemSchema = Type.Object(
  {
    kind: Type.Literal("item"),
    id: Id,
    description: Name,
    manufacturerName: Name,
    manufacturerPartNo: Type.String({ minLength: 1, maxLength: 40 }),
    /** GTIN-14 of the base unit (GTIN-8/12/13 are left-padded with zeros). */
    gtin: Type.Optional(Type.String({ pattern: "^\\d{14}$" })),
    unspsc: Type.String({ pattern: "^\\d{8}$" }),
    baseUom: UomSchema,
    packaging: Type.Array(PackagingLevelSchema, { minItems: 1, maxItems: 8 }),
    clinicalCategory: Type.Union([
      Type.Literal("med-surg"),
      Type.Literal("implant"),
      Type.Literal("pharmacy"),
      Type.Literal("lab"),
      Type.Literal("non-clinical"),
    ]),
    status: Type.Union([Type.Literal("active"), Type.Literal("inactive")]),
  },
  { additionalProperties: false },
);

export type PackagingLevel = Canonical<typeof PackagingLevelSchema>;
export type Item = Canonical<typeof ItemSchema>;
