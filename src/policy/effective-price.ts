import {
  addDays,
  type Contract,
  dateInWindow,
  type Eligibility,
  type Item,
  isIsoDate,
  type PriceLine,
  type Uom,
} from "../model/index.js";
import { pickLowestPrice } from "./pick-lowest-price.js";

/** A contract version whose propagation gate passed: only released versions may price an order. */
export interface ReleasedVersion {
  readonly contract: Contract;
}

export interface PriceQuery {
  readonly itemId: string;
  readonly facilityId: string;
  /** The pricing date (YYYY-MM-DD) chosen per the contract's pricingDateBasis by the caller. */
  readonly on: string;
  readonly uom?: Uom;
}

export interface PriceAnswer {
  readonly contractId: string;
  readonly contractNumber: string;
  /** The version whose line supplied the price (lower than the newest when an amendment is future-dated). */
  readonly version: number;
  readonly lineNo: number;
  readonly itemId: string;
  readonly facilityId: string;
  readonly uom: Uom;
  /** Decimal string, per `uom`. */
  readonly unitPrice: string;
  readonly currency: string;
  /** The tier whose price applied; null = the line's base unitPrice. */
  readonly tier: number | null;
  /** The days (inclusive) on which this contract gives this answer; see contractCandidates. */
  readonly validFrom: string;
  readonly validTo: string;
  readonly on: string;
}

/**
 * The price a facility pays for an item on a date, across every released contract version.
 * Pure: the caller loads versions (and items, to compare prices quoted in different units).
 * Among contracts the lowest price per base unit wins; see pick-lowest-price.ts for ties.
 */
export function resolveEffectivePrice(
  versions: readonly Contract[],
  q: PriceQuery,
  items?: ReadonlyMap<string, Item>,
): PriceAnswer | undefined {
  if (!isIsoDate(q.on)) throw new Error(`invalid pricing date ${JSON.stringify(q.on)}: expected YYYY-MM-DD`);
  const candidates: PriceAnswer[] = [];
  for (const history of groupByContract(versions).values()) {
    candidates.push(...contractCandidates(history, q));
  }
  return pickLowestPrice(candidates, items?.get(q.itemId));
}

/** Versions per contract id, newest first; a repeated (id, version) keeps its first occurrence. */
function groupByContract(versions: readonly Contract[]): Map<string, Contract[]> {
  const groups = new Map<string, Contract[]>();
  for (const v of versions) {
    const group = groups.get(v.id) ?? [];
    if (!group.some((g) => g.version === v.version)) group.push(v);
    groups.set(v.id, group);
  }
  for (const group of groups.values()) group.sort((a, b) => b.version - a.version);
  return groups;
}

/**
 * One contract's answers (one per uom the item is priced in, or just `q.uom`).
 *
 * The newest version that has started on `on` is the contract's current snapshot: its dates say
 * whether the contract is live (an amendment that ended the contract early is not undone by an
 * older version) and its roster says whether the facility is eligible and at which tier. Versions
 * that start after `on` (renewals) are ignored until their day comes. Only the *price* may come from
 * an older version, when the current one schedules the new price for a later date.
 */
function contractCandidates(newestFirst: readonly Contract[], q: PriceQuery): PriceAnswer[] {
  const startedAt = newestFirst.findIndex((v) => v.effectiveFrom <= q.on);
  const current = newestFirst[startedAt];
  if (!current || current.expiresOn < q.on) return [];
  const eligibility = eligibilityOn(current, q.facilityId, q.on);
  if (!eligibility) return [];

  // The answer changes when a not-yet-started version or the eligibility record takes over.
  let horizon = minDate(current.expiresOn, eligibility.to);
  for (const future of newestFirst.slice(0, startedAt)) horizon = minDate(horizon, addDays(future.effectiveFrom, -1));
  const floor = maxDate(current.effectiveFrom, eligibility.from);

  const uoms = q.uom
    ? [q.uom]
    : [...new Set(current.priceLines.filter((l) => l.itemId === q.itemId).map((l) => l.uom))];
  const answers: PriceAnswer[] = [];
  for (const uom of uoms) {
    const found = lineOn(newestFirst.slice(startedAt), q.itemId, uom, q.on);
    if (!found) continue;
    const { version, line, cutoff } = found;
    const tierPrice = line.tierPrices.find((t) => t.tier === eligibility.tier);
    answers.push({
      contractId: version.id,
      contractNumber: version.number,
      version: version.version,
      lineNo: line.lineNo,
      itemId: line.itemId,
      facilityId: q.facilityId,
      uom: line.uom,
      unitPrice: tierPrice?.unitPrice ?? line.unitPrice,
      currency: version.currency,
      tier: tierPrice ? tierPrice.tier : null,
      validFrom: maxDate(floor, maxDate(version.effectiveFrom, line.effectiveFrom)),
      validTo: minDate(minDate(horizon, cutoff), minDate(version.expiresOn, line.expiresOn)),
      on: q.on,
    });
  }
  return answers;
}

interface FoundLine {
  readonly version: Contract;
  readonly line: PriceLine;
  /** Last day before a newer version's future-dated price for this line takes over. */
  readonly cutoff: string | undefined;
}

/** Walks started versions newest first, falling back only past future-dated prices. */
function lineOn(started: readonly Contract[], itemId: string, uom: Uom, on: string): FoundLine | undefined {
  let cutoff: string | undefined;
  for (const version of started) {
    if (!dateInWindow(on, version.effectiveFrom, version.expiresOn)) continue;
    const line = version.priceLines.find((l) => l.itemId === itemId && l.uom === uom);
    // Not on this version: the item was dropped (or never added), so there is no price.
    if (!line) return undefined;
    const from = line.effectiveFrom ?? version.effectiveFrom;
    const to = line.expiresOn ?? version.expiresOn;
    if (dateInWindow(on, from, to)) return { version, line, cutoff };
    // The line's price ended before `on`: the contract no longer prices the item.
    if (from <= on) return undefined;
    // A future-dated price: the previous version's price stays until the new one starts.
    cutoff = minDate(cutoff, addDays(from, -1));
  }
  return undefined;
}

/**
 * The facility's roster entry covering `on`. Rules forbid overlaps, but if a roster slipped
 * through with two, the later-starting record wins: a future-dated tier record supersedes the
 * current one when its date arrives (DOMAIN.md §5.2).
 */
function eligibilityOn(c: Contract, facilityId: string, on: string): Eligibility | undefined {
  let best: Eligibility | undefined;
  for (const e of c.eligibility) {
    if (e.facilityId !== facilityId || !dateInWindow(on, e.from, e.to)) continue;
    if (!best || e.from > best.from) best = e;
  }
  return best;
}

function minDate(a: string, b: string | undefined): string;
function minDate(a: string | undefined, b: string | undefined): string | undefined;
function minDate(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}

function maxDate(a: string, b: string | undefined): string {
  return b !== undefined && b > a ? b : a;
}
