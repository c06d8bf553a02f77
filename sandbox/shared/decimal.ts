/**
 * Money is built from integers (ten-thousandths of a currency unit) and formatted by string
 * manipulation, so no binary-float artifact such as "12.340000000001" can ever reach a payload.
 */
export const SCALE = 10_000;

/** Formats integer ten-thousandths, keeping at least `minFraction` digits (trailing zeros beyond trimmed). */
export function formatScaled(units: number, minFraction = 2): string {
  if (!Number.isSafeInteger(units) || units < 0) throw new Error(`bad scaled amount ${units}`);
  const whole = Math.floor(units / SCALE);
  let frac = String(units % SCALE).padStart(4, "0");
  while (frac.length > minFraction && frac.endsWith("0")) frac = frac.slice(0, -1);
  return frac.length > 0 ? `${whole}.${frac}` : String(whole);
}

/** Pads a decimal string to exactly 4 fractional digits (CLM renders every price that way). */
export function padDecimal4(value: string): string {
  const [whole, frac = ""] = value.split(".");
  return `${whole}.${frac.padEnd(4, "0").slice(0, 4)}`;
}

export const DECIMAL_PATTERN = "^(0|[1-9]\\d{0,13})(\\.\\d{1,4})?$";
