import { Type } from "@sinclair/typebox";
import { type Canonical, Currency, IsoDate, NonNegativeDecimal } from "./common.js";
import { DocumentId, ItemRefSchema, PartySchema } from "./trade-common.js";
import { UomSchema } from "./uom.js";

/** One price of a catalog item: a list price, or a GPO tier price (832 CTP*BG*C01..). */
export const CatalogPriceSchema = Type.Object(
  {
    uom: UomSchema,
    unitPrice: NonNegativeDecimal,
    /** Tier 1..9 for a GPO tier price; absent for the plain contract or list price. */
    tier: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })),
    kind: Type.Union([Type.Literal("contract"), Type.Literal("list"), Type.Literal("tier")]),
  },
  { additionalProperties: false },
);

/** Pack hierarchy level: `quantity` of `containsUom` make one `uom` (one case holds 10 boxes). */
export const CatalogPackSchema = Type.Object(
  {
    uom: UomSchema,
    quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    containsUom: UomSchema,
    gtin: Type.Optional(Type.String({ pattern: "^\\d{14}$" })),
  },
  { additionalProperties: false },
);

export const CatalogItemSchema = Type.Object(
  {
    item: ItemRefSchema,
    action: Type.Union([Type.Literal("add"), Type.Literal("change"), Type.Literal("delete")]),
    prices: Type.Array(CatalogPriceSchema, { maxItems: 20 }),
    packs: Type.Array(CatalogPackSchema, { maxItems: 8 }),
  },
  { additionalProperties: false },
);

/** X12 832 price/sales catalog (a supplier's or distributor's catalog, possibly for one GPO contract). */
export const PriceCatalogSchema = Type.Object(
  {
    kind: Type.Literal("price-catalog"),
    id: DocumentId,
    purpose: Type.Union([Type.Literal("original"), Type.Literal("replace"), Type.Literal("update")]),
    currency: Currency,
    contractNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    effectiveFrom: Type.Optional(IsoDate),
    expiresOn: Type.Optional(IsoDate),
    parties: Type.Array(PartySchema, { maxItems: 20 }),
    items: Type.Array(CatalogItemSchema, { maxItems: 1_000_000 }),
  },
  { additionalProperties: false },
);

export type CatalogPrice = Canonical<typeof CatalogPriceSchema>;
export type CatalogPack = Canonical<typeof CatalogPackSchema>;
export type CatalogItem = Canonical<typeof CatalogItemSchema>;
export type PriceCatalog = Canonical<typeof PriceCatalogSchema>;
