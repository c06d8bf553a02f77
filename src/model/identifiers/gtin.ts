import { gs1CheckDigit, hasValidGs1CheckDigit } from "./gs1-check-digit.js";

/** GTIN-8, -12 (UPC-A), -13 (EAN) and -14 (packaging levels) are the only lengths GS1 issues. */
const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/** Check digit for a GTIN body (the GTIN without its last digit), GS1 mod-10. */
export function gtinCheckDigit(bodyWithoutCheck: string): number {
  return gs1CheckDigit(bodyWithoutCheck);
}

/** True for an all-digit GTIN-8/12/13/14 whose check digit is correct. */
export function isValidGtin(s: string): boolean {
  return typeof s === "string" && GTIN_LENGTHS.has(s.length) && hasValidGs1CheckDigit(s);
}

/**
 * Left-pads a GTIN to the 14 digits we store (the padding zeros do not change the check digit,
 * because weights run from the right). Throws on non-digits or a length GS1 does not issue;
 * it does NOT check the check digit: see checkGtin.
 */
export function normalizeGtin(s: string): string {
  if (typeof s !== "string" || !/^\d+$/.test(s) || !GTIN_LENGTHS.has(s.length)) {
    throw new Error(`invalid GTIN ${JSON.stringify(s)}: expected 8, 12, 13 or 14 digits`);
  }
  return s.padStart(14, "0");
}

export interface GtinCheck {
  readonly normalized: string;
  readonly checkDigitValid: boolean;
  readonly expectedCheckDigit: number;
}

/**
 * Normalises and reports the check digit instead of rejecting: real partners (even the HIBCC
 * guide's own examples) send GTINs with wrong check digits, and the item still has to be matched.
 * Callers log a warning when `checkDigitValid` is false.
 */
export function checkGtin(s: string): GtinCheck {
  const normalized = normalizeGtin(s);
  const expectedCheckDigit = gtinCheckDigit(normalized.slice(0, 13));
  return { normalized, checkDigitValid: Number(normalized[13]) === expectedCheckDigit, expectedCheckDigit };
}
