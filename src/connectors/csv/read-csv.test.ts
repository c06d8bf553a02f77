import { describe, expect, it } from "vitest";
import { ConcordError } from "../../errors/index.js";
import type { CsvIssue, CsvKind, CsvReadResult } from "./csv-kind.js";
import { readCsv } from "./read-csv.js";

async function collect<K extends CsvKind>(kind: K, text: string | string[]): Promise<CsvReadResult<K>[]> {
  const out: CsvReadResult<K>[] = [];
  for await (const r of readCsv(kind, Array.isArray(text) ? text : [text])) out.push(r);
  return out;
}

const issuesOf = (results: readonly CsvReadResult[]): CsvIssue[] =>
  results.flatMap((r) => ("issues" in r ? r.issues : []));
const recordsOf = <K extends CsvKind>(results: readonly CsvReadResult<K>[]) =>
  results.flatMap((r) => ("record" in r ? [r.record] : []));

const SUPPLIER_HEADER =
  "supplier_id,name,status,payment_terms_net_days,remit_line1,remit_city,remit_region,remit_postal_code,remit_country";
const supplierRow = (id: string, name = "Acme Medical") => `${id},${name},active,30,1 Main St,Springfield,IL,62701,US`;

describe("readCsv header", () => {
  it("finds columns by name, in any order", async () => {
    const text =
      "remit_country,supplier_id,name,remit_city,status,remit_region,payment_terms_net_days,remit_postal_code,remit_line1\nUS,sup-9,Acme,Springfield,active,IL,45,62701,1 Main St\n";
    const [r] = await collect("supplier", text);
    expect(r).toMatchObject({
      line: 2,
      record: { id: "sup-9", paymentTermsNetDays: 45, remitTo: { country: "US", city: "Springfield" } },
    });
  });

  it("refuses an unknown column before reading any row, naming it", async () => {
    const text = `${SUPPLIER_HEADER},tier1_price\n${supplierRow("sup-1")},x\n`;
    const error = await collect("supplier", text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcordError);
    expect((error as ConcordError).code).toBe("CONCORD_ERR_CSV_HEADER");
    expect((error as ConcordError).extras).toMatchObject({ unknown: ["tier1_price"], missing: [], line: 1 });
  });

  it("refuses a header without a required column or with a column twice", async () => {
    const missing = await collect("supplier", "supplier_id,name\nsup-1,A\n").catch((e: unknown) => e);
    expect((missing as ConcordError).extras.missing).toContain("remit_city");
    const twice = await collect("supplier", `${SUPPLIER_HEADER},name\n`).catch((e: unknown) => e);
    expect((twice as ConcordError).extras.duplicate).toEqual(["name"]);
  });

  it("refuses an empty file as a missing header", async () => {
    const error = await collect("item", "").catch((e: unknown) => e);
    expect((error as ConcordError).code).toBe("CONCORD_ERR_CSV_HEADER");
  });

  it("accepts a UTF-8 byte order mark and CRLF line ends (Excel's CSV)", async () => {
    const text = `\uFEFF${SUPPLIER_HEADER}\r\n${supplierRow("sup-1", "Müller Medizintechnik")}\r\n`;
    const [r] = await collect("supplier", text);
    expect(r).toMatchObject({ line: 2, record: { name: "Müller Medizintechnik" } });
  });
});

describe("readCsv line numbers", () => {
  it("counts physical lines, so a quoted field spanning lines does not shift later rows", async () => {
    const text = `${SUPPLIER_HEADER}\n${supplierRow("sup-1", '"Acme\nMedical\nSupplies"')}\n${supplierRow("sup-2", "bad name too long".repeat(20))}\n`;
    const results = await collect("supplier", text);
    expect(results[0]).toMatchObject({ line: 2, endLine: 4, record: { name: "Acme\nMedical\nSupplies" } });
    expect(results[1]).toMatchObject({ line: 5, issues: [{ line: 5, column: "name", rule: "csv.too-long" }] });
  });

  it("keeps line numbers right when a chunk boundary falls inside a row", async () => {
    const text = `${SUPPLIER_HEADER}\n${supplierRow("sup-1")}\n${supplierRow("sup-2")}\n${supplierRow("sup 3")}\n`;
    const chunks = text.match(/[\s\S]{1,7}/g)!;
    const results = await collect("supplier", chunks);
    expect(results.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(issuesOf(results)).toMatchObject([{ line: 4, column: "supplier_id", rule: "csv.id", value: "sup 3" }]);
  });

  it("skips blank lines and rows of empty cells without reporting them", async () => {
    const text = `${SUPPLIER_HEADER}\n\n${supplierRow("sup-1")}\n,,,,,,,,\n${supplierRow("sup-2")}\n`;
    const results = await collect("supplier", text);
    expect(results.map((r) => [r.line, "record" in r])).toEqual([
      [3, true],
      [5, true],
    ]);
  });
});

describe("readCsv rows", () => {
  it("reports every bad cell of a row with its column and raw value", async () => {
    const text = `supplier_id,name,status,duns,gln,payment_terms_net_days,remit_line1,remit_city,remit_region,remit_postal_code,remit_country\nsup-1,Acme,pending,12345,0614141000006,400,1 Main St,Springfield,IL,6270,US\n`;
    const [r] = await collect("supplier", text);
    expect("issues" in r! && r.issues.map((i) => [i.column, i.rule, i.value])).toEqual([
      ["duns", "csv.format", "12345"],
      ["gln", "csv.gln", "0614141000006"],
      ["status", "csv.one-of", "pending"],
      ["payment_terms_net_days", "csv.integer", "400"],
      ["remit_postal_code", "csv.format", "6270"],
    ]);
  });

  it("reads an item's packaging cell and normalises GTINs to 14 digits", async () => {
    const header =
      "item_id,description,manufacturer_name,manufacturer_part_no,gtin,unspsc,base_uom,packaging,clinical_category,status";
    const text = `${header}\nitm-1,Glove,Acme,AM-1,036000291452,42132203,Each,"each=1; box=100@10036000291459; case=1000",med-surg,active\n`;
    const [r] = await collect("item", text);
    expect(r).toMatchObject({
      record: {
        gtin: "00036000291452",
        baseUom: "each",
        packaging: [
          { uom: "each", quantityOfBase: 1 },
          { uom: "box", quantityOfBase: 100, gtin: "10036000291459" },
          { uom: "case", quantityOfBase: 1000 },
        ],
      },
    });
  });

  it("rejects a GTIN with a wrong check digit, saying which digit is expected", async () => {
    const header =
      "item_id,description,manufacturer_name,manufacturer_part_no,gtin,unspsc,base_uom,packaging,clinical_category,status";
    const text = `${header}\nitm-1,Glove,Acme,AM-1,036000291453,42132203,each,each=1; box=x,med-surg,active\n`;
    const [r] = await collect("item", text);
    expect(issuesOf([r!]).map((i) => [i.column, i.rule])).toEqual([
      ["gtin", "csv.gtin-check-digit"],
      ["packaging", "csv.packaging"],
    ]);
    expect(issuesOf([r!])[0]!.message).toContain("expected 2");
  });
});

const PRICE_HEADER =
  "contract_number,contract_version,title,supplier_id,currency,effective_from,expires_on,pricing_date_basis,line_no,item_id,uom,unit_price,tier_1_price,tier_2_price";
const priceRow = (contract: string, lineNo: number, rest = `itm-${lineNo},box,12.50,,`, version = 1) =>
  `${contract},${version},Exam gloves,sup-1,USD,2025-01-01,2026-12-31,order-date,${lineNo},${rest}`;

describe("readCsv contract prices", () => {
  it("groups contiguous rows into one contract version with its tier prices", async () => {
    const text = [
      PRICE_HEADER,
      priceRow("C1", 1, "itm-1,box,12.50,11.90,"),
      priceRow("C1", 2, "itm-2,case,100,,95.5"),
      priceRow("C2", 1),
    ].join("\n");
    const results = await collect("contract-price", text);
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({
      line: 2,
      endLine: 3,
      record: { id: "ctr-C1", number: "C1", version: 1, eligibility: [], rebates: [] },
    });
    const c1 = recordsOf(results)[0]!;
    expect(c1.priceLines).toEqual([
      { lineNo: 1, itemId: "itm-1", uom: "box", unitPrice: "12.50", tierPrices: [{ tier: 1, unitPrice: "11.90" }] },
      { lineNo: 2, itemId: "itm-2", uom: "case", unitPrice: "100", tierPrices: [{ tier: 2, unitPrice: "95.5" }] },
    ]);
  });

  it("reports malformed rows with their line numbers while good contracts still come through", async () => {
    const text = [
      PRICE_HEADER,
      priceRow("C1", 1), // 2
      priceRow("C1", 2), // 3
      priceRow("C2", 1), // 4
      priceRow("C2", 2, 'itm-2,box,"12"50,,'), // 5: bad quote
      priceRow("C2", 3), // 6
      priceRow("C3", 1), // 7
      priceRow("C3", 2, "itm-2,box,12.50"), // 8: wrong column count
      priceRow("C4", 1), // 9
      priceRow("C4", 2, "itm-2,box,12.5O,,"), // 10: bad decimal (letter O)
      priceRow("C5", 1), // 11
      priceRow("C5", 2, "itm-2,CS,12.50,,"), // 12: unknown UOM (a code, not a word)
      priceRow("C6", 1), // 13
      priceRow("C6", 2), // 14
    ].join("\n");
    const results = await collect("contract-price", text);
    expect(recordsOf(results).map((c) => c.number)).toEqual(["C1", "C6"]);
    const rowIssues = issuesOf(results).filter((i) => i.rule !== "csv.contract-rejected");
    expect(rowIssues.map((i) => [i.line, i.column, i.rule])).toEqual([
      [5, "unit_price", "csv.quote"],
      [8, "", "csv.column-count"],
      [10, "unit_price", "csv.decimal"],
      [12, "uom", "csv.uom"],
    ]);
    const rejected = issuesOf(results).filter((i) => i.rule === "csv.contract-rejected");
    expect(rejected.map((i) => i.line)).toEqual([4, 7, 9, 11]);
  });

  it("rejects rows of a version that come back after another version started", async () => {
    const text = [PRICE_HEADER, priceRow("C1", 1), priceRow("C2", 1), priceRow("C1", 2)].join("\n");
    const results = await collect("contract-price", text);
    expect(recordsOf(results).map((c) => c.number)).toEqual(["C1", "C2"]);
    expect(issuesOf(results)).toMatchObject([{ line: 4, rule: "csv.contract-not-contiguous" }]);
    expect(issuesOf(results)[0]!.message).toContain("lines 2-2");
  });

  it("treats versions of one contract as separate contracts", async () => {
    const text = [PRICE_HEADER, priceRow("C1", 1, undefined, 1), priceRow("C1", 1, undefined, 2)].join("\n");
    const versions = recordsOf(await collect("contract-price", text)).map((c) => c.version);
    expect(versions).toEqual([1, 2]);
  });

  it("rejects a row whose contract fields differ from the first row's", async () => {
    const text = [PRICE_HEADER, priceRow("C1", 1), priceRow("C1", 2).replace("2026-12-31", "2027-12-31")].join("\n");
    const results = await collect("contract-price", text);
    expect(recordsOf(results)).toEqual([]);
    expect(issuesOf(results)).toMatchObject([
      { line: 3, column: "expires_on", rule: "csv.contract-fields-differ", value: "2027-12-31" },
      { line: 2, rule: "csv.contract-rejected" },
    ]);
  });

  it("points a broken business rule at the row and column that broke it", async () => {
    const text = [PRICE_HEADER, priceRow("C1", 1), priceRow("C1", 2), priceRow("C1", 2, "itm-9,box,1,,")].join("\n");
    const results = await collect("contract-price", text);
    expect(issuesOf(results)).toMatchObject([
      { line: 4, column: "line_no", rule: "contract.line-no-unique", value: "2" },
      { line: 2, rule: "csv.contract-rejected" },
    ]);
  });

  it("reports an unclosed quote at the end of the file from where it may have opened", async () => {
    const text = `${[PRICE_HEADER, priceRow("C1", 1), priceRow("C2", 1)].join("\n")}\n${priceRow("C3", 1, '"itm-1,box,1,,')}\n`;
    const results = await collect("contract-price", text);
    expect(recordsOf(results).map((c) => c.number)).toEqual(["C1"]);
    expect(issuesOf(results)).toMatchObject([
      { line: 4, rule: "csv.quote" },
      { line: 3, rule: "csv.contract-rejected" },
    ]);
  });

  it("stops at a row longer than the limit and says the rest was not read, instead of losing it silently", async () => {
    const rows = [PRICE_HEADER, priceRow("C1", 1), priceRow("C2", 1, '"itm-1,box,1,,')];
    for (let n = 1; n <= 50; n++) rows.push(priceRow("C3", n));
    const results: CsvReadResult[] = [];
    for await (const r of readCsv("contract-price", [rows.join("\n")], { maxRowBytes: 1000 })) results.push(r);
    const [first] = issuesOf(results);
    expect(first).toMatchObject({ line: 3, rule: "csv.row-too-long" });
    expect(first!.message).toContain("rest of the file was not read");
    expect(recordsOf(results)).toEqual([]);
  });
});
