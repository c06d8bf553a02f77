import { describe, expect, it } from "vitest";
import { normalizeTin } from "./tin.js";

describe("normalizeTin", () => {
  it.each([
    ["12-3456789", "123456789"],
    ["123-45-6789", "123456789"],
    ["123456789", "123456789"],
    [" 98-7654321 ", "987654321"],
    // An ITIN: area 9xx with a group in the ITIN ranges.
    ["912-70-1234", "912701234"],
  ])("normalises %j to 9 digits", (input, digits) => {
    expect(normalizeTin(input)).toEqual({ ok: true, value: digits });
  });

  it.each([
    ["00-1234567", /prefix 00/],
    ["000-12-3456", /area 000 or 666/],
    ["666-12-3456", /area 000 or 666/],
    ["123-00-4567", /group 00/],
    ["123-45-0000", /serial 0000/],
    ["912-40-1234", /ITIN/],
    // Bare digits are refused only when no kind of TIN may have them (00 prefix and area 000).
    ["000123456", /prefix 00\) and is not an issued SSN \(area 000/],
  ])("refuses %j, which was never issued", (input, reason) => {
    const checked = normalizeTin(input);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.reason).toMatch(reason);
  });

  it("accepts bare digits that are a valid EIN though not a valid SSN", () => {
    // 666… is no SSN, but as an EIN (prefix 66) it is fine, and bare digits do not say which.
    expect(normalizeTin("666123456")).toEqual({ ok: true, value: "666123456" });
  });

  it.each(["12345678", "1234567890", "12-345-6789", "12 3456789", "ab-cdefghi", "", "1234-56789"])(
    "refuses the shape of %j without repeating it",
    (input) => {
      const checked = normalizeTin(input);
      expect(checked.ok).toBe(false);
      if (checked.ok) return;
      expect(checked.reason).toMatch(/must be a US TIN/);
      if (input.length > 0) expect(checked.reason).not.toContain(input);
    },
  );

  it("never repeats the value in a refusal, in either form", () => {
    for (const bad of ["666-12-3456", "00-1234567", "912-40-1234", "000123456"]) {
      const text = JSON.stringify(normalizeTin(bad));
      expect(text).not.toContain(bad);
      expect(text).not.toContain(bad.replace(/-/g, ""));
    }
  });
});
