import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareDecimal, formatDecimal } from "./decimal.js";
import { drape } from "./packaging.fixtures.js";
import { baseUnitsPer, convertQuantity, convertUnitPrice, quantityInBase, UomConversionError } from "./packaging.js";
import type { Item } from "./schemas/item.js";
import type { Uom } from "./schemas/uom.js";

describe("packaging conversions", () => {
  it("converts quantities through the base unit", () => {
    expect(quantityInBase(drape, "3", "case")).toBe("60.00");
    expect(quantityInBase(drape, "7", "each")).toBe("7.00");
    expect(convertQuantity(drape, "2", "case", "box")).toBe("8.00");
    expect(convertQuantity(drape, "3", "each", "box")).toBe("0.60");
    expect(convertQuantity(drape, "1", "each", "case")).toBe("0.05");
  });

  it("converts unit prices inversely to quantities", () => {
    expect(convertUnitPrice(drape, "66.50", "case", "each")).toBe("3.325");
    expect(convertUnitPrice(drape, "66.50", "case", "box")).toBe("16.625");
    expect(convertUnitPrice(drape, "3.325", "each", "case")).toBe("66.50");
    expect(convertUnitPrice(drape, "1", "box", "box")).toBe("1.00");
  });

  it("treats the base unit as 1 even without an explicit level", () => {
    const noEachLevel: Item = { ...drape, packaging: [{ uom: "case", quantityOfBase: 20 }] };
    expect(baseUnitsPer(noEachLevel, "each")).toBe(1);
    expect(convertQuantity(noEachLevel, "40", "each", "case")).toBe("2.00");
  });

  it("refuses to guess a factor for a missing level", () => {
    const attempt = () => convertQuantity(drape, "1", "case", "pack");
    expect(attempt).toThrow(UomConversionError);
    expect(attempt).toThrow('item item-drape has no packaging level for "pack": cannot convert case to pack');
    try {
      convertUnitPrice(drape, "1", "dozen", "each");
    } catch (e) {
      expect(e).toMatchObject({ item: "item-drape", from: "dozen", to: "each", reason: "no-level" });
    }
  });

  it("refuses conflicting levels for the same unit", () => {
    const conflicting: Item = {
      ...drape,
      packaging: [...drape.packaging, { uom: "case", quantityOfBase: 24 }],
    };
    expect(() => quantityInBase(conflicting, "1", "case")).toThrow(/conflicting packaging levels for "case"/);
  });

  const uoms: Uom[] = ["each", "box", "case"];
  const qty = fc.bigInt({ min: 0n, max: 10n ** 10n }).map((v) => formatDecimal(v));

  it("there and back is the identity when the forward conversion is exact", () => {
    fc.assert(
      fc.property(qty, fc.constantFrom(...uoms), fc.constantFrom(...uoms), (q, from, to) => {
        const there = convertQuantity(drape, q, from, to);
        const exact = compareDecimal(quantityInBase(drape, there, to), quantityInBase(drape, q, from)) === 0;
        if (exact) expect(compareDecimal(convertQuantity(drape, there, to, from), q)).toBe(0);
      }),
    );
  });

  it("whole multiples of the target unit always round-trip", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom(...uoms),
        fc.constantFrom(...uoms),
        (k, from, to) => {
          const q = String(k * baseUnitsPer(drape, to));
          const there = convertQuantity(drape, q, from, to);
          expect(compareDecimal(convertQuantity(drape, there, to, from), q)).toBe(0);
          const price = String(k * baseUnitsPer(drape, from));
          expect(
            compareDecimal(convertUnitPrice(drape, convertUnitPrice(drape, price, from, to), to, from), price),
          ).toBe(0);
        },
      ),
    );
  });
});
