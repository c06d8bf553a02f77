import type { Contract, PriceLine } from "../../model/index.js";

const sameLine = (a: PriceLine, b: PriceLine) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The day a version's new prices start: the earliest start of a price line it adds or changes
 * (an amendment dates its changed lines), never before the contract's own start. A version that
 * changes no price line (a roster or rebate change), or a new contract, starts with the contract.
 *
 * @example priceStartDay(v2, v1) // "2027-01-01" when v2 re-prices lines from 2027-01-01
 */
export function priceStartDay(contract: Contract, previous: Contract | undefined): string {
  if (!previous) return contract.effectiveFrom;
  const before = new Map(previous.priceLines.map((l) => [l.lineNo, l]));
  let start: string | undefined;
  for (const line of contract.priceLines) {
    const old = before.get(line.lineNo);
    if (old && sameLine(old, line)) continue;
    const from = line.effectiveFrom ?? contract.effectiveFrom;
    if (start === undefined || from < start) start = from;
  }
  if (start === undefined || start < contract.effectiveFrom) return contract.effectiveFrom;
  return start;
}
