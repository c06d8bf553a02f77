import { CONTRACT_PRICE_COLUMNS } from "./contract-price-layout.js";
import type { CsvKind } from "./csv-kind.js";
import type { CsvColumn } from "./csv-layout.js";
import { ITEM_COLUMNS } from "./item-layout.js";
import { SUPPLIER_COLUMNS } from "./supplier-layout.js";

/** The columns of each kind of file, in the order `writeCsv` writes them (docs/formats/csv.md lists the same). */
export const CSV_COLUMNS: Readonly<Record<CsvKind, readonly CsvColumn[]>> = {
  supplier: SUPPLIER_COLUMNS,
  item: ITEM_COLUMNS,
  "contract-price": CONTRACT_PRICE_COLUMNS,
};
