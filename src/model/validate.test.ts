import { describe, expect, it } from "vitest";
import type { Contract } from "./schemas/contract.js";
import { checkContractRules, fieldName, MAX_SCHEMA_ISSUES, validateEntity } from "./validate.js";

const contract: Contract = {
  kind: "contract",
  id: "ct-1",
  number: "CT21000",
  version: 1,
  title: "Drapes",
  supplierId: "sup-1",
  currency: "USD",
  effectiveFrom: "2025-01-01",
  expiresOn: "2025-12-31",
  pricingDateBasis: "order-date",
  priceLines: [
    {
      lineNo: 1,
      itemId: "item-1",
      uom: "case",
      unitPrice: "65.00",
      tierPrices: [{ tier: 1, unitPrice: "62.20" }],
    },
    {
      lineNo: 2,
      itemId: "item-2",
      uom: "box",
      unitPrice: "12.5",
      tierPrices: [],
      effectiveFrom: "2025-03-01",
    },
  ],
  eligibility: [
    { facilityId: "fac-1", tier: 1, from: "2025-01-01", to: "2025-04-30" },
    { facilityId: "fac-1", tier: 2, from: "2025-05-01" },
  ],
  rebates: [{ kind: "admin-fee", percent: "3", period: "quarterly" }],
};

const rulesOf = (c: Contract) => checkContractRules(c).map((i) => [i.rule, i.path]);

describe("validateEntity", () => {
  it("accepts a valid contract and returns it typed", () => {
    const result = validateEntity("contract", contract);
    expect(result).toEqual({ ok: true, value: contract });
  });

  it("reports schema issues with JSON pointers and readable messages naming the field", () => {
    const bad = {
      ...contract,
      currency: "usd",
      expiresOn: undefined,
      priceLines: [{ ...contract.priceLines[0], uom: "CS", unitPrice: "1.23456", extra: 1 }],
    };
    const result = validateEntity("contract", bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual(
      expect.arrayContaining([
        { path: "/expiresOn", rule: "schema", message: "expiresOn is required" },
        { path: "/currency", rule: "schema", message: 'currency must be ISO 4217 code, got "usd"' },
        { path: "/priceLines/0/extra", rule: "schema", message: "priceLines[0].extra is not a known field" },
        expect.objectContaining({
          path: "/priceLines/0/uom",
          message: expect.stringMatching(/^priceLines\[0\]\.uom must be one of each, box, case.*got "CS"$/),
        }),
        {
          path: "/priceLines/0/unitPrice",
          rule: "schema",
          message:
            'priceLines[0].unitPrice must be a non-negative decimal with up to 14 integer digits and 4 decimals, e.g. 12.3456, got "1.23456"',
        },
      ]),
    );
    expect(result.issues.filter((i) => i.path === "/expiresOn")).toHaveLength(1);
  });

  it("validates the other entity kinds", () => {
    expect(validateEntity("purchasing-entity", { kind: "purchasing-entity", id: "pe-1", name: "IDN" }).ok).toBe(true);
    const result = validateEntity("item", { kind: "item" });
    expect(result.ok).toBe(false);
    expect(validateEntity("supplier", null)).toMatchObject({
      ok: false,
      issues: [{ path: "", rule: "schema" }],
    });
    expect(validateEntity("facility", {}).ok).toBe(false);
    expect(validateEntity("cost-center", {}).ok).toBe(false);
  });

  it("caps the number of schema issues", () => {
    const lines = Array.from({ length: 300 }, (_, i) => ({
      ...contract.priceLines[0],
      lineNo: i + 1,
      unitPrice: "x",
    }));
    const result = validateEntity("contract", { ...contract, priceLines: lines });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(MAX_SCHEMA_ISSUES + 1);
    expect(result.issues.at(-1)).toMatchObject({
      rule: "schema.truncated",
      message: "200 more schema issues not listed",
    });
  });

  it("runs the business rules after the schema", () => {
    const result = validateEntity("contract", { ...contract, expiresOn: "2024-12-31" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.rule)).toContain("contract.dates-ordered");
  });

  it("names fields from pointers", () => {
    expect(fieldName("/priceLines/3/unitPrice")).toBe("priceLines[3].unitPrice");
    expect(fieldName("")).toBe("value");
    expect(fieldName("/a~1b/0")).toBe("a/b[0]");
  });
});

describe("checkContractRules", () => {
  it("passes a sound contract", () => {
    expect(checkContractRules(contract)).toEqual([]);
  });

  it("requires expiresOn on or after effectiveFrom", () => {
    expect(rulesOf({ ...contract, expiresOn: "2024-06-30", priceLines: [contract.priceLines[0]!] })).toEqual([
      ["contract.dates-ordered", "/expiresOn"],
    ]);
  });

  it("flags duplicate line numbers and duplicate (item, uom)", () => {
    const dup = { ...contract.priceLines[0]!, lineNo: 1 };
    expect(rulesOf({ ...contract, priceLines: [...contract.priceLines, dup] })).toEqual([
      ["contract.line-no-unique", "/priceLines/2/lineNo"],
      ["contract.line-item-uom-unique", "/priceLines/2"],
    ]);
    const otherUom = { ...contract.priceLines[0]!, lineNo: 3, uom: "each" as const };
    expect(rulesOf({ ...contract, priceLines: [...contract.priceLines, otherUom] })).toEqual([]);
  });

  it("keeps line windows inside the contract and ordered", () => {
    const lines = [
      { ...contract.priceLines[0]!, effectiveFrom: "2024-12-01" },
      { ...contract.priceLines[1]!, effectiveFrom: "2025-06-01", expiresOn: "2025-05-31" },
      {
        lineNo: 3,
        itemId: "item-3",
        uom: "each" as const,
        unitPrice: "1",
        tierPrices: [],
        expiresOn: "2026-01-01",
      },
    ];
    expect(rulesOf({ ...contract, priceLines: lines })).toEqual([
      ["contract.line-inside-contract", "/priceLines/0/effectiveFrom"],
      ["contract.line-dates-ordered", "/priceLines/1/expiresOn"],
      ["contract.line-inside-contract", "/priceLines/2/expiresOn"],
    ]);
  });

  it("requires unique tiers per line", () => {
    const line = {
      ...contract.priceLines[0]!,
      tierPrices: [
        { tier: 1, unitPrice: "1" },
        { tier: 1, unitPrice: "2" },
      ],
    };
    expect(rulesOf({ ...contract, priceLines: [line] })).toEqual([
      ["contract.tier-unique", "/priceLines/0/tierPrices/1/tier"],
    ]);
  });

  it("checks eligibility windows for order and overlap", () => {
    const eligibility = [
      { facilityId: "fac-1", tier: 1, from: "2025-01-01", to: "2025-06-30" },
      { facilityId: "fac-1", tier: 2, from: "2025-06-30" },
      { facilityId: "fac-2", tier: 1, from: "2025-03-01", to: "2025-02-01" },
      { facilityId: "fac-3", tier: 1, from: "2025-01-01" },
      { facilityId: "fac-3", tier: 1, from: "2025-12-01", to: "2025-12-31" },
      { facilityId: "fac-4", tier: 1, from: "2025-01-01", to: "2025-12-31" },
      { facilityId: "fac-4", tier: 1, from: "2025-02-01", to: "2025-02-28" },
      { facilityId: "fac-4", tier: 1, from: "2025-03-01", to: "2025-03-31" },
    ];
    expect(rulesOf({ ...contract, eligibility })).toEqual([
      ["contract.eligibility-dates-ordered", "/eligibility/2/to"],
      ["contract.eligibility-overlap", "/eligibility/1"],
      ["contract.eligibility-overlap", "/eligibility/4"],
      ["contract.eligibility-overlap", "/eligibility/6"],
      ["contract.eligibility-overlap", "/eligibility/7"],
    ]);
  });

  it("keeps rebate percents between 0 and 100", () => {
    const rebates = [
      { kind: "volume" as const, percent: "100", period: "annual" as const },
      { kind: "volume" as const, percent: "100.01", period: "annual" as const },
      { kind: "growth" as const, percent: "-1", period: "annual" as const },
    ];
    expect(rulesOf({ ...contract, rebates })).toEqual([
      ["contract.rebate-percent-range", "/rebates/1/percent"],
      ["contract.rebate-percent-range", "/rebates/2/percent"],
    ]);
  });
});
