import { describe, expect, it } from "vitest";
import { nameTokens, normalizeAddress, normalizeName, similarity } from "./name-similarity.js";

describe("name and address similarity", () => {
  it("drops legal forms, punctuation and case, so the same company under another suffix is the same name", () => {
    expect(normalizeName("Acme Medical Supply, Inc.")).toBe("ACME MEDICAL SUPPLY");
    expect(normalizeName("ACME MEDICAL SUPPLY LLC")).toBe("ACME MEDICAL SUPPLY");
    expect(normalizeName("Smith & Sons Co")).toBe("SMITH SONS");
  });

  it("scores a plural or a typo high and a different company sharing a word low", () => {
    const acme = normalizeName("Acme Medical Supply Inc");
    expect(similarity(acme, normalizeName("ACME MEDICAL SUPPLIES, LLC"))).toBeGreaterThanOrEqual(0.75);
    expect(similarity(acme, normalizeName("Acme Medcal Supply"))).toBeGreaterThanOrEqual(0.75);
    expect(similarity(acme, normalizeName("Zenith Medical Supply"))).toBeLessThan(0.6);
    expect(similarity(acme, normalizeName("Northwind Surgical"))).toBeLessThan(0.2);
  });

  it("compares addresses by street and 5-digit ZIP, whatever the abbreviations", () => {
    const a = normalizeAddress({ line1: "100 Main Street", line2: "Suite 4", postalCode: "60601-1234" });
    expect(a).toBe("100 MAIN ST STE 4 60601");
    expect(similarity(a, normalizeAddress({ line1: "100 MAIN ST STE 4", postalCode: "60601" }))).toBe(1);
    expect(similarity(a, normalizeAddress({ line1: "2200 Lakeshore Dr", postalCode: "60614" }))).toBeLessThan(0.3);
  });

  it("keeps only distinctive words as candidate tokens", () => {
    expect(nameTokens("ACME MEDICAL CO X")).toEqual(["ACME", "MEDICAL"]);
  });
});
