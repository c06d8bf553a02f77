import { describe, expect, it } from "vitest";
import { compileMatchTolerances, DEFAULT_MATCH_TOLERANCES } from "./match-tolerances.js";

describe("compileMatchTolerances: options in, compiled options out", () => {
  it("fills every default (DOMAIN.md §5.1)", () => {
    expect(compileMatchTolerances()).toEqual({
      contractPriceOverPercent: "0",
      priceOverPercent: "2",
      priceUnderPercent: "2",
      priceCapPerLine: "50.00",
      quantityOverPercent: "0",
      lineAmountRounding: "0.01",
      invoiceTotalAmount: "1.00",
      invoiceTotalPercent: "0.5",
      duplicateWindowDays: 3,
      twoWayCategories: ["implant"],
    });
    expect(compileMatchTolerances({ priceOverPercent: undefined })).toEqual(DEFAULT_MATCH_TOLERANCES);
  });

  it("keeps what it is given and freezes the result", () => {
    const t = compileMatchTolerances({ priceOverPercent: "1.5", twoWayCategories: ["implant", "implant", "lab"] });
    expect(t.priceOverPercent).toBe("1.5");
    expect(t.twoWayCategories).toEqual(["implant", "lab"]);
    expect(Object.isFrozen(t)).toBe(true);
  });

  it.each([
    [{ priceOverPercent: "2%" }, 'match tolerance priceOverPercent must be a non-negative decimal string, got "2%"'],
    [{ priceCapPerLine: "-1" }, 'match tolerance priceCapPerLine must be a non-negative decimal string, got "-1"'],
    [
      { priceCapPerLine: 50 as unknown as string },
      "match tolerance priceCapPerLine must be a non-negative decimal string, got 50",
    ],
    [{ quantityOverPercent: "100.01" }, 'match tolerance quantityOverPercent must be at most 100, got "100.01"'],
    [
      { duplicateWindowDays: 1.5 },
      "match tolerance duplicateWindowDays must be a whole number of days from 0 to 365, got 1.5",
    ],
    [
      { twoWayCategories: ["implants" as "implant"] },
      'match tolerance twoWayCategories has unknown category "implants"',
    ],
    [{ priceTolerance: "2" } as object, 'unknown match tolerance "priceTolerance"'],
  ])("refuses %j", (bad, message) => {
    expect(() => compileMatchTolerances(bad)).toThrow(message);
    try {
      compileMatchTolerances(bad);
    } catch (e) {
      expect((e as { code: string }).code).toBe("CONCORD_ERR_CONFIG_INVALID");
    }
  });
});
