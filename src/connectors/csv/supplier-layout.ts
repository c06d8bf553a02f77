import { type Supplier, validateEntity } from "../../model/index.js";
import { CellReader } from "./cell-reader.js";
import type { CsvColumn, RowResult } from "./csv-layout.js";
import { issuesFromModel } from "./csv-layout.js";
import type { CsvRow } from "./csv-row.js";

const STATUSES = ["active", "onboarding", "inactive"] as const;

export const SUPPLIER_COLUMNS: readonly CsvColumn[] = [
  { name: "supplier_id", required: true, description: "Canonical supplier id", example: "sup-1001" },
  { name: "name", required: true, description: "Legal or trading name, up to 200 characters", example: "Acme Medical" },
  { name: "status", required: true, description: "active, onboarding or inactive", example: "active" },
  { name: "duns", required: false, description: "D-U-N-S number, 9 digits", example: "123456789" },
  { name: "gln", required: false, description: "GS1 Global Location Number, 13 digits", example: "0614141000005" },
  {
    name: "payment_terms_net_days",
    required: true,
    description: "Net days from invoice date, 0-180",
    example: "30",
  },
  { name: "remit_line1", required: true, description: "Remit-to address line 1", example: "1 Main St" },
  { name: "remit_line2", required: false, description: "Remit-to address line 2", example: "Suite 200" },
  { name: "remit_city", required: true, description: "Remit-to city", example: "Springfield" },
  { name: "remit_region", required: true, description: "State or region code, 2-3 letters", example: "IL" },
  { name: "remit_postal_code", required: true, description: "ZIP or ZIP+4", example: "62701" },
  { name: "remit_country", required: true, description: "ISO 3166 alpha-2 country", example: "US" },
];

const COLUMN_BY_PATH: ReadonlyMap<string, string> = new Map([
  ["/id", "supplier_id"],
  ["/name", "name"],
  ["/status", "status"],
  ["/duns", "duns"],
  ["/gln", "gln"],
  ["/paymentTermsNetDays", "payment_terms_net_days"],
  ["/remitTo/line1", "remit_line1"],
  ["/remitTo/line2", "remit_line2"],
  ["/remitTo/city", "remit_city"],
  ["/remitTo/region", "remit_region"],
  ["/remitTo/postalCode", "remit_postal_code"],
  ["/remitTo/country", "remit_country"],
]);

export function readSupplierRow(row: CsvRow): RowResult<Supplier> {
  const r = new CellReader(row);
  const req = { required: true };
  const opt = { required: false };
  const line2 = r.text("remit_line2", { ...opt, max: 120 });
  const duns = r.matching("duns", { ...opt, pattern: /^\d{9}$/, hint: "9 digits" });
  const gln = r.gln("gln", opt);
  const candidate = {
    kind: "supplier",
    id: r.id("supplier_id", req),
    name: r.text("name", { ...req, max: 200 }),
    status: r.oneOf("status", STATUSES, req),
    ...(duns === undefined ? {} : { duns }),
    ...(gln === undefined ? {} : { gln }),
    paymentTermsNetDays: r.integer("payment_terms_net_days", { ...req, min: 0, max: 180 }),
    remitTo: {
      line1: r.text("remit_line1", { ...req, max: 120 }),
      ...(line2 === undefined ? {} : { line2 }),
      city: r.text("remit_city", { ...req, max: 80 }),
      region: r.matching("remit_region", { ...req, pattern: /^[A-Za-z]{2,3}$/, hint: "a 2-3 letter region code" }),
      postalCode: r.matching("remit_postal_code", { ...req, pattern: /^\d{5}(-\d{4})?$/, hint: "a ZIP or ZIP+4" }),
      country: r.matching("remit_country", { ...req, pattern: /^[A-Z]{2}$/, hint: "a 2-letter ISO country code" }),
    },
  };
  if (r.issues.length > 0) return { ok: false, issues: r.issues };
  // The cell checks cover the schema; this catches whatever they miss, reported against its column.
  const checked = validateEntity("supplier", candidate);
  if (checked.ok) return { ok: true, value: checked.value };
  return {
    ok: false,
    issues: issuesFromModel(checked.issues, (path) => {
      const column = COLUMN_BY_PATH.get(path) ?? "";
      return { line: row.line, column, value: column ? row.cell(column) : "" };
    }),
  };
}

export function supplierToRow(s: Supplier): Record<string, string> {
  return {
    supplier_id: s.id,
    name: s.name,
    status: s.status,
    duns: s.duns ?? "",
    gln: s.gln ?? "",
    payment_terms_net_days: String(s.paymentTermsNetDays),
    remit_line1: s.remitTo.line1,
    remit_line2: s.remitTo.line2 ?? "",
    remit_city: s.remitTo.city,
    remit_region: s.remitTo.region,
    remit_postal_code: s.remitTo.postalCode,
    remit_country: s.remitTo.country,
  };
}
