import { once } from "node:events";
import { finished } from "node:stream/promises";
import { stringify } from "csv-stringify";
import type { CsvIssue } from "./csv-kind.js";

export const REPORT_COLUMNS = ["line", "column", "rule", "message", "value"] as const;

/**
 * The per-row error report: a CSV file with one line per problem (line, column, rule, message,
 * raw value), written while the import streams so a crash midway still leaves what was found.
 */
export interface CsvErrorReport {
  add(issues: readonly CsvIssue[]): Promise<void>;
  /** Problems written so far. */
  readonly count: number;
  /** Ends the report and waits until `output` has flushed it. */
  close(): Promise<void>;
}

/** @example const report = createCsvErrorReport(createWriteStream("prices.errors.csv")) */
export function createCsvErrorReport(output: NodeJS.WritableStream): CsvErrorReport {
  const stringifier = stringify({ header: true, columns: [...REPORT_COLUMNS], record_delimiter: "unix" });
  stringifier.pipe(output);
  let count = 0;
  return {
    get count() {
      return count;
    },
    async add(issues) {
      for (const i of issues) {
        count++;
        // Respect back-pressure: a million bad rows must not pile up in memory ahead of the disk.
        if (!stringifier.write([String(i.line), i.column, i.rule, i.message, i.value])) {
          await once(stringifier, "drain");
        }
      }
    },
    async close() {
      stringifier.end();
      await finished(output as NodeJS.WritableStream & NodeJS.EventEmitter);
    },
  };
}
