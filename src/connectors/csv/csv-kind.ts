import type { Contract, Item, Supplier } from "../../model/index.js";

/** The three kinds of batch file: master data one record per row, contract prices one price line per row. */
export type CsvKind = "supplier" | "item" | "contract-price";

export const CSV_KINDS: readonly CsvKind[] = ["supplier", "item", "contract-price"];

/** What one import yields per kind: a contract-price file yields whole contract versions. */
export interface CsvRecordTypes {
  supplier: Supplier;
  item: Item;
  "contract-price": Contract;
}

/**
 * One problem in one cell (or row) of a file. `line` is the physical line in the file where the
 * row starts (1 is the header), so a quoted field spanning lines does not shift later rows;
 * `column` is the header name, "" when the problem is the row as a whole.
 */
export interface CsvIssue {
  readonly line: number;
  readonly column: string;
  readonly rule: string;
  readonly message: string;
  /** The cell as written (cut at 200 characters), "" when there is none. */
  readonly value: string;
}

/** A record read, or the reasons a row (or a contract's rows, `line`..`endLine`) was not. */
export type CsvReadResult<K extends CsvKind = CsvKind> =
  | { readonly line: number; readonly endLine: number; readonly record: CsvRecordTypes[K] }
  | { readonly line: number; readonly endLine: number; readonly issues: readonly CsvIssue[] };

export function isCsvKind(value: unknown): value is CsvKind {
  return typeof value === "string" && (CSV_KINDS as readonly string[]).includes(value);
}
