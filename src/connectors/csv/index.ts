export * from "./csv-columns.js";
export * from "./csv-kind.js";
export type { CsvColumn } from "./csv-layout.js";
export type { CsvInput, CsvProgress } from "./csv-rows.js";
export * from "./error-report.js";
export * from "./import-csv.js";
export * from "./progress.js";
export * from "./read-csv.js";
export * from "./write-csv.js";
