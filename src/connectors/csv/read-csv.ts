import type { Item, Supplier } from "../../model/index.js";
import { ContractGrouper } from "./contract-grouper.js";
import { CONTRACT_PRICE_COLUMNS, type ContractPriceRow, readContractPriceRow } from "./contract-price-layout.js";
import type { CsvKind, CsvReadResult } from "./csv-kind.js";
import type { CsvColumn, RowResult } from "./csv-layout.js";
import type { CsvRow } from "./csv-row.js";
import { type CsvInput, type CsvRowsOptions, readCsvRows } from "./csv-rows.js";
import { ITEM_COLUMNS, readItemRow } from "./item-layout.js";
import { readSupplierRow, SUPPLIER_COLUMNS } from "./supplier-layout.js";

export type ReadCsvOptions = CsvRowsOptions;

/**
 * Streams a CSV file as canonical records and per-row problems, in file order, holding one row
 * (or, for contract prices, one contract version) at a time. Throws CONCORD_ERR_CSV_HEADER before
 * yielding anything when the header row is wrong; a bad row never stops the reading.
 *
 * @example
 * for await (const r of readCsv("supplier", createReadStream("suppliers.csv"))) {
 *   if ("record" in r) await upsert(r.record); else await report.add(r.issues);
 * }
 */
export function readCsv<K extends CsvKind>(
  kind: K,
  input: CsvInput,
  options?: ReadCsvOptions,
): AsyncIterable<CsvReadResult<K>> {
  switch (kind) {
    case "supplier":
      return readPerRow(kind, SUPPLIER_COLUMNS, readSupplierRow, input, options) as AsyncIterable<CsvReadResult<K>>;
    case "item":
      return readPerRow(kind, ITEM_COLUMNS, readItemRow, input, options) as AsyncIterable<CsvReadResult<K>>;
    case "contract-price":
      return readContractPrices(input, options) as AsyncIterable<CsvReadResult<K>>;
    default:
      throw new Error(`unknown CSV kind ${JSON.stringify(kind)}`);
  }
}

async function* readPerRow<T extends Supplier | Item>(
  kind: CsvKind,
  columns: readonly CsvColumn[],
  readRow: (row: CsvRow) => RowResult<T>,
  input: CsvInput,
  options: ReadCsvOptions | undefined,
): AsyncGenerator<CsvReadResult> {
  for await (const row of readCsvRows(kind, columns, input, options)) {
    if ("issues" in row) {
      yield row;
      continue;
    }
    const result = readRow(row);
    yield result.ok
      ? { line: row.line, endLine: row.endLine, record: result.value }
      : { line: row.line, endLine: row.endLine, issues: result.issues };
  }
}

async function* readContractPrices(
  input: CsvInput,
  options: ReadCsvOptions | undefined,
): AsyncGenerator<CsvReadResult<"contract-price">> {
  const grouper = new ContractGrouper();
  let previous: ContractPriceRow | undefined;
  for await (const row of readCsvRows("contract-price", CONTRACT_PRICE_COLUMNS, input, options)) {
    if ("issues" in row) {
      grouper.orphan(row.line);
      previous = undefined;
      yield row;
      continue;
    }
    previous = readContractPriceRow(row, previous);
    const results = grouper.add(previous);
    // Most rows close nothing: skip the delegation rather than pay for it a million times.
    if (results.length > 0) yield* results;
  }
  yield* grouper.finish();
}
