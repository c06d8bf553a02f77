import { divideDecimal, multiplyDecimal } from "./decimal.js";
import type { Item } from "./schemas/item.js";
import type { Uom } from "./schemas/uom.js";

/**
 * Raised when an item's packaging cannot convert between two units. We never guess a factor:
 * conversion-factor drift is the classic ERP pricing bug (DOMAIN.md §3), so a missing level goes to
 * a person, not to a default of 1 or a "typical" case size.
 */
export class UomConversionError extends Error {
  constructor(
    /** The item id. */
    readonly item: string,
    readonly from: Uom,
    readonly to: Uom,
    readonly reason: "no-level" | "conflicting-levels",
    missing: Uom,
  ) {
    super(
      reason === "no-level"
        ? `item ${item} has no packaging level for "${missing}": cannot convert ${from} to ${to}`
        : `item ${item} has conflicting packaging levels for "${missing}": cannot convert ${from} to ${to}`,
    );
    this.name = "UomConversionError";
  }
}

/**
 * How many base units make one `uom`. The base unit converts as 1 even without an explicit level,
 * because that is its definition rather than a guess.
 */
export function baseUnitsPer(item: Item, uom: Uom): number {
  return factorFor(item, uom, uom, item.baseUom);
}

/** `from`/`to` only give the error the context of the conversion being attempted. */
function factorFor(item: Item, uom: Uom, from: Uom, to: Uom): number {
  const factors = new Set(item.packaging.filter((l) => l.uom === uom).map((l) => l.quantityOfBase));
  if (factors.size > 1) throw new UomConversionError(item.id, from, to, "conflicting-levels", uom);
  const [factor] = factors;
  if (factor !== undefined) return factor;
  if (uom === item.baseUom) return 1;
  throw new UomConversionError(item.id, from, to, "no-level", uom);
}

/** Quantity expressed in the item's base unit (exact: factors are integers). */
export function quantityInBase(item: Item, qty: string, uom: Uom): string {
  return multiplyDecimal(qty, String(baseUnitsPer(item, uom)));
}

/** Quantity in `from` units → `to` units, rounded half-even to 4 decimals (12 each → 0.5 box of 24). */
export function convertQuantity(item: Item, qty: string, from: Uom, to: Uom): string {
  if (from === to) return multiplyDecimal(qty, "1");
  const fromFactor = factorFor(item, from, from, to);
  const toFactor = factorFor(item, to, from, to);
  // Multiply first (exact), divide last, so rounding happens once.
  return divideDecimal(multiplyDecimal(qty, String(fromFactor)), String(toFactor));
}

/** Price per `from` unit → price per `to` unit (66.50 per case of 20 → 3.325 per each). */
export function convertUnitPrice(item: Item, price: string, from: Uom, to: Uom): string {
  if (from === to) return multiplyDecimal(price, "1");
  const fromFactor = factorFor(item, from, from, to);
  const toFactor = factorFor(item, to, from, to);
  return divideDecimal(multiplyDecimal(price, String(toFactor)), String(fromFactor));
}
