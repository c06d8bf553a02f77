import { baseUnitsPer, type Item, parseDecimal, UOMS, UomConversionError } from "../model/index.js";
import type { PriceAnswer } from "./effective-price.js";

/**
 * Chooses among the contracts' answers: the lowest price per base unit wins.
 *
 * Prices quoted in different units are compared through the item's packaging (66.50 per case of 20
 * beats 3.50 per each). A unit the packaging does not cover cannot be compared, and we never guess
 * a factor, so candidates fall into groups: all convertible units together, and each unconvertible
 * unit on its own. The convertible group is preferred (it is the one we can reason about); failing
 * that, the group whose unit comes first in UOMS (each, box, case…). This keeps the answer
 * deterministic; callers that must compare across units should pass `uom` or the item.
 *
 * Ties go to the higher version, then to the lower contract id (code-unit order, not locale), then
 * the lower line number, so the same inputs always give the same answer in every process.
 */
export function pickLowestPrice(candidates: readonly PriceAnswer[], item: Item | undefined): PriceAnswer | undefined {
  if (candidates.length === 0) return undefined;
  const currencies = new Set(candidates.map((c) => c.currency));
  if (currencies.size > 1) {
    // No exchange rates here, and comparing 10 USD with 10 CAD as equal would pick a price by accident.
    throw new Error(
      `cannot compare prices for item ${candidates[0]!.itemId} across currencies ${[...currencies].join(", ")}`,
    );
  }

  const groups = new Map<string, { factor: bigint; answer: PriceAnswer }[]>();
  for (const answer of candidates) {
    const factor = item ? factorOrUndefined(item, answer) : undefined;
    const key = factor === undefined ? answer.uom : "*";
    const group = groups.get(key) ?? [];
    group.push({ answer, factor: factor ?? 1n });
    groups.set(key, group);
  }
  const order = (key: string) => (key === "*" ? -1 : UOMS.indexOf(key as (typeof UOMS)[number]));
  const [chosen] = [...groups.entries()].sort(([a], [b]) => order(a) - order(b));
  if (!chosen) return undefined;

  let best = chosen[1][0]!;
  for (const next of chosen[1].slice(1)) {
    if (better(next, best)) best = next;
  }
  return best.answer;
}

function factorOrUndefined(item: Item, answer: PriceAnswer): bigint | undefined {
  try {
    return BigInt(baseUnitsPer(item, answer.uom));
  } catch (e) {
    if (e instanceof UomConversionError) return undefined;
    throw e;
  }
}

function better(a: { factor: bigint; answer: PriceAnswer }, b: { factor: bigint; answer: PriceAnswer }): boolean {
  // priceA / factorA < priceB / factorB, cross-multiplied so no division (and no rounding) happens.
  const left = parseDecimal(a.answer.unitPrice) * b.factor;
  const right = parseDecimal(b.answer.unitPrice) * a.factor;
  if (left !== right) return left < right;
  if (a.answer.version !== b.answer.version) return a.answer.version > b.answer.version;
  if (a.answer.contractId !== b.answer.contractId) return a.answer.contractId < b.answer.contractId;
  if (a.answer.lineNo !== b.answer.lineNo) return a.answer.lineNo < b.answer.lineNo;
  return UOMS.indexOf(a.answer.uom) < UOMS.indexOf(b.answer.uom);
}
