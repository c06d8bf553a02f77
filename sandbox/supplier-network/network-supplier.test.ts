import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_SEED, generateHealthSystem } from "../generator/index.js";
import { demoRequisitions } from "../procurement/requisition-demo.js";
import { networkSupplierOf } from "./network-supplier.js";
import { networkRuleFor } from "./order-rule.js";

describe("the supplier the sandbox orders through the network", () => {
  const dataset = generateHealthSystem({ seed: DEFAULT_SEED, preloadTargets: true });
  // The choice depends on the contracts in force "today"; the generated contracts have fixed dates,
  // so the test pins the day (npm start uses the real one).
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-25T12:00:00Z"));
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  it("is chosen deterministically, with lines of each of the network's answers at one facility", () => {
    const chosen = networkSupplierOf(dataset)!;
    expect(networkSupplierOf(generateHealthSystem({ seed: DEFAULT_SEED, preloadTargets: true }))).toEqual(chosen);
    expect(new Set(chosen.lines.map((l) => l.kind))).toEqual(new Set(["accept", "allocate", "reject"]));
    for (const l of chosen.lines) {
      expect(l.contract.supplierId).toBe(chosen.supplierId);
      expect(l.facilityId).toBe(chosen.facilityId);
      expect(l.kind).toBe(networkRuleFor(l.item.id));
    }
  });

  it("gets the demo's requisition 07 only: no other demo requisition names one of its items", () => {
    const chosen = networkSupplierOf(dataset)!;
    const its = new Set(
      dataset.canonical.contracts
        .filter((k) => k.supplierId === chosen.supplierId)
        .flatMap((k) => k.priceLines.map((l) => l.itemId)),
    );
    const demo = demoRequisitions(dataset);
    const seventh = demo.find((r) => r.body.id.endsWith("-07"))!;
    expect(seventh.body.facilityId).toBe(chosen.facilityId);
    expect(seventh.body.lines.map((l) => networkRuleFor(l.itemId))).toEqual(["accept", "allocate", "reject"]);
    expect(seventh.body.lines.every((l) => its.has(l.itemId) && Number(l.quantity) > 1)).toBe(true);
    const others = demo.filter((r) => r !== seventh).flatMap((r) => r.body.lines.map((l) => l.itemId));
    expect(others.length).toBeGreaterThan(5);
    expect(others.filter((i) => its.has(i))).toEqual([]);
  });
});
