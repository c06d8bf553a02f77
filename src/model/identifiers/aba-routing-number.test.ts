import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { abaCheckDigit, abaRoutingNumberProblem, isValidAbaRoutingNumber } from "./aba-routing-number.js";

describe("ABA routing numbers", () => {
  // Published routing numbers of Federal Reserve banks and large US banks.
  it.each(["011000015", "021000021", "026009593", "121000358", "322271627"])("%s is valid", (routing) => {
    expect(abaRoutingNumberProblem(routing)).toBeUndefined();
    expect(isValidAbaRoutingNumber(routing)).toBe(true);
  });

  it("computes the check digit with the 3-7-1 weights", () => {
    expect(abaCheckDigit("02100002")).toBe(1);
    expect(abaCheckDigit("01100001")).toBe(5);
    expect(() => abaCheckDigit("0210000")).toThrow("8 digits");
  });

  it("catches every single-digit typo", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const good = "021000021";
        const digit = (Number(good[position]) + delta) % 10;
        const typo = good.slice(0, position) + String(digit) + good.slice(position + 1);
        expect(isValidAbaRoutingNumber(typo)).toBe(false);
      }),
    );
  });

  it.each([
    ["021000022", /check digit/],
    ["02100002", /9 digits \(got 8 characters\)/],
    ["0210000210", /9 digits/],
    ["02100002x", /9 digits/],
    // 13… is no routing symbol even with a correct check digit.
    [`13000000${abaCheckDigit("13000000")}`, /routing symbol/],
  ])("refuses %s without repeating it", (routing, reason) => {
    const problem = abaRoutingNumberProblem(routing);
    expect(problem).toMatch(reason);
    expect(problem).not.toContain(routing);
  });
});
