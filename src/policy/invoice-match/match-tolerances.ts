import { Errors } from "../../errors/index.js";
import { compareDecimal, type Item, isDecimal } from "../../model/index.js";

type ClinicalCategory = Item["clinicalCategory"];
const CATEGORIES: readonly ClinicalCategory[] = ["med-surg", "implant", "pharmacy", "lab", "non-clinical"];

/** Tolerances and match rules, compiled: every field present and valid. Percentages and amounts are decimal strings. */
export interface MatchTolerances {
  /** Invoice unit price over the contract price, in percent, on items with an active contract price. */
  readonly contractPriceOverPercent: string;
  /** Invoice unit price over the PO price, in percent, on items without a contract price. */
  readonly priceOverPercent: string;
  /** Invoice unit price under the PO price, in percent (under-billing often means a wrong unit). */
  readonly priceUnderPercent: string;
  /** Largest price variance per line, in currency units, whatever the percentage allows. */
  readonly priceCapPerLine: string;
  /** Invoiced quantity over the quantity still open (received, or ordered on two-way lines), in percent. */
  readonly quantityOverPercent: string;
  /** Stated line amount vs quantity × unit price: 4-decimal prices times quantities round differently. */
  readonly lineAmountRounding: string;
  /** Stated invoice total vs the recomputed total: the smaller of this amount and `invoiceTotalPercent`. */
  readonly invoiceTotalAmount: string;
  readonly invoiceTotalPercent: string;
  /** Same supplier, same total, invoice dates at most this many days apart → possible duplicate. */
  readonly duplicateWindowDays: number;
  /** Item categories matched two-way (invoice vs PO, no receipt): bill-only implants are used before they are ordered. */
  readonly twoWayCategories: readonly ClinicalCategory[];
}

export type MatchTolerancesInput = { readonly [K in keyof MatchTolerances]?: MatchTolerances[K] };

/** DOMAIN.md §5.1 defaults: 0% over contract, ±2% capped at $50 per line otherwise, no quantity over receipt. */
export const DEFAULT_MATCH_TOLERANCES: MatchTolerances = Object.freeze({
  contractPriceOverPercent: "0",
  priceOverPercent: "2",
  priceUnderPercent: "2",
  priceCapPerLine: "50.00",
  quantityOverPercent: "0",
  lineAmountRounding: "0.01",
  invoiceTotalAmount: "1.00",
  invoiceTotalPercent: "0.5",
  duplicateWindowDays: 3,
  twoWayCategories: Object.freeze(["implant"]) as readonly ClinicalCategory[],
});

const PERCENTS = [
  "contractPriceOverPercent",
  "priceOverPercent",
  "priceUnderPercent",
  "quantityOverPercent",
  "invoiceTotalPercent",
] as const;
const AMOUNTS = ["priceCapPerLine", "lineAmountRounding", "invoiceTotalAmount"] as const;

/**
 * Validates once and fills defaults; the result has no optional fields.
 * @example compileMatchTolerances({ priceOverPercent: "1.5" }).priceCapPerLine // "50.00"
 */
export function compileMatchTolerances(input: MatchTolerancesInput = {}): MatchTolerances {
  const fail = (option: string, msg: string): never => {
    throw Errors.ConfigInvalid(`match tolerance ${option} ${msg}`, { option });
  };
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(DEFAULT_MATCH_TOLERANCES, key)) {
      throw Errors.ConfigInvalid(`unknown match tolerance "${key}"`, { option: key });
    }
  }
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const t: MatchTolerances = { ...DEFAULT_MATCH_TOLERANCES, ...defined };
  for (const key of [...PERCENTS, ...AMOUNTS]) {
    const v: unknown = t[key];
    if (!isDecimal(v) || v.startsWith("-"))
      fail(key, `must be a non-negative decimal string, got ${JSON.stringify(v)}`);
  }
  for (const key of PERCENTS) {
    if (compareDecimal(t[key], "100") > 0) fail(key, `must be at most 100, got "${t[key]}"`);
  }
  if (!Number.isInteger(t.duplicateWindowDays) || t.duplicateWindowDays < 0 || t.duplicateWindowDays > 365) {
    fail("duplicateWindowDays", `must be a whole number of days from 0 to 365, got ${String(t.duplicateWindowDays)}`);
  }
  if (!Array.isArray(t.twoWayCategories)) fail("twoWayCategories", "must be an array of clinical categories");
  for (const c of t.twoWayCategories) {
    if (!CATEGORIES.includes(c)) fail("twoWayCategories", `has unknown category ${JSON.stringify(c)}`);
  }
  return Object.freeze({ ...t, twoWayCategories: Object.freeze([...new Set(t.twoWayCategories)]) });
}
