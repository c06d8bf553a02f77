import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDecimal,
  compareDecimal,
  divideDecimal,
  formatDecimal,
  isDecimal,
  multiplyDecimal,
  parseDecimal,
  roundDecimal,
  subtractDecimal,
} from "./decimal.js";

/** Scaled values inside the DecimalString range, kept to 12 integer digits so sums stay in range. */
const scaled = fc.bigInt({ min: -(10n ** 16n) + 1n, max: 10n ** 16n - 1n });
const decimal = scaled.map((v) => formatDecimal(v));
const smallDecimal = fc.bigInt({ min: -(10n ** 10n), max: 10n ** 10n }).map((v) => formatDecimal(v));

describe("parseDecimal / formatDecimal", () => {
  it("parses the DecimalString shapes", () => {
    expect(parseDecimal("0")).toBe(0n);
    expect(parseDecimal("12.5")).toBe(125_000n);
    expect(parseDecimal("-0.0001")).toBe(-1n);
    expect(parseDecimal("99999999999999.9999")).toBe(10n ** 18n - 1n);
  });

  it.each(["", "1.", ".5", "01", "1.23456", "1e3", "+1", "NaN", " 1", "123456789012345"])(
    "rejects %j with a message naming the value",
    (bad) => {
      expect(() => parseDecimal(bad)).toThrow(`invalid decimal ${JSON.stringify(bad)}`);
      expect(isDecimal(bad)).toBe(false);
    },
  );

  it("trims trailing zeros down to minFractionDigits", () => {
    expect(formatDecimal(parseDecimal("12.3400"))).toBe("12.34");
    expect(formatDecimal(parseDecimal("12.3456"))).toBe("12.3456");
    expect(formatDecimal(parseDecimal("5"))).toBe("5.00");
    expect(formatDecimal(parseDecimal("5"), 0)).toBe("5");
    expect(formatDecimal(parseDecimal("-0.5"), 4)).toBe("-0.5000");
    expect(formatDecimal(parseDecimal("-0"))).toBe("0.00");
  });

  it("format then parse is the identity", () => {
    fc.assert(
      fc.property(scaled, fc.integer({ min: 0, max: 4 }), (v, min) => {
        expect(parseDecimal(formatDecimal(v, min))).toBe(v);
      }),
    );
  });
});

describe("arithmetic", () => {
  it("rounds half-even", () => {
    expect(multiplyDecimal("0.0001", "0.5")).toBe("0.00"); // 0.00005 → 0.0000 (even)
    expect(multiplyDecimal("0.0003", "0.5")).toBe("0.0002"); // 0.00015 → 0.0002 (even)
    expect(multiplyDecimal("-0.0003", "0.5")).toBe("-0.0002");
    expect(divideDecimal("1", "3")).toBe("0.3333");
    expect(divideDecimal("2", "3")).toBe("0.6667");
    expect(divideDecimal("66.50", "20")).toBe("3.325");
    expect(roundDecimal("2.345", 2)).toBe("2.34");
    expect(roundDecimal("2.355", 2)).toBe("2.36");
    expect(roundDecimal("-2.5", 0)).toBe("-2");
    expect(roundDecimal("3.5", 0)).toBe("4");
  });

  it("never uses binary floats", () => {
    expect(addDecimal("0.1", "0.2")).toBe("0.30");
    expect(multiplyDecimal("1.1", "1.1")).toBe("1.21");
  });

  it("throws on divide by zero and on results beyond 14 integer digits", () => {
    expect(() => divideDecimal("1", "0.0000")).toThrow(/divide 1 by zero/);
    expect(() => addDecimal("99999999999999.9999", "0.0001")).toThrow(/exceeds 14 integer digits/);
    expect(() => roundDecimal("1", 5)).toThrow(/decimal places/);
  });

  it("add and subtract are inverse", () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        expect(compareDecimal(subtractDecimal(addDecimal(a, b), b), a)).toBe(0);
      }),
    );
  });

  it("comparison agrees with the sign of the difference", () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        const diff = parseDecimal(subtractDecimal(a, b));
        expect(compareDecimal(a, b)).toBe(diff < 0n ? -1 : diff > 0n ? 1 : 0);
        expect(compareDecimal(b, a)).toBe(-compareDecimal(a, b) || 0);
      }),
    );
  });

  it("multiplying by one is the identity", () => {
    fc.assert(
      fc.property(decimal, (a) => {
        expect(multiplyDecimal(a, "1")).toBe(formatDecimal(parseDecimal(a)));
      }),
    );
  });

  it("add and multiply commute", () => {
    fc.assert(
      fc.property(decimal, decimal, smallDecimal, smallDecimal, (a, b, c, d) => {
        expect(addDecimal(a, b)).toBe(addDecimal(b, a));
        expect(multiplyDecimal(c, d)).toBe(multiplyDecimal(d, c));
      }),
    );
  });

  it("dividing a product by its factor gives back the value when exact", () => {
    fc.assert(
      fc.property(smallDecimal, fc.integer({ min: 1, max: 1000 }), (a, k) => {
        expect(divideDecimal(multiplyDecimal(a, String(k)), String(k))).toBe(formatDecimal(parseDecimal(a)));
      }),
    );
  });
});
