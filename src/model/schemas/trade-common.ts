import { Type } from "@sinclair/typebox";
import { type Canonical, Id } from "./common.js";

/**
 * Trade documents (orders, confirmations, ship notices, invoices, catalogs) arrive from partners
 * who do not know our canonical ids. Codecs therefore decode identities as *references* (every
 * identifier the document carried), and intake resolves them to canonical ids through the
 * cross-reference table. A reference with `itemId` or `id` set has been resolved.
 */
export const PartyIdSchemes = [
  "canonical",
  "gln",
  "duns",
  "duns4",
  "hin",
  "buyer-assigned",
  "seller-assigned",
  "tin",
  "network",
  "other",
] as const;

export const PartyIdSchema = Type.Object(
  {
    scheme: Type.Union(PartyIdSchemes.map((s) => Type.Literal(s))),
    value: Type.String({ minLength: 1, maxLength: 80 }),
  },
  { additionalProperties: false },
);

/** Addresses in partner documents are not always US or complete: keep what was sent. */
export const TradeAddressSchema = Type.Object(
  {
    lines: Type.Array(Type.String({ minLength: 1, maxLength: 120 }), { maxItems: 4 }),
    city: Type.Optional(Type.String({ maxLength: 80 })),
    region: Type.Optional(Type.String({ maxLength: 40 })),
    postalCode: Type.Optional(Type.String({ maxLength: 20 })),
    country: Type.Optional(Type.String({ maxLength: 3 })),
  },
  { additionalProperties: false },
);

export const PartyRoles = [
  "buyer",
  "seller",
  "supplier",
  "ship-to",
  "ship-from",
  "bill-to",
  "remit-to",
  "group-purchasing-organization",
  "member",
  "manufacturer",
  "distributor",
  "other",
] as const;

export const PartySchema = Type.Object(
  {
    role: Type.Union(PartyRoles.map((r) => Type.Literal(r))),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    ids: Type.Array(PartyIdSchema, { maxItems: 10 }),
    address: Type.Optional(TradeAddressSchema),
  },
  { additionalProperties: false },
);

/** Every identifier a trade line carried for its product; at least one must be present. */
export const ItemRefSchema = Type.Object(
  {
    itemId: Type.Optional(Id),
    gtin: Type.Optional(Type.String({ pattern: "^\\d{14}$" })),
    ndc: Type.Optional(Type.String({ pattern: "^\\d{11}$" })),
    upc: Type.Optional(Type.String({ pattern: "^\\d{12}$" })),
    hibcc: Type.Optional(Type.String({ minLength: 1, maxLength: 48 })),
    supplierPartNo: Type.Optional(Type.String({ minLength: 1, maxLength: 48 })),
    manufacturerPartNo: Type.Optional(Type.String({ minLength: 1, maxLength: 48 })),
    buyerPartNo: Type.Optional(Type.String({ minLength: 1, maxLength: 48 })),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    unspsc: Type.Optional(Type.String({ pattern: "^\\d{8}$" })),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** Payment terms as the 810 ITD / cXML PaymentTerm carry them: net days and an optional prompt-pay discount. */
export const PaymentTermsSchema = Type.Object(
  {
    netDays: Type.Integer({ minimum: 0, maximum: 365 }),
    discountPercent: Type.Optional(Type.String({ pattern: "^\\d{1,2}(\\.\\d{1,4})?$" })),
    discountDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
    description: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

/** Trade line numbers are partner-assigned strings (X12 PO101 is alphanumeric; cXML lineNumber is numeric). */
export const LineId = Type.String({ minLength: 1, maxLength: 20 });

/** Document ids (PO numbers, invoice numbers, shipment ids) are partner-assigned and may carry spaces. */
export const DocumentId = Type.String({ minLength: 1, maxLength: 80 });

export type PartyId = Canonical<typeof PartyIdSchema>;
export type TradeAddress = Canonical<typeof TradeAddressSchema>;
export type Party = Canonical<typeof PartySchema>;
export type ItemRef = Canonical<typeof ItemRefSchema>;
export type PaymentTerms = Canonical<typeof PaymentTermsSchema>;
