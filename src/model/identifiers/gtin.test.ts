import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { glnCheckDigit, isValidGln } from "./gln.js";
import { checkGtin, gtinCheckDigit, isValidGtin, normalizeGtin } from "./gtin.js";

/** GTINs copied from test/corpus/x12/832_hibcc_* and 867_hibcc_ex1 (tests stay I/O-free). */
const CORPUS = [
  { gtin: "50387698433528", expected: 1 }, // 832 ex1 LIN/PKL case, DOMAIN.md: "should end in 1"
  { gtin: "30387698433527", expected: 7 }, // 832 ex1/ex2 box: valid
  { gtin: "50387698433522", expected: 1 }, // 832 ex2 SLN case
  { gtin: "00387698433521", expected: 6 }, // 832 ex2 SLN each
  { gtin: "50387698356927", expected: 9 }, // 867 ex1
  { gtin: "00844588003288", expected: 8 }, // FHIR UDI example: valid
];

const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(""));

describe("GTIN", () => {
  it.each(CORPUS)("$gtin expects check digit $expected", ({ gtin, expected }) => {
    const result = checkGtin(gtin);
    expect(result.expectedCheckDigit).toBe(expected);
    expect(result.checkDigitValid).toBe(gtin.endsWith(String(expected)));
    expect(isValidGtin(gtin)).toBe(result.checkDigitValid);
  });

  it("flags the DOMAIN.md example but still normalises it (warn, don't reject)", () => {
    expect(isValidGtin("50387698433528")).toBe(false);
    expect(checkGtin("50387698433528")).toEqual({
      normalized: "50387698433528",
      checkDigitValid: false,
      expectedCheckDigit: 1,
    });
  });

  it("left-pads GTIN-8/12/13 to 14 digits", () => {
    expect(normalizeGtin("96385074")).toBe("00000096385074");
    expect(normalizeGtin("036000291452")).toBe("00036000291452");
    expect(normalizeGtin("4006381333931")).toBe("04006381333931");
    expect(isValidGtin("96385074")).toBe(true);
    expect(isValidGtin("036000291452")).toBe(true);
    expect(isValidGtin("4006381333931")).toBe(true);
    expect(checkGtin("036000291452").checkDigitValid).toBe(true);
  });

  it.each(["", "123", "1234567890", "0360002914520000", "03600029145X", " 036000291452"])(
    "normalizeGtin rejects %j",
    (bad) => {
      expect(() => normalizeGtin(bad)).toThrow(/invalid GTIN/);
      expect(isValidGtin(bad)).toBe(false);
    },
  );

  it("appending the computed check digit always validates", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(7, 11, 12, 13).chain((n) => digits(n, n)),
        (body) => {
          expect(isValidGtin(body + gtinCheckDigit(body))).toBe(true);
        },
      ),
    );
  });

  it("changing any single digit always invalidates", () => {
    const arb = fc
      .constantFrom(7, 11, 12, 13)
      .chain((n) => fc.tuple(digits(n, n), fc.nat({ max: n }), fc.integer({ min: 1, max: 9 })));
    fc.assert(
      fc.property(arb, ([body, pos, delta]) => {
        const gtin = body + gtinCheckDigit(body);
        const changed = (Number(gtin[pos]) + delta) % 10;
        const mutated = gtin.slice(0, pos) + changed + gtin.slice(pos + 1);
        expect(isValidGtin(mutated)).toBe(false);
      }),
    );
  });
});

describe("GLN", () => {
  it("validates 13-digit GLNs with the GS1 check digit", () => {
    expect(glnCheckDigit("061414100001")).toBe(2);
    expect(isValidGln("0614141000012")).toBe(true);
    expect(isValidGln("0614141000015")).toBe(false);
    const body = "123456789012";
    expect(isValidGln(body + glnCheckDigit(body))).toBe(true);
    expect(isValidGln("12345678901")).toBe(false);
    expect(() => glnCheckDigit("12345")).toThrow(/12 digits/);
  });
});
