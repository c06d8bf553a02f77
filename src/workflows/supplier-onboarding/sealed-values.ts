import type { BankAccount } from "../../model/index.js";
import type { FieldCipher } from "../../security/index.js";

/**
 * How an onboarding keeps its tax id and bank account: a FieldCipher envelope bound to the
 * onboarding and field, and a fingerprint made in a context shared by all onboardings, so the
 * same tax id or account gives the same fingerprint whoever it was sent for (duplicates, lookup).
 */
export const sealContext = (onboardingId: string, field: "taxId" | "bankAccount") =>
  `onboarding:${onboardingId}:${field}`;

const FINGERPRINT_CONTEXT = { taxId: "supplier-onboarding:taxId", bankAccount: "supplier-onboarding:bankAccount" };

/** The TIN's 9 digits when it has 9, else the text as sent (trimmed): what fingerprints compare. */
export const tinDigits = (taxId: string) => {
  const digits = taxId.replace(/[\s-]/g, "");
  return /^\d{9}$/.test(digits) ? digits : taxId.trim();
};

/** An account is the same account whatever its type or holder name says: routing + number. */
const accountIdentity = (a: BankAccount) => `${a.routingNumber}:${a.accountNumber}`;

export function fingerprintTin(cipher: FieldCipher, taxId: string, keyId?: string): string {
  return cipher.fingerprint(tinDigits(taxId), FINGERPRINT_CONTEXT.taxId, keyId);
}

export function fingerprintBank(cipher: FieldCipher, account: BankAccount, keyId?: string): string {
  return cipher.fingerprint(accountIdentity(account), FINGERPRINT_CONTEXT.bankAccount, keyId);
}

/** The last 4 digits, the most any table, event or log holds of a sensitive number. */
export const last4 = (value: string) => value.replace(/\D/g, "").slice(-4);

export interface SealedValues {
  readonly tinSealed: string;
  readonly tinFp: string;
  readonly tinLast4: string;
  readonly bankSealed: string;
  readonly bankFp: string;
  readonly bankLast4: string;
  readonly fpKeyId: string;
}

export function sealOnboardingValues(
  cipher: FieldCipher,
  onboardingId: string,
  taxId: string,
  account: BankAccount,
): SealedValues {
  return {
    // Sealed as sent: whether "123456789" is an EIN or an SSN depends on how it was written.
    tinSealed: cipher.encrypt(taxId.trim(), sealContext(onboardingId, "taxId")),
    tinFp: fingerprintTin(cipher, taxId),
    tinLast4: last4(taxId),
    bankSealed: cipher.encrypt(JSON.stringify(account), sealContext(onboardingId, "bankAccount")),
    bankFp: fingerprintBank(cipher, account),
    bankLast4: last4(account.accountNumber),
    fpKeyId: cipher.activeKeyId,
  };
}

export function openTin(cipher: FieldCipher, onboardingId: string, sealed: string): string {
  return cipher.decrypt(sealed, sealContext(onboardingId, "taxId"));
}

export function openBank(cipher: FieldCipher, onboardingId: string, sealed: string): BankAccount {
  return JSON.parse(cipher.decrypt(sealed, sealContext(onboardingId, "bankAccount"))) as BankAccount;
}
