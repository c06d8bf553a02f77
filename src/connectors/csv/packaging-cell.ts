import { type PackagingLevel, UOMS, type Uom } from "../../model/index.js";
import type { CellReader } from "./cell-reader.js";

const UOM_SET: ReadonlySet<string> = new Set(UOMS);
const LEVEL_RE = /^([A-Za-z]+)\s*=\s*(\d{1,7})(?:\s*@\s*(\d+))?$/;

/**
 * The packaging hierarchy in one cell: `each=1; box=100@10312345678903; case=1000`, i.e. per
 * level `<unit word>=<base units in it>` and optionally `@<GTIN of that level>`. One cell rather
 * than numbered column groups keeps the header the same for items with 1 or 8 levels.
 */
export function readPackaging(r: CellReader, column: string): PackagingLevel[] | undefined {
  const cell = r.row.cell(column);
  if (cell === "") {
    r.issue(column, "csv.required", `${column} is required but empty (e.g. "each=1; box=100")`);
    return undefined;
  }
  const parts = cell
    .split(";")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length > 8) {
    r.issue(column, "csv.packaging", `${column} has ${parts.length} levels; at most 8 are allowed`);
    return undefined;
  }
  const levels: PackagingLevel[] = [];
  let ok = true;
  parts.forEach((part, i) => {
    const m = LEVEL_RE.exec(part);
    const where = `${column} level ${i + 1} "${part}"`;
    if (!m) {
      r.issue(column, "csv.packaging", `${where} must look like "box=100" or "box=100@<GTIN>"`);
      ok = false;
      return;
    }
    const uom = m[1]!.toLowerCase();
    const quantity = Number(m[2]);
    if (!UOM_SET.has(uom)) {
      r.issue(column, "csv.uom", `${where}: "${m[1]}" is not a unit word (${UOMS.join(", ")})`);
      ok = false;
    }
    if (quantity < 1 || quantity > 1_000_000) {
      r.issue(column, "csv.packaging", `${where}: the quantity must be from 1 to 1000000 base units`);
      ok = false;
    }
    const gtin = m[3] === undefined ? undefined : r.gtinValue(column, m[3], cell);
    if (m[3] !== undefined && gtin === undefined) ok = false;
    levels.push({ uom: uom as Uom, quantityOfBase: quantity, ...(gtin === undefined ? {} : { gtin }) });
  });
  if (levels.length === 0 && ok) {
    r.issue(column, "csv.required", `${column} lists no level (e.g. "each=1; box=100")`);
    return undefined;
  }
  return ok ? levels : undefined;
}

export function formatPackaging(levels: readonly PackagingLevel[]): string {
  return levels.map((l) => `${l.uom}=${l.quantityOfBase}${l.gtin === undefined ? "" : `@${l.gtin}`}`).join("; ");
}
