import { type Static, Type } from "@sinclair/typebox";
import { Address, BankAccountSchema, Id, IsoDate, Name } from "../../model/index.js";

/**
 * What procurement sends when it has completed a supplier's onboarding (POST
 * /v1/suppliers/onboarding). The tax id and bank account are taken in clear here and nowhere
 * else: they are sealed before anything is stored.
 */
export const OnboardingRequestSchema = Type.Object(
  {
    /** An existing supplier being re-onboarded (e.g. a new remit-to bank account); absent for a new one. */
    supplierId: Type.Optional(Id),
    name: Name,
    address: Address,
    /** As written on the W-9: "12-3456789", "123-45-6789" or 9 digits. Checked by the workflow, not here. */
    taxId: Type.String({ minLength: 1, maxLength: 20 }),
    w9: Type.Object(
      {
        onFile: Type.Boolean(),
        /** Where the signed W-9 is kept (document management id). */
        documentRef: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      },
      { additionalProperties: false },
    ),
    // Shape only (9 digits, 4-17 digits): the ABA checksum is a workflow check, so a typo becomes
    // an exception with an owner rather than a refused request procurement cannot see again.
    bankAccount: BankAccountSchema,
    insurance: Type.Object(
      {
        certificateExpiresOn: IsoDate,
        carrier: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      },
      { additionalProperties: false },
    ),
    contacts: Type.Array(
      Type.Object(
        {
          name: Name,
          email: Type.Optional(Type.String({ pattern: "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", maxLength: 200 })),
          phone: Type.Optional(Type.String({ minLength: 7, maxLength: 30 })),
          role: Type.Optional(Type.String({ maxLength: 60 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
    duns: Type.Optional(Type.String({ pattern: "^\\d{9}$" })),
    gln: Type.Optional(Type.String({ pattern: "^\\d{13}$" })),
    paymentTermsNetDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 180 })),
  },
  { additionalProperties: false },
);

export type OnboardingRequest = Static<typeof OnboardingRequestSchema>;

/** The request as stored: everything but the tax id and bank account, which are kept sealed. */
export type StoredOnboardingRequest = Omit<OnboardingRequest, "taxId" | "bankAccount">;
