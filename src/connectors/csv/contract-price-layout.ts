import type { Contract, PriceLine, TierPrice } from "../../model/index.js";
import { CellReader } from "./cell-reader.js";
import type { CsvIssue } from "./csv-kind.js";
import type { CsvColumn } from "./csv-layout.js";
import type { CsvRow } from "./csv-row.js";

const BASES = ["order-date", "ship-date", "invoice-date"] as const;
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;
export const TIER_COUNT = 9;
export const tierColumn = (tier: number): string => `tier_${tier}_price`;

/** The contract-level fields every row of one contract version repeats. */
export type ContractHeader = Omit<Contract, "kind" | "priceLines" | "eligibility" | "rebates">;

/** Header columns, and the canonical field each one fills: rows of one contract must agree on all of them. */
export const HEADER_FIELDS: readonly (readonly [column: string, field: keyof ContractHeader])[] = [
  ["contract_number", "number"],
  ["contract_version", "version"],
  ["contract_id", "id"],
  ["title", "title"],
  ["supplier_id", "supplierId"],
  ["currency", "currency"],
  ["effective_from", "effectiveFrom"],
  ["expires_on", "expiresOn"],
  ["pricing_date_basis", "pricingDateBasis"],
];

export const LINE_FIELDS: readonly (readonly [column: string, field: keyof PriceLine])[] = [
  ["line_no", "lineNo"],
  ["item_id", "itemId"],
  ["uom", "uom"],
  ["unit_price", "unitPrice"],
  ["line_effective_from", "effectiveFrom"],
  ["line_expires_on", "expiresOn"],
];

export const CONTRACT_PRICE_COLUMNS: readonly CsvColumn[] = [
  {
    name: "contract_number",
    required: true,
    description: "Contract number, up to 40 characters",
    example: "GPO-2025-0042",
  },
  { name: "contract_version", required: true, description: "Version, a whole number from 1", example: "3" },
  {
    name: "contract_id",
    required: false,
    description: "Canonical contract id; empty means `ctr-<contract_number>`",
    example: "ctr-GPO-2025-0042",
  },
  { name: "title", required: true, description: "Contract title, up to 200 characters", example: "Exam gloves" },
  { name: "supplier_id", required: true, description: "Canonical supplier id", example: "sup-1001" },
  { name: "currency", required: true, description: "ISO 4217 code, 3 capital letters", example: "USD" },
  { name: "effective_from", required: true, description: "Contract start, YYYY-MM-DD", example: "2025-01-01" },
  { name: "expires_on", required: true, description: "Contract end, YYYY-MM-DD", example: "2027-12-31" },
  {
    name: "pricing_date_basis",
    required: true,
    description: "order-date, ship-date or invoice-date",
    example: "order-date",
  },
  { name: "line_no", required: true, description: "Price line number, unique in the contract", example: "1" },
  { name: "item_id", required: true, description: "Canonical item id", example: "itm-20001" },
  { name: "uom", required: true, description: "Unit word the price is per", example: "box" },
  { name: "unit_price", required: true, description: "Contract price per uom, up to 4 decimals", example: "12.3456" },
  {
    name: "line_effective_from",
    required: false,
    description: "Line start inside the contract window, YYYY-MM-DD",
    example: "2025-03-01",
  },
  { name: "line_expires_on", required: false, description: "Line end, YYYY-MM-DD", example: "" },
  ...Array.from({ length: TIER_COUNT }, (_, i) => ({
    name: tierColumn(i + 1),
    required: false,
    description: `Price for facilities in tier ${i + 1}`,
    example: i === 0 ? "11.90" : "",
  })),
];

/** One row read: whatever parts were readable, and every problem found. */
export interface ContractPriceRow {
  readonly row: CsvRow;
  /** The contract cells as written, in HEADER_FIELDS order: to spot a repeat of the row before. */
  readonly headerCells: readonly string[];
  /** number + version, when both cells are readable: the grouping key. */
  readonly key: string | undefined;
  readonly header: ContractHeader | undefined;
  readonly line: PriceLine | undefined;
  readonly issues: CsvIssue[];
}

export function contractKey(number: string, version: number): string {
  return `${number}\u0000${version}`;
}

/**
 * Reads one row. `previous` is the row before: when this row repeats its contract cells exactly
 * (the usual case: thousands of rows per contract), its parsed contract fields are reused instead
 * of being checked again.
 */
export function readContractPriceRow(row: CsvRow, previous?: ContractPriceRow): ContractPriceRow {
  const r = new CellReader(row);
  const headerCells = HEADER_FIELDS.map(([column]) => row.cell(column));
  const same = previous?.header !== undefined && previous.headerCells.every((cell, i) => cell === headerCells[i]);
  const head = same ? { key: previous!.key, header: previous!.header } : readHeader(r, row);
  const line = readLine(r);
  return { row, headerCells, key: head.key, header: head.header, line, issues: r.issues };
}

function readHeader(r: CellReader, row: CsvRow): Pick<ContractPriceRow, "key" | "header"> {
  const req = { required: true };
  const opt = { required: false };
  const headerIssues = r.issues.length;
  const number = r.text("contract_number", { ...req, max: 40 });
  const version = r.integer("contract_version", { ...req, min: 1, max: 1_000_000 });
  let id = r.id("contract_id", opt);
  if (id === undefined && row.cell("contract_id") === "" && number !== undefined) {
    id = `ctr-${number}`;
    if (!ID_RE.test(id)) {
      r.issue("contract_id", "csv.id", `contract_id is empty and "${id}" is not a valid id: give contract_id`);
      id = undefined;
    }
  }
  const title = r.text("title", { ...req, max: 200 });
  const supplierId = r.id("supplier_id", req);
  const currency = r.matching("currency", { ...req, pattern: /^[A-Z]{3}$/, hint: "an ISO 4217 code such as USD" });
  const effectiveFrom = r.date("effective_from", req);
  const expiresOn = r.date("expires_on", req);
  const pricingDateBasis = r.oneOf("pricing_date_basis", BASES, req);
  const headerOk = r.issues.length === headerIssues;
  return {
    key: number !== undefined && version !== undefined ? contractKey(number, version) : undefined,
    header: headerOk
      ? {
          id: id!,
          number: number!,
          version: version!,
          title: title!,
          supplierId: supplierId!,
          currency: currency!,
          effectiveFrom: effectiveFrom!,
          expiresOn: expiresOn!,
          pricingDateBasis: pricingDateBasis!,
        }
      : undefined,
  };
}

function readLine(r: CellReader): PriceLine | undefined {
  const req = { required: true };
  const opt = { required: false };
  const linesBefore = r.issues.length;
  const lineNo = r.integer("line_no", { ...req, min: 1, max: 999_999 });
  const itemId = r.id("item_id", req);
  const uom = r.uom("uom", req);
  const unitPrice = r.price("unit_price", req);
  const lineFrom = r.date("line_effective_from", opt);
  const lineTo = r.date("line_expires_on", opt);
  const tierPrices: TierPrice[] = [];
  for (let tier = 1; tier <= TIER_COUNT; tier++) {
    const price = r.price(tierColumn(tier), opt);
    if (price !== undefined) tierPrices.push({ tier, unitPrice: price });
  }
  if (r.issues.length > linesBefore) return undefined;
  return {
    lineNo: lineNo!,
    itemId: itemId!,
    uom: uom!,
    unitPrice: unitPrice!,
    tierPrices,
    ...(lineFrom === undefined ? {} : { effectiveFrom: lineFrom }),
    ...(lineTo === undefined ? {} : { expiresOn: lineTo }),
  };
}

/** One row per price line, the contract's own fields repeated on each (the layout is flat by design). */
export function contractToRows(c: Contract): Record<string, string>[] {
  const head: Record<string, string> = {
    contract_number: c.number,
    contract_version: String(c.version),
    contract_id: c.id,
    title: c.title,
    supplier_id: c.supplierId,
    currency: c.currency,
    effective_from: c.effectiveFrom,
    expires_on: c.expiresOn,
    pricing_date_basis: c.pricingDateBasis,
  };
  return c.priceLines.map((l) => {
    const row: Record<string, string> = {
      ...head,
      line_no: String(l.lineNo),
      item_id: l.itemId,
      uom: l.uom,
      unit_price: l.unitPrice,
      line_effective_from: l.effectiveFrom ?? "",
      line_expires_on: l.expiresOn ?? "",
    };
    for (let tier = 1; tier <= TIER_COUNT; tier++) row[tierColumn(tier)] = "";
    for (const tp of l.tierPrices) row[tierColumn(tp.tier)] = tp.unitPrice;
    return row;
  });
}
