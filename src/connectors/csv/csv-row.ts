/**
 * One data row of a file, cells looked up by header name. Cells are trimmed: spreadsheets pad
 * cells with spaces that are never part of an id, a price or a date.
 */
export class CsvRow {
  constructor(
    /** First physical line of the row (a quoted field may span several). */
    readonly line: number,
    readonly endLine: number,
    private readonly indexByColumn: ReadonlyMap<string, number>,
    private readonly cells: readonly string[],
  ) {}

  /** The trimmed cell, or "" when the column is not in the file or the cell is empty. */
  cell(column: string): string {
    const index = this.indexByColumn.get(column);
    return index === undefined ? "" : (this.cells[index] ?? "").trim();
  }
}
