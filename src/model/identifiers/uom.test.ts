import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UOMS } from "../schemas/uom.js";
import { UnknownUomCodeError, uomFromCode, uomToCode } from "./uom.js";

describe("uom codes", () => {
  it("keeps the colliding codes apart", () => {
    expect(uomFromCode("x12", "CA")).toBe("case");
    expect(uomFromCode("cxml", "CA")).toBe("can");
    expect(uomFromCode("cxml", "CS")).toBe("case");
    expect(() => uomFromCode("x12", "CS")).toThrow('unknown x12 unit of measure "CS"');
    expect(uomToCode("x12", "case")).toBe("CA");
    expect(uomToCode("cxml", "case")).toBe("CS");
    expect(uomToCode("cxml", "dozen")).toBe("DZN");
  });

  it("is case-insensitive", () => {
    expect(uomFromCode("x12", "ea")).toBe("each");
    expect(uomFromCode("cxml", "dzn")).toBe("dozen");
  });

  it("throws a typed error naming the standard and code", () => {
    const err = (() => {
      try {
        uomFromCode("cxml", "XX");
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(UnknownUomCodeError);
    expect((err as Error).message).toBe('unknown cxml unit of measure "XX"');
    expect(() => uomFromCode("x12", "constructor")).toThrow(UnknownUomCodeError);
    expect(() => uomFromCode("x12", "__proto__")).toThrow(UnknownUomCodeError);
  });

  it("applies partner overrides before the standard table", () => {
    expect(uomFromCode("x12", "cs", { CS: "case" })).toBe("case");
    expect(uomFromCode("x12", "CA", { ca: "can" })).toBe("can");
    expect(uomFromCode("x12", "EA", { CS: "case" })).toBe("each");
    expect(() => uomFromCode("x12", "CS", { CS: "crate" as never })).toThrow(/unknown unit of measure "crate"/);
  });

  it.each(["x12", "cxml"] as const)("round-trips every canonical unit through %s", (standard) => {
    fc.assert(
      fc.property(fc.constantFrom(...UOMS), fc.boolean(), (uom, lower) => {
        const code = uomToCode(standard, uom);
        expect(uomFromCode(standard, lower ? code.toLowerCase() : code)).toBe(uom);
      }),
    );
    const codes = UOMS.map((u) => uomToCode(standard, u));
    expect(new Set(codes).size).toBe(UOMS.length);
  });
});
