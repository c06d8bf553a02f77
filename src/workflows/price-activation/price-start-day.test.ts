import { describe, expect, it } from "vitest";
import { amendment, contractV1 } from "../../../test/support/small-health-system.js";
import { priceStartDay } from "./price-start-day.js";

describe("priceStartDay: when an amendment's new prices start", () => {
  it("is the earliest start of a changed line, not the contract's original start", () => {
    const v1 = contractV1();
    expect(priceStartDay(amendment(v1, 2, "2027-01-01"), v1)).toBe("2027-01-01");
    const v2 = amendment(v1, 2, "2027-01-01");
    const v3 = {
      ...v2,
      version: 3,
      priceLines: [
        v2.priceLines[0]!,
        { ...v2.priceLines[1]!, unitPrice: "99.00", effectiveFrom: "2027-03-01" },
        v2.priceLines[2]!,
      ],
    };
    expect(priceStartDay(v3, v2)).toBe("2027-03-01");
  });

  it("is the contract's start for a new contract, a version that re-prices nothing, or a line dated before it", () => {
    const v1 = contractV1();
    expect(priceStartDay(v1, undefined)).toBe("2026-01-01");
    expect(priceStartDay({ ...v1, version: 2, rebates: [] }, v1)).toBe("2026-01-01");
    expect(priceStartDay({ ...amendment(v1, 2, "2025-06-01") }, v1)).toBe("2026-01-01");
  });
});
