import { type ConcordError, Errors } from "../../errors/index.js";
import type { CsvKind, CsvRecordTypes } from "./csv-kind.js";
import type { CsvInput, CsvProgress } from "./csv-rows.js";
import type { CsvErrorReport } from "./error-report.js";
import { readCsv } from "./read-csv.js";

export interface ImportCsvOptions<K extends CsvKind> {
  /** Receives each good record in file order; awaited, so a slow store slows the read, not the heap. */
  readonly onRecord: (record: CsvRecordTypes[K], at: { readonly line: number; readonly endLine: number }) => unknown;
  /** Where row problems go as they are found. */
  readonly report?: CsvErrorReport;
  readonly onProgress?: (progress: CsvProgress) => void;
}

export interface CsvImportSummary {
  readonly kind: CsvKind;
  /** Data rows read (the header not counted). */
  readonly rows: number;
  /** Records handed to onRecord (contract versions for a contract-price file). */
  readonly records: number;
  /** Rows with a problem of their own. */
  readonly rejectedRows: number;
  /** Records not imported: bad rows for suppliers and items, whole contract versions for prices. */
  readonly rejectedRecords: number;
  /** Lines written to the report. */
  readonly issues: number;
}

/** Reads a whole file into `onRecord` and the report, and says what happened. */
export async function importCsv<K extends CsvKind>(
  kind: K,
  input: CsvInput,
  options: ImportCsvOptions<K>,
): Promise<CsvImportSummary> {
  let rows = 0;
  let records = 0;
  let rejectedRows = 0;
  let rejectedRecords = 0;
  let issues = 0;
  const onProgress = (p: CsvProgress) => {
    rows = p.rows;
    options.onProgress?.(p);
  };
  for await (const result of readCsv(kind, input, { onProgress })) {
    if ("record" in result) {
      records++;
      await options.onRecord(result.record, { line: result.line, endLine: result.endLine });
      continue;
    }
    issues += result.issues.length;
    const contractLevel = result.issues.some((i) => i.rule === "csv.contract-rejected");
    if (contractLevel) rejectedRecords++;
    else {
      rejectedRows++;
      if (kind !== "contract-price") rejectedRecords++;
    }
    await options.report?.add(result.issues);
  }
  return { kind, rows, records, rejectedRows, rejectedRecords, issues };
}

/** CONCORD_ERR_CSV_ROW for a caller that must fail when any row was rejected (undefined when none was). */
export function csvRowsRejected(summary: CsvImportSummary): ConcordError | undefined {
  if (summary.rejectedRows === 0 && summary.rejectedRecords === 0) return undefined;
  return Errors.CsvRow(
    `${summary.kind} file: ${summary.rejectedRows} of ${summary.rows} rows rejected, ${summary.rejectedRecords} records not imported; see the report`,
    { ...summary },
  );
}
