import type { Item, PackagingLevel } from "../../src/model/index.js";
import { withGs1CheckDigit } from "../shared/gs1.js";
import type { Rng } from "../shared/prng.js";
import { ITEM_TEMPLATES, type ItemTemplate } from "./item-templates.js";
import type { GeneratedSupplier } from "./suppliers.js";

export interface GeneratedItem {
  item: Item;
  /** Index of the supplier whose portfolio (and contracts) carry the item. */
  ownerIndex: number;
  /** List price of one base unit, in ten-thousandths of a dollar. */
  basePrice: number;
}

/**
 * Items are spread over suppliers with a Zipf-like skew: a few large manufacturers carry hundreds
 * of SKUs and most suppliers a handful, which is what long and short contracts need.
 */
export function generateItems(rng: Rng, count: number, suppliers: readonly GeneratedSupplier[]): GeneratedItem[] {
  const ranked = rng.shuffle(suppliers.map((_, i) => i));
  const weights = ranked.map((_, r) => 1 / (r + 1) ** 0.9);
  const total = weights.reduce((a, b) => a + b, 0);
  const manufacturers = suppliers.map((s, i) => ({ s, i })).filter(({ s }) => s.role === "manufacturer");
  const nextRef = new Map<number, number>();
  // Each owner specialises in a few templates, so a supplier's portfolio looks like a product line.
  const specialties = new Map<number, ItemTemplate[]>();

  const out: GeneratedItem[] = [];
  for (let i = 0; i < count; i++) {
    const ownerIndex = ranked[pickWeighted(rng, weights, total)]!;
    const owner = suppliers[ownerIndex]!;
    let lines = specialties.get(ownerIndex);
    if (!lines) {
      lines = rng.sample(ITEM_TEMPLATES, rng.int(2, 6));
      specialties.set(ownerIndex, lines);
    }
    const t = rng.pick(lines);
    // Distributors resell other makers' products; manufacturers sell their own.
    const maker =
      owner.role === "manufacturer" || manufacturers.length === 0
        ? { s: owner, i: ownerIndex }
        : rng.pick(manufacturers);
    const ref = (nextRef.get(maker.i) ?? 0) + 1;
    nextRef.set(maker.i, ref);
    // GS1 company prefix (7 digits) + item reference (5); the indicator digit marks the packaging level.
    const gtinBody = `0${300_000 + maker.i}${String(ref).padStart(5, "0")}`;
    const hasGtin = rng.chance(0.97);
    const gtinAt = (indicator: number) => withGs1CheckDigit(`${indicator}${gtinBody}`);
    const packaging: PackagingLevel[] = [
      { uom: t.baseUom, quantityOfBase: 1, ...(hasGtin ? { gtin: gtinAt(0) } : {}) },
      ...t.packs.map(([uom, qty], k) => ({
        uom,
        quantityOfBase: qty,
        ...(hasGtin ? { gtin: gtinAt(k + 1) } : {}),
      })),
    ];
    const initials = maker.s.shortName.replace(/[^A-Z]/g, "").slice(0, 3) || "MFR";
    out.push({
      ownerIndex,
      basePrice: rng.int(t.price[0], t.price[1]),
      item: {
        kind: "item",
        id: `itm-${String(i + 1).padStart(5, "0")}`,
        description: `${t.base}, ${rng.pick(t.variants)}`,
        manufacturerName: maker.s.supplier.name,
        manufacturerPartNo: `${initials}-${rng.int(1000, 99999)}${rng.pick(["", "-S", "-L", "B"])}`,
        ...(hasGtin ? { gtin: gtinAt(0) } : {}),
        unspsc: t.unspsc,
        baseUom: t.baseUom,
        packaging,
        clinicalCategory: t.category,
        status: rng.chance(0.98) ? "active" : "inactive",
      },
    });
  }
  return out;
}

function pickWeighted(rng: Rng, weights: readonly number[], total: number): number {
  let x = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
}
