import { DECIMAL_SCALE, divideHalfEven, formatDecimal, parseDecimal } from "../../model/index.js";

/**
 * An exact rational n/d (d > 0) built from decimal strings. Matching compares prices and quantities
 * across units (66.50 per case of 20 vs 3.325 per each); dividing by a packaging factor is not exact
 * in 4 decimals, so comparisons stay rational and only the reported figures are rounded, once.
 * Unlike decimal.ts's string helpers these never throw on overflow: the engine must not fail on a
 * large invoice, so very large results simply format with more integer digits.
 */
export interface Exact {
  readonly n: bigint;
  readonly d: bigint;
}

const UNIT = 10n ** BigInt(DECIMAL_SCALE);

export const ZERO: Exact = { n: 0n, d: 1n };

/** "12.5" → 12.5 exactly. The string must be a DecimalString (validated documents guarantee it). */
export function exact(s: string): Exact {
  return { n: parseDecimal(s), d: UNIT };
}

export function ofInt(i: number | bigint): Exact {
  return { n: BigInt(i), d: 1n };
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Keeps numerators and denominators small across long sums (100 000-line benchmarks). */
function norm(n: bigint, d: bigint): Exact {
  if (d < 0n) return norm(-n, -d);
  if (n === 0n) return ZERO;
  const g = gcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

export function add(a: Exact, b: Exact): Exact {
  return a.d === b.d ? norm(a.n + b.n, a.d) : norm(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Exact, b: Exact): Exact {
  return add(a, { n: -b.n, d: b.d });
}

export function mul(a: Exact, b: Exact): Exact {
  return norm(a.n * b.n, a.d * b.d);
}

/** a ÷ b; callers guard b ≠ 0 (packaging factors are ≥ 1). */
export function div(a: Exact, b: Exact): Exact {
  if (b.n === 0n) throw new RangeError("division by zero");
  return norm(a.n * b.d, a.d * b.n);
}

export function cmp(a: Exact, b: Exact): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function isZero(a: Exact): boolean {
  return a.n === 0n;
}

export function abs(a: Exact): Exact {
  return a.n < 0n ? { n: -a.n, d: a.d } : a;
}

export function min(a: Exact, b: Exact): Exact {
  return cmp(a, b) <= 0 ? a : b;
}

export function max(a: Exact, b: Exact): Exact {
  return cmp(a, b) >= 0 ? a : b;
}

/** `percent` of `a`: percentOf(2, 150) → 3. */
export function percentOf(percent: Exact, a: Exact): Exact {
  return mul(a, div(percent, ofInt(100)));
}

/**
 * Rounds half-even to `dp` decimals (0–4) and formats as a DecimalString-shaped value, never via a
 * float: format({n: 1n, d: 3n}, 4) → "0.3333", format(x, 2) for money.
 */
export function format(a: Exact, dp = 4, minFractionDigits = 2): string {
  const step = 10n ** BigInt(DECIMAL_SCALE - dp);
  const scaled = divideHalfEven(a.n * 10n ** BigInt(dp), a.d) * step;
  return formatDecimal(scaled, Math.min(minFractionDigits, dp));
}

/** Money at 2 decimals: the precision of an extended amount and of an invoice total. */
export function money(a: Exact): string {
  return format(a, 2, 2);
}

/** Quantities read as counts: 10, 2.5, 0.0417 — no currency-style trailing zeros. */
export function quantity(a: Exact): string {
  return format(a, 4, 0);
}
