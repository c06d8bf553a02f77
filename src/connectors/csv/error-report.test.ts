import { PassThrough } from "node:stream";
import { text } from "node:stream/consumers";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { createCsvErrorReport, REPORT_COLUMNS } from "./error-report.js";
import { csvRowsRejected, importCsv } from "./import-csv.js";

const HEADER =
  "supplier_id,name,status,payment_terms_net_days,remit_line1,remit_city,remit_region,remit_postal_code,remit_country";

describe("error report", () => {
  it("is a CSV file of line, column, rule, message and raw value that survives commas, quotes and newlines", async () => {
    const out = new PassThrough();
    const written = text(out);
    const report = createCsvErrorReport(out);
    await report.add([
      { line: 7, column: "name", rule: "csv.too-long", message: 'name, "quoted"\nand more', value: 'a,"b"\nc' },
    ]);
    await report.close();
    const rows = parse(await written, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...REPORT_COLUMNS]);
    expect(rows).toEqual([
      { line: "7", column: "name", rule: "csv.too-long", message: 'name, "quoted"\nand more', value: 'a,"b"\nc' },
    ]);
    expect(report.count).toBe(1);
  });

  it("receives every rejected row of an import while good records go to the handler", async () => {
    const out = new PassThrough();
    const written = text(out);
    const report = createCsvErrorReport(out);
    const file = [
      HEADER,
      "sup-1,A,active,30,1 Main St,X,IL,62701,US",
      "sup-2,B,active,999,1 Main St,X,IL,62701,US",
      "sup-3,C,active,30,1 Main St,X,IL,62701,US",
    ].join("\n");
    const got: string[] = [];
    const summary = await importCsv("supplier", [file], { report, onRecord: (s) => void got.push(s.id) });
    await report.close();
    expect(got).toEqual(["sup-1", "sup-3"]);
    expect(summary).toEqual({ kind: "supplier", rows: 3, records: 2, rejectedRows: 1, rejectedRecords: 1, issues: 1 });
    const rows = parse(await written, { columns: true }) as Record<string, string>[];
    expect(rows).toMatchObject([{ line: "3", column: "payment_terms_net_days", rule: "csv.integer", value: "999" }]);
    expect(csvRowsRejected(summary)?.code).toBe("CONCORD_ERR_CSV_ROW");
    expect(csvRowsRejected({ ...summary, rejectedRows: 0, rejectedRecords: 0 })).toBeUndefined();
  });
});
