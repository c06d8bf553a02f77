import { baseUnitsPer, type Item, type Uom, UomConversionError } from "../../model/index.js";
import { type Exact, ofInt } from "./exact-decimal.js";

export type UnitRatio =
  | { readonly ok: true; readonly ratio: Exact }
  | { readonly ok: false; readonly rule: string; readonly why: string };

/**
 * How many `to` units one `from` unit is (case → each with 20 per case = 20), from the item's own
 * packaging levels only. No item or no level is an answer, not a guess: DOMAIN.md §5.1 sends a unit
 * mismatch without an item-level factor to a person (Infor M3 does the same).
 */
export function unitRatio(item: Item | undefined, from: Uom, to: Uom): UnitRatio {
  if (from === to) return { ok: true, ratio: ofInt(1) };
  if (!item) {
    return {
      ok: false,
      rule: "uom.no-item",
      why: `the item is not in the item master, so ${from} cannot convert to ${to}`,
    };
  }
  try {
    return { ok: true, ratio: { n: BigInt(baseUnitsPer(item, from)), d: BigInt(baseUnitsPer(item, to)) } };
  } catch (e) {
    if (!(e instanceof UomConversionError)) throw e;
    return {
      ok: false,
      rule: e.reason === "no-level" ? "uom.no-factor" : "uom.conflicting-factors",
      why: e.message,
    };
  }
}
