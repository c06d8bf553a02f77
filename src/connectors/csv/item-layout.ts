import { type Item, validateEntity } from "../../model/index.js";
import { CellReader } from "./cell-reader.js";
import type { CsvColumn, RowResult } from "./csv-layout.js";
import { issuesFromModel } from "./csv-layout.js";
import type { CsvRow } from "./csv-row.js";
import { formatPackaging, readPackaging } from "./packaging-cell.js";

const CATEGORIES = ["med-surg", "implant", "pharmacy", "lab", "non-clinical"] as const;
const STATUSES = ["active", "inactive"] as const;

export const ITEM_COLUMNS: readonly CsvColumn[] = [
  { name: "item_id", required: true, description: "Canonical item id", example: "itm-20001" },
  {
    name: "description",
    required: true,
    description: "Item description, up to 200 characters",
    example: "Nitrile exam glove, medium",
  },
  {
    name: "manufacturer_name",
    required: true,
    description: "Manufacturer, up to 200 characters",
    example: "Acme Medical",
  },
  {
    name: "manufacturer_part_no",
    required: true,
    description: "Manufacturer catalog number, up to 40 characters",
    example: "AM-4471",
  },
  {
    name: "gtin",
    required: false,
    description: "GTIN-8/12/13/14 of the base unit; check digit verified; stored as 14 digits",
    example: "00312345678906",
  },
  { name: "unspsc", required: true, description: "UNSPSC commodity code, 8 digits", example: "42132203" },
  { name: "base_uom", required: true, description: "Unit word of the base unit", example: "each" },
  {
    name: "packaging",
    required: true,
    description: "Levels `<unit>=<base units>[@<GTIN>]` separated by `;`, 1 to 8 levels",
    example: "each=1; box=100@10312345678903; case=1000",
  },
  {
    name: "clinical_category",
    required: true,
    description: "med-surg, implant, pharmacy, lab or non-clinical",
    example: "med-surg",
  },
  { name: "status", required: true, description: "active or inactive", example: "active" },
];

const COLUMN_BY_PATH: ReadonlyMap<string, string> = new Map([
  ["/id", "item_id"],
  ["/description", "description"],
  ["/manufacturerName", "manufacturer_name"],
  ["/manufacturerPartNo", "manufacturer_part_no"],
  ["/gtin", "gtin"],
  ["/unspsc", "unspsc"],
  ["/baseUom", "base_uom"],
  ["/clinicalCategory", "clinical_category"],
  ["/status", "status"],
]);

export function readItemRow(row: CsvRow): RowResult<Item> {
  const r = new CellReader(row);
  const req = { required: true };
  const gtin = r.gtin("gtin", { required: false });
  const candidate = {
    kind: "item",
    id: r.id("item_id", req),
    description: r.text("description", { ...req, max: 200 }),
    manufacturerName: r.text("manufacturer_name", { ...req, max: 200 }),
    manufacturerPartNo: r.text("manufacturer_part_no", { ...req, max: 40 }),
    ...(gtin === undefined ? {} : { gtin }),
    unspsc: r.unspsc("unspsc", req),
    baseUom: r.uom("base_uom", req),
    packaging: readPackaging(r, "packaging"),
    clinicalCategory: r.oneOf("clinical_category", CATEGORIES, req),
    status: r.oneOf("status", STATUSES, req),
  };
  if (r.issues.length > 0) return { ok: false, issues: r.issues };
  const checked = validateEntity("item", candidate);
  if (checked.ok) return { ok: true, value: checked.value };
  return {
    ok: false,
    issues: issuesFromModel(checked.issues, (path) => {
      const column = path.startsWith("/packaging") ? "packaging" : (COLUMN_BY_PATH.get(path) ?? "");
      return { line: row.line, column, value: column ? row.cell(column) : "" };
    }),
  };
}

export function itemToRow(i: Item): Record<string, string> {
  return {
    item_id: i.id,
    description: i.description,
    manufacturer_name: i.manufacturerName,
    manufacturer_part_no: i.manufacturerPartNo,
    gtin: i.gtin ?? "",
    unspsc: i.unspsc,
    base_uom: i.baseUom,
    packaging: formatPackaging(i.packaging),
    clinical_category: i.clinicalCategory,
    status: i.status,
  };
}
