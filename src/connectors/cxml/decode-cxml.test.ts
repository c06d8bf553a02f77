import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corpusDir } from "../../../test/support/corpus.js";
import { Errors } from "../../errors/index.js";
import { normalizeTimestamp } from "./cxml-timestamp.js";
import { decodeCxml } from "./decode-cxml.js";

const ORDER = readFileSync(join(corpusDir("cxml"), "foc_OrderRequest.xml"), "utf8");

function failure(xml: string, options = {}) {
  try {
    decodeCxml(xml, options);
  } catch (e) {
    return e as { code: string; message: string; extras: Record<string, unknown> };
  }
  throw new Error("expected decodeCxml to fail");
}

describe("decodeCxml errors name the XPath of the problem", () => {
  it("an unknown unit of measure", () => {
    const e = failure(ORDER.replace("<UnitOfMeasure>EA</UnitOfMeasure>", "<UnitOfMeasure>XYZ</UnitOfMeasure>"));
    expect(e.code).toBe(Errors.CxmlDocument.code);
    expect(e.extras.path).toBe("/cXML/Request/OrderRequest/ItemOut[1]/ItemDetail/UnitOfMeasure");
  });

  it("a quantity that is not a number", () => {
    const e = failure(ORDER.replace('quantity="20"', 'quantity="twenty"'));
    expect(e.extras.path).toBe("/cXML/Request/OrderRequest/ItemOut[2]");
    expect(e.message).toContain('@quantity "twenty" is not a number');
  });

  it("Money in a second currency", () => {
    const e = failure(ORDER.replace('<Money currency="EUR">3.20</Money>', '<Money currency="USD">3.20</Money>'));
    expect(e.message).toContain("Money in USD where the document uses EUR");
  });

  it("a missing payloadID, and a timestamp in no known form", () => {
    expect(failure(ORDER.replace('payloadID="1625586002.193314.7293@dev"', "")).extras.path).toBe("/cXML/@payloadID");
    expect(failure(ORDER.replace("2000-10-12T18:39:09-08:00", "yesterday")).extras.path).toBe("/cXML/@timestamp");
  });

  it("a document that maps to an invalid canonical value lists the issues", () => {
    const e = failure(ORDER.replace('orderID="DO1234"', `orderID="${"x".repeat(81)}"`));
    expect(e.code).toBe(Errors.CxmlDocument.code);
    expect(e.extras.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: "/id" })]));
  });

  it("a root element that is not cXML", () => {
    expect(failure("<OrderRequest/>").message).toContain("not <cXML>");
  });
});

describe("decodeCxml options", () => {
  it("applies partner UOM overrides before the UN/CEFACT table (X12 CA sent as case)", () => {
    const xml = ORDER.replaceAll("<UnitOfMeasure>EA</UnitOfMeasure>", "<UnitOfMeasure>CA</UnitOfMeasure>");
    const standard = decodeCxml(xml).body;
    const partner = decodeCxml(xml, { uomOverrides: { CA: "case" } }).body;
    if (standard.type !== "OrderRequest" || partner.type !== "OrderRequest") throw new Error("not an order");
    expect(standard.document.lines[0]!.uom).toBe("can");
    expect(partner.document.lines[0]!.uom).toBe("case");
  });
});

describe("normalizeTimestamp", () => {
  it.each([
    ["2000-10-12T18:39:09-08:00", "2000-10-12T18:39:09-08:00", false],
    ["2010-12-22T19:03:37Z", "2010-12-22T19:03:37Z", false],
    ["Mon May 19 18:29:48 +0000 2008", "2008-05-19T18:29:48+00:00", true],
    ["Tue Jan  6 09:05:01 -0500 2015", "2015-01-06T09:05:01-05:00", true],
    ["Mon May 19 18:29:48 UTC 2008", "2008-05-19T18:29:48+00:00", true],
  ])("%s → %s", (raw, iso, converted) => {
    expect(normalizeTimestamp(raw)).toEqual({ iso, converted });
  });

  it.each(["2000-10-12T18:39:09", "2000-13-40T00:00:00Z", "May 19 2008", ""])("refuses %j", (raw) => {
    expect(normalizeTimestamp(raw)).toBeUndefined();
  });
});
