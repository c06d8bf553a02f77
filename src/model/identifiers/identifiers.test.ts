import { describe, expect, it } from "vitest";
import { isValidHin, parseHin } from "./hin.js";
import { formatNdc11, normalizeNdc } from "./ndc.js";
import { isValidUnspsc, parseUnspsc, UNSPSC_SEGMENTS } from "./unspsc.js";

describe("UNSPSC", () => {
  it("splits into four 2-digit levels", () => {
    expect(parseUnspsc("42131601")).toEqual({ segment: "42", family: "13", class: "16", commodity: "01" });
    expect(parseUnspsc("42131601").segment).toBe(UNSPSC_SEGMENTS.medicalEquipment);
    expect(isValidUnspsc("51101500")).toBe(true);
  });

  it.each(["ean1234", "4213160", "421316011", "00000000", "42-13-16-01", ""])("rejects %j", (bad) => {
    expect(isValidUnspsc(bad)).toBe(false);
    expect(() => parseUnspsc(bad)).toThrow(`invalid UNSPSC code ${JSON.stringify(bad)}`);
  });
});

describe("HIN", () => {
  it("splits base and suffix", () => {
    expect(parseHin("08KUG8732")).toEqual({ base: "08KUG87", suffix: "32" });
    expect(isValidHin("78YU0JN99")).toBe(true);
  });

  it.each(["08KUG873", "08KUG87321", "08kug8732", "08KUG-732"])("rejects %j", (bad) => {
    expect(isValidHin(bad)).toBe(false);
    expect(() => parseHin(bad)).toThrow(/invalid HIN/);
  });
});

describe("NDC", () => {
  it.each([
    ["1234-5678-90", "01234567890"],
    ["12345-678-90", "12345067890"],
    ["12345-6789-0", "12345678900"],
    ["12345-6789-01", "12345678901"],
    ["12345678901", "12345678901"],
  ])("normalises %s to %s", (input, expected) => {
    expect(normalizeNdc(input)).toBe(expected);
  });

  it("refuses unhyphenated 10-digit NDCs as ambiguous", () => {
    expect(() => normalizeNdc("1234567890")).toThrow(/ambiguous NDC "1234567890"/);
  });

  it.each(["123-4567-89", "1234-567-89", "12345-6789-012", "abcde-fghi-jk", "123456789012"])("rejects %j", (bad) => {
    expect(() => normalizeNdc(bad)).toThrow(/invalid NDC/);
  });

  it("formats the 11-digit form hyphenated", () => {
    expect(formatNdc11("1234-5678-90")).toBe("01234-5678-90");
  });
});
