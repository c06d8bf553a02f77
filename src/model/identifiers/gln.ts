import { gs1CheckDigit, hasValidGs1CheckDigit } from "./gs1-check-digit.js";

/** Check digit for the first 12 digits of a GLN (GS1 mod-10, same as GTIN). */
export function glnCheckDigit(bodyWithoutCheck: string): number {
  if (!/^\d{12}$/.test(bodyWithoutCheck)) {
    throw new Error(`GLN body must be 12 digits, got ${JSON.stringify(bodyWithoutCheck)}`);
  }
  return gs1CheckDigit(bodyWithoutCheck);
}

/** True for a 13-digit Global Location Number (ship-to docks, bill-to parties) with a correct check digit. */
export function isValidGln(s: string): boolean {
  return typeof s === "string" && s.length === 13 && hasValidGs1CheckDigit(s);
}
