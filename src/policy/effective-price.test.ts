import { describe, expect, it } from "vitest";
import { contract, line, q } from "./effective-price.fixtures.js";
import { resolveEffectivePrice } from "./effective-price.js";

describe("resolveEffectivePrice: one contract", () => {
  it("prices an eligible facility inside the windows", () => {
    expect(resolveEffectivePrice([contract()], q("2025-06-15"))).toEqual({
      contractId: "ct-gpo",
      contractNumber: "CT21000",
      version: 1,
      lineNo: 1,
      itemId: "item-drape",
      facilityId: "fac-1",
      uom: "case",
      unitPrice: "65.00",
      currency: "USD",
      tier: null,
      validFrom: "2025-01-01",
      validTo: "2025-12-31",
      on: "2025-06-15",
    });
  });

  it("has no price before the start or after expiry (inclusive ends)", () => {
    expect(resolveEffectivePrice([contract()], q("2024-12-31"))).toBeUndefined();
    expect(resolveEffectivePrice([contract()], q("2026-01-01"))).toBeUndefined();
    expect(resolveEffectivePrice([contract()], q("2025-12-31"))?.unitPrice).toBe("65.00");
  });

  it("skips a facility that is not on the roster", () => {
    expect(resolveEffectivePrice([contract()], q("2025-06-15", { facilityId: "fac-2" }))).toBeUndefined();
  });

  it("honours the eligibility window end and clips validity to it", () => {
    const c = contract({
      eligibility: [{ facilityId: "fac-1", tier: 1, from: "2025-02-01", to: "2025-06-30" }],
    });
    expect(resolveEffectivePrice([c], q("2025-01-31"))).toBeUndefined();
    expect(resolveEffectivePrice([c], q("2025-07-01"))).toBeUndefined();
    expect(resolveEffectivePrice([c], q("2025-06-30"))).toMatchObject({
      validFrom: "2025-02-01",
      validTo: "2025-06-30",
    });
  });

  it("applies the facility's tier price, and the tier in force on the date", () => {
    const c = contract({
      priceLines: [
        line({
          tierPrices: [
            { tier: 2, unitPrice: "62.20" },
            { tier: 3, unitPrice: "58.75" },
          ],
        }),
      ],
      eligibility: [
        { facilityId: "fac-1", tier: 2, from: "2025-01-01", to: "2025-04-30" },
        { facilityId: "fac-1", tier: 3, from: "2025-05-01" },
        { facilityId: "fac-2", tier: 1, from: "2025-01-01" },
      ],
    });
    expect(resolveEffectivePrice([c], q("2025-04-30"))).toMatchObject({
      unitPrice: "62.20",
      tier: 2,
      validTo: "2025-04-30",
    });
    expect(resolveEffectivePrice([c], q("2025-05-01"))).toMatchObject({
      unitPrice: "58.75",
      tier: 3,
      validFrom: "2025-05-01",
    });
    // Tier 1 has no tier price on the line: the base price applies and the answer says so.
    expect(resolveEffectivePrice([c], q("2025-05-01", { facilityId: "fac-2" }))).toMatchObject({
      unitPrice: "65.00",
      tier: null,
    });
  });

  it("respects the line's own window", () => {
    const c = contract({ priceLines: [line({ effectiveFrom: "2025-03-01", expiresOn: "2025-09-30" })] });
    expect(resolveEffectivePrice([c], q("2025-02-28"))).toBeUndefined();
    expect(resolveEffectivePrice([c], q("2025-10-01"))).toBeUndefined();
    expect(resolveEffectivePrice([c], q("2025-05-01"))).toMatchObject({
      validFrom: "2025-03-01",
      validTo: "2025-09-30",
    });
  });

  it("filters by uom when asked, and has no price for an item not on the contract", () => {
    expect(resolveEffectivePrice([contract()], q("2025-06-15", { uom: "each" }))).toBeUndefined();
    expect(resolveEffectivePrice([contract()], q("2025-06-15", { uom: "case" }))?.lineNo).toBe(1);
    expect(resolveEffectivePrice([contract()], q("2025-06-15", { itemId: "item-other" }))).toBeUndefined();
  });

  it("rejects a malformed pricing date", () => {
    expect(() => resolveEffectivePrice([contract()], q("2025-02-30"))).toThrow(/invalid pricing date/);
  });
});

describe("resolveEffectivePrice: versions", () => {
  const v1 = contract();
  const v2 = contract({
    version: 2,
    priceLines: [line({ unitPrice: "60.00", effectiveFrom: "2025-07-01" })],
  });

  it("keeps the old price until a future-dated amendment's price starts", () => {
    expect(resolveEffectivePrice([v2, v1], q("2025-06-30"))).toMatchObject({
      version: 1,
      unitPrice: "65.00",
      validFrom: "2025-01-01",
      validTo: "2025-06-30",
    });
    expect(resolveEffectivePrice([v1, v2], q("2025-07-01"))).toMatchObject({
      version: 2,
      unitPrice: "60.00",
      validFrom: "2025-07-01",
      validTo: "2025-12-31",
    });
  });

  it("drops an item removed by the newest version at once", () => {
    const removed = contract({ version: 2, priceLines: [line({ itemId: "item-other" })] });
    expect(resolveEffectivePrice([v1, removed], q("2025-06-30"))).toBeUndefined();
  });

  it("has no price for an item whose first price is future-dated", () => {
    const added = contract({
      version: 2,
      priceLines: [line(), line({ lineNo: 2, itemId: "item-new", effectiveFrom: "2025-08-01" })],
    });
    expect(resolveEffectivePrice([v1, added], q("2025-07-01", { itemId: "item-new" }))).toBeUndefined();
    expect(resolveEffectivePrice([v1, added], q("2025-08-01", { itemId: "item-new" }))?.version).toBe(2);
  });

  it("ignores a renewal version until it starts, and clips validity to its start", () => {
    const renewal = contract({
      version: 3,
      effectiveFrom: "2026-01-01",
      expiresOn: "2026-12-31",
      priceLines: [line({ unitPrice: "55" })],
    });
    const early = contract({ ...v1, expiresOn: "2026-06-30" });
    expect(resolveEffectivePrice([early, renewal], q("2025-12-01"))).toMatchObject({
      version: 1,
      validTo: "2025-12-31",
    });
    expect(resolveEffectivePrice([v1, renewal], q("2026-01-02"))).toMatchObject({
      version: 3,
      unitPrice: "55",
    });
  });

  it("does not resurrect an older version after an amendment ends the contract early", () => {
    const terminated = contract({ version: 2, expiresOn: "2025-03-31" });
    expect(resolveEffectivePrice([v1, terminated], q("2025-03-31"))?.version).toBe(2);
    expect(resolveEffectivePrice([v1, terminated], q("2025-04-01"))).toBeUndefined();
  });

  it("takes eligibility from the newest started version", () => {
    const dropped = contract({ version: 2, eligibility: [] });
    expect(resolveEffectivePrice([v1, dropped], q("2025-06-30"))).toBeUndefined();
  });
});
