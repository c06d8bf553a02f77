import { pipeline, Readable, type Transform } from "node:stream";
import { type CsvError, parse } from "csv-parse";
import { Errors } from "../../errors/index.js";
import type { CsvIssue, CsvKind } from "./csv-kind.js";
import { type CsvColumn, indexHeader } from "./csv-layout.js";
import { CsvRow } from "./csv-row.js";
import { findBadQuote } from "./quote-check.js";

/** Input to the readers: a Node stream (fs.createReadStream) or any async iterable of chunks. */
export type CsvInput = NodeJS.ReadableStream | AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

export interface CsvProgress {
  /** Bytes of the file handed to the parser so far (the BOM included); the file size at the end. */
  readonly bytes: number;
  /** Data rows read so far, good or bad. */
  readonly rows: number;
}

export interface CsvRowsOptions {
  /** Called after every row; keep it cheap (ProgressBar.update only renders a few times a second). */
  readonly onProgress?: (progress: CsvProgress) => void;
  /**
   * A row longer than this is reported and skipped. It bounds memory when a stray opening quote
   * turns the rest of a file into one field. 1 MiB by default.
   */
  readonly maxRowBytes?: number;
}

/** A row the parser could not turn into cells: its lines and why. */
export interface UnreadableRow {
  readonly line: number;
  readonly endLine: number;
  readonly issues: readonly CsvIssue[];
}

/**
 * Streams the data rows of a CSV file with their physical line numbers, after checking the
 * header against `columns` (throws CONCORD_ERR_CSV_HEADER). Rows with bad quoting or the wrong
 * number of cells come out as UnreadableRow; reading goes on after them.
 */
export async function* readCsvRows(
  kind: CsvKind,
  columns: readonly CsvColumn[],
  input: CsvInput,
  options: CsvRowsOptions = {},
): AsyncGenerator<CsvRow | UnreadableRow> {
  let lastEndLine = 0;
  const parser: Transform = parse({
    bom: true,
    // No `info`: csv-parse builds an info object per record, a third of the parse time on a large
    // file. Lines are counted here from the raw text instead, bytes from the chunks fed in.
    raw: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: options.maxRowBytes ?? 1024 * 1024,
    // The parser runs ahead of this loop (it parses a whole chunk at once), so a skip is pushed
    // into the record stream itself to come out in file order, after the rows before it.
    on_skip: (err: CsvError | undefined) => {
      parser.push({ skipped: err ?? null });
      return undefined;
    },
  });
  let bytes = 0;
  async function* counted(): AsyncGenerator<string | Uint8Array> {
    for await (const chunk of input as AsyncIterable<string | Uint8Array>) {
      bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
      yield chunk;
    }
  }
  const source = Readable.from(counted(), { objectMode: false });
  // pipeline destroys the parser with the source's error, so the loop below throws it; breaking
  // out of the loop destroys the parser, which closes the source (the file handle).
  pipeline(source, parser, () => {});

  let header: Map<string, number> | undefined;
  let width = 0;
  let rows = 0;
  for await (const item of parser as AsyncIterable<ParsedRecord | SkippedRecord>) {
    if ("skipped" in item) {
      const line = lastEndLine + 1;
      const endLine = Math.max(line, Number(item.skipped?.lines ?? line));
      lastEndLine = endLine;
      yield { line, endLine, issues: [skipIssue(line, item.skipped)] };
      // csv-parse does not find its place again after an oversized row: it silently drops the
      // rest of the file. Stopping here, and saying so, is the honest alternative.
      if (item.skipped?.code === "CSV_MAX_RECORD_SIZE") return;
      continue;
    }
    const { record, raw } = item;
    const line = lastEndLine + 1;
    const endLine = line + countNewlines(raw) - (/[\r\n]$/.test(raw) ? 1 : 0);
    lastEndLine = endLine;
    if (header === undefined) {
      header = indexHeader(kind, columns, record);
      width = record.length;
      continue;
    }
    rows++;
    options.onProgress?.({ bytes, rows });
    const badField = findBadQuote(raw);
    if (badField >= 0) {
      const column = nameAt(header, badField) ?? "";
      yield {
        line,
        endLine,
        issues: [
          {
            line,
            column,
            rule: "csv.quote",
            message: `bad quoting in field ${badField + 1}${column ? ` (${column})` : ""}${endLine > line ? `, lines ${line}-${endLine}` : ""}: a quoted field must start and end with " and write a quote inside it as ""`,
            value: cut(raw.trimEnd()),
          },
        ],
      };
      continue;
    }
    // Before the cell count: a row of empty cells (",,,,") is spreadsheet residue, not an error.
    if (record.every((c) => c.trim() === "")) continue;
    if (record.length !== width) {
      yield {
        line,
        endLine,
        issues: [
          {
            line,
            column: "",
            rule: "csv.column-count",
            message: `the row has ${record.length} cells but the header has ${width}; a value with a comma must be quoted`,
            value: cut(raw.trimEnd()),
          },
        ],
      };
      continue;
    }
    yield new CsvRow(line, endLine, header, record);
  }
  if (header === undefined) {
    throw Errors.CsvHeader(`${kind} file is empty: a header row naming the columns is required`, {
      kind,
      line: 1,
      unknown: [],
      missing: columns.filter((c) => c.required).map((c) => c.name),
      duplicate: [],
    });
  }
}

interface ParsedRecord {
  readonly record: string[];
  readonly raw: string;
}
interface SkippedRecord {
  readonly skipped: CsvError | null;
}

function skipIssue(line: number, err: CsvError | null): CsvIssue {
  const code = err?.code ?? "CSV_UNKNOWN";
  const message =
    code === "CSV_QUOTE_NOT_CLOSED"
      ? `a quoted field opened on or after line ${line} is never closed: everything from there to the end of the file was not read`
      : code === "CSV_MAX_RECORD_SIZE"
        ? `the row starting at line ${line} is longer than the maximum row size (a stray opening quote usually causes this); reading stopped there and the rest of the file was not read`
        : `the row starting at line ${line} could not be parsed: ${err?.message ?? code}`;
  const rule =
    code === "CSV_QUOTE_NOT_CLOSED" ? "csv.quote" : code === "CSV_MAX_RECORD_SIZE" ? "csv.row-too-long" : "csv.parse";
  return { line, column: "", rule, message, value: "" };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) n++;
  // A lone \r ends a line too (old Mac files); csv-parse counts it as one.
  if (n === 0) for (let i = s.indexOf("\r"); i !== -1; i = s.indexOf("\r", i + 1)) n++;
  return n;
}

function nameAt(header: ReadonlyMap<string, number>, index: number): string | undefined {
  for (const [name, i] of header) if (i === index) return name;
  return undefined;
}

function cut(s: string): string {
  return s.length > 200 ? `${s.slice(0, 197)}...` : s;
}
