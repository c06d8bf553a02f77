import { Type } from "@sinclair/typebox";
import { Address, type Canonical, Id, Name } from "./common.js";

/**
 * Where a supplier is paid. Sensitive: encrypted at rest, masked for callers without `pii:read`
 * (docs/security.md). The routing number's ABA check digit is verified on the way in
 * (identifiers/aba-routing-number.ts).
 */
export const BankAccountSchema = Type.Object(
  {
    routingNumber: Type.String({ pattern: "^\\d{9}$", description: "a 9-digit ABA routing number" }),
    accountNumber: Type.String({ pattern: "^\\d{4,17}$", description: "4 to 17 digits" }),
    accountType: Type.Union([Type.Literal("checking"), Type.Literal("savings")]),
    /** The name the account is held in, when it differs from the supplier's. */
    accountName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

export type BankAccount = Canonical<typeof BankAccountSchema>;

export const SupplierSchema = Type.Object(
  {
    kind: Type.Literal("supplier"),
    id: Id,
    name: Name,
    status: Type.Union([Type.Literal("active"), Type.Literal("onboarding"), Type.Literal("inactive")]),
    duns: Type.Optional(Type.String({ pattern: "^\\d{9}$" })),
    gln: Type.Optional(Type.String({ pattern: "^\\d{13}$" })),
    /**
     * US TIN (EIN, SSN or ITIN) as 9 digits, normalised from "12-3456789" on the way in
     * (identifiers/tin.ts). Sensitive, like `bankAccount`.
     */
    taxId: Type.Optional(Type.String({ pattern: "^\\d{9}$", description: "a 9-digit US TIN" })),
    bankAccount: Type.Optional(BankAccountSchema),
    /** Net days from invoice date (e.g. 30 for "net 30"); contract terms override it. */
    paymentTermsNetDays: Type.Integer({ minimum: 0, maximum: 180 }),
    remitTo: Address,
  },
  { additionalProperties: false },
);

export type Supplier = Canonical<typeof SupplierSchema>;

/** The supplier fields held encrypted, apart from the record (docs/security.md). */
export const SUPPLIER_SENSITIVE_FIELDS = ["taxId", "bankAccount"] as const;
export type SupplierSensitiveField = (typeof SUPPLIER_SENSITIVE_FIELDS)[number];
