import { Errors } from "../../errors/index.js";
import type { Issue } from "../../model/index.js";
import type { CsvIssue, CsvKind } from "./csv-kind.js";

/** A column of a layout: the header name, whether the header must have it, and how the docs show it. */
export interface CsvColumn {
  readonly name: string;
  /** Must appear in the header and be non-empty in every row. Optional columns may be left out or empty. */
  readonly required: boolean;
  readonly description: string;
  readonly example: string;
}

/** Result of reading one row: a value, or every problem found in the row. */
export type RowResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: CsvIssue[] };

export function columnNames(columns: readonly CsvColumn[]): string[] {
  return columns.map((c) => c.name);
}

/**
 * Matches the header row against a layout. Columns are found by name so their order is free;
 * an unknown name is refused rather than ignored, because a misspelt optional column
 * ("tier1_price") would otherwise silently import every row without its value.
 */
export function indexHeader(
  kind: CsvKind,
  columns: readonly CsvColumn[],
  header: readonly string[],
): Map<string, number> {
  const known = new Set(columns.map((c) => c.name));
  const index = new Map<string, number>();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  header.forEach((raw, i) => {
    const name = raw.trim();
    if (!known.has(name)) unknown.push(name === "" ? `(empty, column ${i + 1})` : name);
    else if (index.has(name)) duplicate.push(name);
    else index.set(name, i);
  });
  const missing = columns.filter((c) => c.required && !index.has(c.name)).map((c) => c.name);
  if (unknown.length + duplicate.length + missing.length > 0) {
    const parts = [
      unknown.length > 0 ? `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}` : "",
      duplicate.length > 0 ? `repeated column${duplicate.length > 1 ? "s" : ""} ${duplicate.join(", ")}` : "",
      missing.length > 0 ? `missing required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}` : "",
    ].filter((p) => p !== "");
    throw Errors.CsvHeader(`${kind} file, line 1 (header): ${parts.join("; ")}`, {
      kind,
      line: 1,
      unknown,
      missing,
      duplicate,
    });
  }
  return index;
}

/**
 * Schema or business-rule issues on the canonical value, pointed back at the cell that caused
 * them. `locate` maps a JSON pointer to a line and column; paths it does not know land on the row.
 */
export function issuesFromModel(
  issues: readonly Issue[],
  locate: (path: string) => { line: number; column: string; value: string },
): CsvIssue[] {
  return issues.map((i) => {
    const at = locate(i.path);
    return { line: at.line, column: at.column, rule: i.rule, message: i.message, value: at.value };
  });
}
