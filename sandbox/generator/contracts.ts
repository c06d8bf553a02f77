import type { Contract, Eligibility, Facility, Item, PriceLine, Rebate } from "../../src/model/index.js";
import { addDays, addYears, isoDate } from "../shared/dates.js";
import { formatScaled } from "../shared/decimal.js";
import type { Rng } from "../shared/prng.js";
import type { GeneratedItem } from "./items.js";
import type { GeneratedSupplier } from "./suppliers.js";

const CATEGORY_LABEL: Record<Item["clinicalCategory"], string> = {
  "med-surg": "Med-Surg Supplies",
  implant: "Implants",
  pharmacy: "Pharmacy Products",
  lab: "Laboratory Supplies",
  "non-clinical": "Patient Care Products",
};

/**
 * Builds v1 contracts. `usable` limits lines to items every system knows (the hub's unmapped-item
 * path is exercised by amendments, not by the initial load).
 */
export function generateContracts(
  rng: Rng,
  count: number,
  suppliers: readonly GeneratedSupplier[],
  items: readonly GeneratedItem[],
  facilities: readonly Facility[],
  usable: (g: GeneratedItem) => boolean,
): Contract[] {
  const portfolios = new Map<number, GeneratedItem[]>();
  for (const g of items) {
    if (!usable(g) || g.item.status !== "active") continue;
    portfolios.set(g.ownerIndex, [...(portfolios.get(g.ownerIndex) ?? []), g]);
  }
  const active = [...portfolios.entries()].filter(([i]) => suppliers[i]!.supplier.status === "active");
  const candidates = active.some(([, p]) => p.length >= 5) ? active.filter(([, p]) => p.length >= 5) : active;
  if (candidates.length === 0 && count > 0) throw new Error("no supplier has contractable items");
  // sqrt weighting: big suppliers hold several category contracts, but not a third of all of them.
  const weights = candidates.map(([, p]) => Math.sqrt(p.length));
  const total = weights.reduce((a, b) => a + b, 0);

  const contracts: Contract[] = [];
  for (let c = 0; c < count; c++) {
    let x = rng.next() * total;
    let k = 0;
    for (; k < candidates.length - 1; k++) {
      x -= weights[k]!;
      if (x < 0) break;
    }
    const [ownerIndex, portfolio] = candidates[k]!;
    const owner = suppliers[ownerIndex]!;
    const year = rng.chance(0.5) ? 2025 : 2026;
    const effectiveFrom = isoDate(year, rng.int(1, 12), rng.chance(0.8) ? 1 : 15);
    const expiresOn = addDays(addYears(effectiveFrom, rng.chance(0.5) ? 2 : 3), -1);
    const chosen = rng.sample(portfolio, rng.int(5, 60));
    const tiered = rng.chance(0.7);
    const priceLines = chosen.map((g, i) => priceLine(rng, g, i + 1, tiered, effectiveFrom, expiresOn));
    const main = chosen[0]!.item.clinicalCategory;
    contracts.push({
      kind: "contract",
      id: `ctr-${String(c + 1).padStart(4, "0")}`,
      number: `AGR-${year}-${String(c + 1).padStart(5, "0")}`,
      version: 1,
      title: `${owner.shortName} ${CATEGORY_LABEL[main]} Pricing Agreement`,
      supplierId: owner.supplier.id,
      currency: "USD",
      effectiveFrom,
      expiresOn,
      pricingDateBasis: rng.chance(0.85) ? "order-date" : rng.chance(0.65) ? "ship-date" : "invoice-date",
      priceLines,
      eligibility: eligibility(rng, facilities, effectiveFrom, expiresOn),
      rebates: rebates(rng),
    });
  }
  return contracts;
}

/** Rounds to whole cents unless the amount is under a dollar (sub-cent each prices are normal). */
const roundPrice = (units: number) =>
  units >= 10_000 ? Math.round(units / 100) * 100 : Math.max(1, Math.round(units));

function priceLine(rng: Rng, g: GeneratedItem, lineNo: number, tiered: boolean, from: string, to: string): PriceLine {
  const levels = g.item.packaging;
  const roll = rng.next();
  const level = levels.length === 1 ? levels[0]! : roll < 0.6 ? levels[1]! : roll < 0.85 ? levels.at(-1)! : levels[0]!;
  const discountBp = rng.int(500, 2500);
  const base = roundPrice((g.basePrice * level.quantityOfBase * (10_000 - discountBp)) / 10_000);
  const tierPrices: { tier: number; unitPrice: string }[] = [];
  if (tiered) {
    // Tier 1 is the deepest discount (highest committed volume); each tier strictly cheaper than the next.
    let prev = base;
    const steps = [rng.int(150, 300), rng.int(300, 500), rng.int(500, 800)];
    const units = steps.map((bp) => roundPrice((base * (10_000 - bp)) / 10_000));
    for (let t = 0; t < 3; t++) {
      const step = base >= 10_000 ? 100 : 1;
      const u = Math.max(1, Math.min(units[t]!, prev - step));
      units[t] = u;
      prev = u;
    }
    for (const [i, u] of units.reverse().entries()) tierPrices.push({ tier: i + 1, unitPrice: formatScaled(u) });
  }
  const line: PriceLine = {
    lineNo,
    itemId: g.item.id,
    uom: level.uom,
    unitPrice: formatScaled(base),
    tierPrices,
    ...(rng.chance(0.05) ? { effectiveFrom: addDays(from, rng.int(60, 300)) } : {}),
    ...(rng.chance(0.03) ? { expiresOn: addDays(to, -rng.int(30, 300)) } : {}),
  };
  return line;
}

function eligibility(rng: Rng, facilities: readonly Facility[], from: string, to: string): Eligibility[] {
  const n = facilities.length;
  const chosen = rng.sample(facilities, rng.int(Math.ceil(n / 2), n));
  return chosen
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((f) => {
      const usual = f.type === "hospital" ? 1 : f.type === "clinic" ? 3 : 2;
      return {
        facilityId: f.id,
        tier: rng.chance(0.8) ? usual : rng.int(1, 3),
        from: rng.chance(0.85) ? from : addDays(from, rng.int(30, 180)),
        ...(rng.chance(0.05) ? { to: addDays(to, -rng.int(30, 200)) } : {}),
      };
    });
}

function rebates(rng: Rng): Rebate[] {
  const kinds = rng.sample(["volume", "admin-fee", "growth"] as const, rng.int(0, 2));
  return kinds.map(
    (kind): Rebate => ({
      kind,
      percent: kind === "admin-fee" ? rng.pick(["1", "1.5", "2", "3"]) : rng.pick(["0.75", "1.25", "2", "2.5", "4"]),
      ...(kind === "admin-fee" ? {} : { thresholdSpend: formatScaled(rng.int(5, 200) * 10_000 * 10_000) }),
      period: kind === "admin-fee" || rng.chance(0.5) ? "quarterly" : "annual",
    }),
  );
}
