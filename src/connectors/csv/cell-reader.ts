import {
  checkGtin,
  isIsoDate,
  isValidGln,
  isValidUnspsc,
  UnknownUomCodeError,
  UOMS,
  type Uom,
  uomFromCode,
} from "../../model/index.js";
import type { CsvIssue } from "./csv-kind.js";
import type { CsvRow } from "./csv-row.js";

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/;
const NON_NEGATIVE_DECIMAL_RE = /^(0|[1-9]\d{0,13})(\.\d{1,4})?$/;
const UOM_SET: ReadonlySet<string> = new Set(UOMS);
const MAX_SHOWN = 200;

export interface CellOptions {
  readonly required: boolean;
}

/**
 * Reads typed values out of one row and collects every problem with its column, so one pass over
 * a row reports all its bad cells rather than the first. Each method returns undefined for an
 * empty optional cell or a bad cell (the issue is recorded).
 */
export class CellReader {
  readonly issues: CsvIssue[] = [];

  constructor(readonly row: CsvRow) {}

  issue(column: string, rule: string, message: string, value = column ? this.row.cell(column) : ""): void {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN - 3)}...` : value;
    this.issues.push({ line: this.row.line, column, rule, message, value: shown });
  }

  text(column: string, o: CellOptions & { readonly max: number; readonly min?: number }): string | undefined {
    const v = this.present(column, o);
    if (v === undefined) return undefined;
    if (v.length > o.max) {
      this.issue(column, "csv.too-long", `${column} is ${v.length} characters long; at most ${o.max} are allowed`);
      return undefined;
    }
    if (o.min !== undefined && v.length < o.min) {
      this.issue(column, "csv.too-short", `${column} must be at least ${o.min} characters long`);
      return undefined;
    }
    return v;
  }

  id(column: string, o: CellOptions): string | undefined {
    const v = this.present(column, o);
    if (v === undefined) return undefined;
    if (v.length > 64 || !ID_RE.test(v)) {
      this.issue(
        column,
        "csv.id",
        `${column} must be 1-64 letters, digits or . _ : / - starting with a letter or digit (no spaces)`,
      );
      return undefined;
    }
    return v;
  }

  integer(column: string, o: CellOptions & { readonly min: number; readonly max: number }): number | undefined {
    const v = this.present(column, o);
    if (v === undefined) return undefined;
    const n = /^\d{1,9}$/.test(v) ? Number(v) : Number.NaN;
    if (!Number.isInteger(n) || n < o.min || n > o.max) {
      this.issue(column, "csv.integer", `${column} must be a whole number from ${o.min} to ${o.max}`);
      return undefined;
    }
    return n;
  }

  /** Money stays a string: "12.50" must leave Concord as "12.50", never as a float. */
  price(column: string, o: CellOptions): string | undefined {
    const v = this.present(column, o);
    if (v === undefined) return undefined;
    if (NON_NEGATIVE_DECIMAL_RE.test(v)) return v;
    this.issue(column, "csv.decimal", `${column} ${decimalHint(v)}`);
    return undefined;
  }

  date(column: string, o: CellOptions): string | undefined {
    const v = this.present(column, o);
    if (v === undefined) return undefined;
    if (isCalendarDate(v)) return v;
    const hint = /^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(v) ? " (month/day order is ambiguous, so it is not guessed)" : "";
    this.issue(column, "csv.date", `${column} must be a calendar date YYYY-MM-DD${hint}`);
    return undefined;
  }

  uom(column: string, o: CellOptions): Uom | undefined {
    const v = this.present(column, o);
    if (v === undefined) return undefined;
    const word = v.toLowerCase();
    if (UOM_SET.has(word)) return word as Uom;
    this.issue(column, "csv.uom", `${column} ${uomHint(v)}`);
    return undefined;
  }

  /** A GTIN-8/12/13/14 with a correct check digit, returned as the 14 digits the model stores. */
  gtin(column: string, o: CellOptions): string | undefined {
    const v = this.present(column, o);
    if (v === undefined) return undefined;
    return this.gtinValue(column, v, v);
  }

  gtinValue(column: string, v: string, shown: string): string | undefined {
    if (!/^(\d{8}|\d{12,14})$/.test(v)) {
      this.issue(column, "csv.gtin", `${column} GTIN "${v}" must be 8, 12, 13 or 14 digits`, shown);
      return undefined;
    }
    const check = checkGtin(v);
    // A master-data file defines the item: a wrong check digit is a typo to fix, not a partner quirk to tolerate.
    if (!check.checkDigitValid) {
      this.issue(
        column,
        "csv.gtin-check-digit",
        `${column} GTIN "${v}" has a wrong check digit: expected ${check.expectedCheckDigit} as the last digit`,
        shown,
      );
      return undefined;
    }
    return check.normalized;
  }

  gln(column: string, o: CellOptions): string | undefined {
    const v = this.present(column, o);
    if (v === undefined) return undefined;
    if (isValidGln(v)) return v;
    const why = /^\d{13}$/.test(v) ? "has a wrong GS1 check digit" : "must be 13 digits";
    this.issue(column, "csv.gln", `${column} GLN "${v}" ${why}`);
    return undefined;
  }

  unspsc(column: string, o: CellOptions): string | undefined {
    const v = this.present(column, o);
    if (v === undefined) return undefined;
    if (isValidUnspsc(v)) return v;
    this.issue(column, "csv.unspsc", `${column} must be an 8-digit UNSPSC code (segment 10-99)`);
    return undefined;
  }

  matching(column: string, o: CellOptions & { readonly pattern: RegExp; readonly hint: string }): string | undefined {
    const v = this.present(column, o);
    if (v === undefined) return undefined;
    if (o.pattern.test(v)) return v;
    this.issue(column, "csv.format", `${column} must be ${o.hint}`);
    return undefined;
  }

  oneOf<T extends string>(column: string, values: readonly T[], o: CellOptions): T | undefined {
    const v = this.present(column, o);
    if (v === undefined) return undefined;
    if ((values as readonly string[]).includes(v)) return v as T;
    this.issue(column, "csv.one-of", `${column} must be one of ${values.join(", ")}`);
    return undefined;
  }

  private present(column: string, o: CellOptions): string | undefined {
    const v = this.row.cell(column);
    if (v !== "") return v;
    if (o.required) this.issue(column, "csv.required", `${column} is required but empty`);
    return undefined;
  }
}

/**
 * Every row of a price file repeats the contract's dates, so the few distinct values are
 * remembered; the cap keeps a file of a million different dates from growing the cache.
 */
const dateCache = new Map<string, boolean>();
function isCalendarDate(v: string): boolean {
  let ok = dateCache.get(v);
  if (ok === undefined) {
    ok = isIsoDate(v);
    if (dateCache.size >= 1024) dateCache.clear();
    dateCache.set(v, ok);
  }
  return ok;
}

/** Say what is wrong with a price in the words of someone who typed it into a spreadsheet. */
export function decimalHint(v: string): string {
  if (/^-/.test(v)) return "must not be negative";
  if (/[$€£]/.test(v)) return "must be a plain number without a currency sign (the currency has its own column)";
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(v)) return "must not contain thousands separators (write 1234.50)";
  if (/^\d+,\d+$/.test(v)) return "must use a dot as the decimal separator (write 12.50, not 12,50)";
  if (/^\d+\.\d{5,}$/.test(v))
    return "has more than 4 decimals; prices carry at most 4 and are never rounded on import";
  if (/[eE]/.test(v) && !Number.isNaN(Number(v)))
    return "must not be in scientific notation (the spreadsheet reformatted it)";
  if (/^0\d/.test(v)) return "must not have leading zeros";
  return "must be a decimal number with up to 14 integer digits and 4 decimals, e.g. 12.3456";
}

/** A two-letter code is a trap: X12 `CA` is a case, cXML `CA` a can. Name the word instead of guessing. */
export function uomHint(v: string): string {
  const meanings = new Set<Uom>();
  for (const standard of ["x12", "cxml"] as const) {
    try {
      meanings.add(uomFromCode(standard, v));
    } catch (e) {
      if (!(e instanceof UnknownUomCodeError)) throw e;
    }
  }
  const words = `one of the unit words ${UOMS.join(", ")}`;
  if (meanings.size > 1) {
    return `"${v}" is a code that means ${[...meanings].join(" or ")} depending on the standard; write ${words}`;
  }
  if (meanings.size === 1) return `"${v}" is a code, not a unit word; write "${[...meanings][0]}" (${words})`;
  return `"${v}" is not a known unit of measure; write ${words}`;
}
