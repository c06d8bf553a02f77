import { pipeline, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import type { Contract, Item, Supplier } from "../../model/index.js";
import { contractToRows } from "./contract-price-layout.js";
import { CSV_COLUMNS } from "./csv-columns.js";
import type { CsvKind, CsvRecordTypes } from "./csv-kind.js";
import { columnNames } from "./csv-layout.js";
import { itemToRow } from "./item-layout.js";
import { supplierToRow } from "./supplier-layout.js";

type Records<K extends CsvKind> = AsyncIterable<CsvRecordTypes[K]> | Iterable<CsvRecordTypes[K]>;

/**
 * Streams canonical records out as a CSV file in the layout `readCsv` reads (every column, in the
 * documented order, header first; contracts as one row per price line). Pulls records only as
 * fast as the consumer reads, so exporting a large table holds a handful of rows at a time.
 *
 * @example writeCsv("item", store.streamItems()).pipe(createWriteStream("items.csv"))
 */
export function writeCsv<K extends CsvKind>(kind: K, records: Records<K>): Readable {
  const toRows = rowMaker(kind);
  async function* rows(): AsyncGenerator<Record<string, string>> {
    for await (const record of records as AsyncIterable<CsvRecordTypes[K]>) {
      if (record.kind !== expectedKind(kind)) {
        throw new Error(`writeCsv(${kind}): got a ${String(record.kind)} record`);
      }
      yield* toRows(record);
    }
  }
  const stringifier = stringify({
    header: true,
    columns: columnNames(CSV_COLUMNS[kind]),
    record_delimiter: "unix",
  });
  // pipeline forwards a failing source (a store cursor that died) as an error on the stringifier.
  pipeline(Readable.from(rows()), stringifier, () => {});
  return stringifier;
}

function expectedKind(kind: CsvKind): string {
  return kind === "contract-price" ? "contract" : kind;
}

function rowMaker(kind: CsvKind): (record: Supplier | Item | Contract) => Iterable<Record<string, string>> {
  switch (kind) {
    case "supplier":
      return (r) => [supplierToRow(r as Supplier)];
    case "item":
      return (r) => [itemToRow(r as Item)];
    case "contract-price":
      return (r) => contractToRows(r as Contract);
    default:
      throw new Error(`unknown CSV kind ${JSON.stringify(kind)}`);
  }
}
