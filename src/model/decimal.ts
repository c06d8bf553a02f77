/**
 * Fixed-point decimal arithmetic on bigint with 4 fractional digits (scale 4).
 *
 * Money and quantities are never binary floats: 0.1 + 0.2 !== 0.3 and a contract price of 12.3456
 * must survive every hop byte-for-byte. Values travel as DecimalString (see schemas/common.ts) and are
 * held here as bigint counts of 1/10 000. Every string-returning operation rounds half-even ("banker's
 * rounding") once, so repeated conversions do not drift upwards the way half-up does.
 */

export const DECIMAL_SCALE = 4;
const UNIT = 10n ** BigInt(DECIMAL_SCALE);
/** 14 integer digits: the DecimalString range. Results outside it are refused rather than truncated. */
const LIMIT = 10n ** 14n * UNIT;
const DECIMAL_RE = /^(-?)(0|[1-9]\d{0,13})(?:\.(\d{1,4}))?$/;

/** True when `s` is a DecimalString: optional '-', up to 14 integer digits, up to 4 fraction digits. */
export function isDecimal(s: unknown): s is string {
  return typeof s === "string" && DECIMAL_RE.test(s);
}

/** Parses a DecimalString into a bigint scaled by 10^4 ("12.5" → 125000n). */
export function parseDecimal(s: string): bigint {
  const m = typeof s === "string" ? DECIMAL_RE.exec(s) : null;
  if (!m) {
    throw new Error(
      `invalid decimal ${JSON.stringify(s)}: expected an optional '-', up to 14 integer digits and up to 4 decimals (e.g. "12.3456")`,
    );
  }
  const [, sign, int, frac = ""] = m;
  const magnitude = BigInt(int!) * UNIT + BigInt(frac.padEnd(DECIMAL_SCALE, "0"));
  return sign === "-" ? -magnitude : magnitude;
}

/**
 * Formats a scaled bigint, trimming trailing zeros but keeping at least `minFractionDigits`
 * (12.3400 → "12.34", 5 → "5.00"); 2 by default because most readers expect currency amounts.
 */
export function formatDecimal(v: bigint, minFractionDigits = 2): string {
  const min = Math.max(0, Math.min(DECIMAL_SCALE, Math.trunc(minFractionDigits)));
  const negative = v < 0n;
  const abs = negative ? -v : v;
  const int = (abs / UNIT).toString();
  let frac = (abs % UNIT).toString().padStart(DECIMAL_SCALE, "0");
  while (frac.length > min && frac.endsWith("0")) frac = frac.slice(0, -1);
  // "-0.00" is not a useful value; zero has no sign.
  const sign = negative && abs !== 0n ? "-" : "";
  return frac.length > 0 ? `${sign}${int}.${frac}` : `${sign}${int}`;
}

/** Integer division rounding half to even; `d` must be non-zero. */
export function divideHalfEven(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError("division by zero");
  if (d < 0n) return divideHalfEven(-n, -d);
  const q = n / d; // truncates toward zero
  const r = n % d; // same sign as n
  const twice = 2n * (r < 0n ? -r : r);
  if (twice < d || (twice === d && q % 2n === 0n)) return q;
  return n < 0n ? q - 1n : q + 1n;
}

/** Formats a result, refusing values outside the DecimalString range so they cannot leak downstream. */
function toDecimalString(v: bigint, minFractionDigits = 2): string {
  if (v >= LIMIT || v <= -LIMIT) {
    throw new RangeError(`decimal result ${formatDecimal(v)} exceeds 14 integer digits`);
  }
  return formatDecimal(v, minFractionDigits);
}

export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function addDecimal(a: string, b: string): string {
  return toDecimalString(parseDecimal(a) + parseDecimal(b));
}

export function subtractDecimal(a: string, b: string): string {
  return toDecimalString(parseDecimal(a) - parseDecimal(b));
}

/** a × b rounded half-even to 4 decimals (the exact product has 8). */
export function multiplyDecimal(a: string, b: string): string {
  return toDecimalString(divideHalfEven(parseDecimal(a) * parseDecimal(b), UNIT));
}

/** a ÷ b rounded half-even to 4 decimals; throws on division by zero. */
export function divideDecimal(a: string, b: string): string {
  const divisor = parseDecimal(b);
  if (divisor === 0n) throw new RangeError(`cannot divide ${a} by zero`);
  return toDecimalString(divideHalfEven(parseDecimal(a) * UNIT, divisor));
}

/**
 * Rounds half-even to `dp` decimals (0–4): roundDecimal("2.345", 2) → "2.34", ("2.355", 2) → "2.36".
 * Keeps min(dp, 2) fraction digits so whole-unit rounding reads "3", not "3.00".
 */
export function roundDecimal(a: string, dp: number): string {
  if (!Number.isInteger(dp) || dp < 0 || dp > DECIMAL_SCALE) {
    throw new RangeError(`decimal places must be an integer from 0 to ${DECIMAL_SCALE}, got ${dp}`);
  }
  const step = 10n ** BigInt(DECIMAL_SCALE - dp);
  return toDecimalString(divideHalfEven(parseDecimal(a), step) * step, Math.min(dp, 2));
}
