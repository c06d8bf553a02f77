/**
 * ABA routing transit numbers (US bank routing numbers): 9 digits, the first two a Federal Reserve
 * routing symbol, the last a check digit such that 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) is a
 * multiple of 10. Messages never repeat the number.
 */

/** The check digit for the first 8 digits of a routing number. */
export function abaCheckDigit(first8: string): number {
  if (!/^\d{8}$/.test(first8)) throw new Error("an ABA routing number body must be 8 digits");
  const d = [...first8].map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]!);
  return (10 - (sum % 10)) % 10;
}

/**
 * 00 US government, 01-12 Federal Reserve districts, 21-32 thrift institutions, 61-72 electronic
 * transactions, 80 traveller's cheques. Anything else was mistyped.
 */
function knownPrefix(routing: string): boolean {
  const p = Number(routing.slice(0, 2));
  return p <= 12 || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) || p === 80;
}

/** Why `routing` is not a valid ABA routing number, or undefined when it is. */
export function abaRoutingNumberProblem(routing: string): string | undefined {
  if (!/^\d{9}$/.test(routing)) return `must be 9 digits (got ${routing.length} characters)`;
  if (!knownPrefix(routing)) return "must start with a Federal Reserve routing symbol (00-12, 21-32, 61-72 or 80)";
  if (abaCheckDigit(routing.slice(0, 8)) !== Number(routing[8])) return "fails the ABA check digit (3-7-1 weights)";
  return undefined;
}

export function isValidAbaRoutingNumber(routing: string): boolean {
  return typeof routing === "string" && abaRoutingNumberProblem(routing) === undefined;
}
