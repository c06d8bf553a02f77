/**
 * The GS1 mod-10 check digit shared by GTIN, GLN and SSCC. Weights alternate 3,1,3… starting from
 * the rightmost digit of the body (the digit next to where the check digit goes), so the same
 * function serves every GS1 key length without left-padding.
 */
export function gs1CheckDigit(bodyWithoutCheck: string): number {
  if (!/^\d+$/.test(bodyWithoutCheck)) {
    throw new Error(`GS1 key body must be digits only, got ${JSON.stringify(bodyWithoutCheck)}`);
  }
  let sum = 0;
  for (let i = 0; i < bodyWithoutCheck.length; i++) {
    const digit = bodyWithoutCheck.charCodeAt(bodyWithoutCheck.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of an all-digit key is the GS1 check digit of the rest. */
export function hasValidGs1CheckDigit(key: string): boolean {
  if (!/^\d{2,}$/.test(key)) return false;
  return gs1CheckDigit(key.slice(0, -1)) === Number(key.slice(-1));
}
