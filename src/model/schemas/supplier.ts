import { Type } from "@sinclair/typebox";
import { Address, type Canonical, Id, Name } from "./common.js";

export const SupplierSchema = Type.Object(
  {
    kind: Type.Literal("supplier"),
    id: Id,
    name: Name,
    status: Type.Union([Type.Literal("active"), Type.Literal("onboarding"), Type.Literal("inactive")]),
    duns: Type.Optional(Type.String({ pattern: "^\\d{9}$" })),
    gln: Type.Optional(Type.String({ pattern: "^\\d{13}$" })),
    /** Net days from invoice date (e.g. 30 for "net 30"); contract terms override it. */
    paymentTermsNetDays: Type.Integer({ minimum: 0, maximum: 180 }),
    remitTo: Address,
  },
  { additionalProperties: false },
);

export type Supplier = Canonical<typeof SupplierSchema>;
