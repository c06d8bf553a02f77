import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type Contract, dateInWindow, type Eligibility, type PriceLine } from "../model/index.js";
import { resolveEffectivePrice } from "./effective-price.js";

/** A small world (2 contracts, 2 items, 2 facilities, ~4 months) so generated versions collide often. */
const day = fc.integer({ min: 0, max: 120 }).map((n) => addDays("2025-01-01", n));
const window = fc.tuple(day, day).map(([a, b]): [string, string] => (a <= b ? [a, b] : [b, a]));
const price = fc.integer({ min: 0, max: 50_000 }).map((cents) => (cents / 100).toFixed(2));

const lineArb = (lineNo: number, itemId: string, uom: "each" | "case", from: string, to: string) =>
  fc
    .record({
      unitPrice: price,
      tierPrices: fc.uniqueArray(fc.record({ tier: fc.integer({ min: 1, max: 3 }), unitPrice: price }), {
        selector: (t) => t.tier,
        maxLength: 3,
      }),
      lineWindow: fc.option(fc.tuple(day, day), { nil: undefined }),
    })
    .map(({ unitPrice, tierPrices, lineWindow }): PriceLine => {
      const base = { lineNo, itemId, uom, unitPrice, tierPrices };
      if (!lineWindow) return base;
      // Keep the line inside the contract window, as checkContractRules demands of released versions.
      const clamp = (d: string) => (d < from ? from : d > to ? to : d);
      const [lo, hi] = [clamp(lineWindow[0]), clamp(lineWindow[1])].sort();
      return { ...base, effectiveFrom: lo, expiresOn: hi };
    });

const eligibilityArb: fc.Arbitrary<Eligibility[]> = fc
  .array(
    fc.record({
      facilityId: fc.constantFrom("f1", "f2"),
      tier: fc.integer({ min: 1, max: 3 }),
      w: window,
      open: fc.boolean(),
    }),
    { maxLength: 4 },
  )
  .map((es) =>
    es.map(
      ({ facilityId, tier, w, open }): Eligibility =>
        open ? { facilityId, tier, from: w[0] } : { facilityId, tier, from: w[0], to: w[1] },
    ),
  );

const versionArb: fc.Arbitrary<Contract> = fc
  .record({ id: fc.constantFrom("c1", "c2"), version: fc.integer({ min: 1, max: 4 }), w: window })
  .chain(({ id, version, w }) =>
    fc
      .record({
        slots: fc.uniqueArray(
          fc.tuple(fc.constantFrom("i1", "i2"), fc.constantFrom("each" as const, "case" as const)),
          { minLength: 1, maxLength: 4, selector: ([i, u]) => `${i}/${u}` },
        ),
        eligibility: eligibilityArb,
      })
      .chain(({ slots, eligibility }) =>
        fc.tuple(...slots.map(([itemId, uom], k) => lineArb(k + 1, itemId, uom, w[0], w[1]))).map(
          (priceLines): Contract => ({
            kind: "contract",
            id,
            number: id.toUpperCase(),
            version,
            title: "generated",
            supplierId: "s1",
            currency: "USD",
            effectiveFrom: w[0],
            expiresOn: w[1],
            pricingDateBasis: "order-date",
            priceLines,
            eligibility,
            rebates: [],
          }),
        ),
      ),
  );

const worldArb = fc.uniqueArray(versionArb, { maxLength: 6, selector: (c) => `${c.id}@${c.version}` });
const queryArb = fc.record({
  itemId: fc.constantFrom("i1", "i2"),
  facilityId: fc.constantFrom("f1", "f2"),
  on: day,
  uom: fc.option(fc.constantFrom("each" as const, "case" as const), { nil: undefined }),
});

describe("resolveEffectivePrice properties", () => {
  it("an answer is valid on its date, for an eligible facility, at a price its line states", () => {
    fc.assert(
      fc.property(worldArb, queryArb, (versions, q) => {
        const answer = resolveEffectivePrice(versions, q);
        if (!answer) return;
        expect(answer.validFrom <= q.on && q.on <= answer.validTo).toBe(true);
        const versionsOfContract = versions.filter((v) => v.id === answer.contractId);
        const eligible = versionsOfContract.some((v) =>
          v.eligibility.some((e) => e.facilityId === q.facilityId && dateInWindow(q.on, e.from, e.to)),
        );
        expect(eligible).toBe(true);
        const source = versionsOfContract.find((v) => v.version === answer.version)!;
        const line = source.priceLines.find((l) => l.lineNo === answer.lineNo)!;
        expect(line.itemId).toBe(q.itemId);
        if (q.uom) expect(answer.uom).toBe(q.uom);
        const stated =
          answer.tier === null ? line.unitPrice : line.tierPrices.find((t) => t.tier === answer.tier)?.unitPrice;
        expect(answer.unitPrice).toBe(stated);
      }),
      { numRuns: 500 },
    );
  });

  it("does not depend on the order versions arrive in", () => {
    fc.assert(
      fc.property(worldArb, queryArb, fc.infiniteStream(fc.double({ noNaN: true })), (versions, q, keys) => {
        const ranks = new Map(versions.map((v) => [v, keys.next().value as number]));
        const shuffled = [...versions].sort((a, b) => ranks.get(a)! - ranks.get(b)!);
        expect(resolveEffectivePrice(shuffled, q)).toEqual(resolveEffectivePrice(versions, q));
      }),
      { numRuns: 300 },
    );
  });
});
