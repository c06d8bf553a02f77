import { text } from "node:stream/consumers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Contract, gtinCheckDigit, type Item, type Supplier, UOMS } from "../../model/index.js";
import type { CsvKind, CsvRecordTypes } from "./csv-kind.js";
import { readCsv } from "./read-csv.js";
import { writeCsv } from "./write-csv.js";

/** Cells are trimmed on import, so generated text has no outer spaces; it does carry commas, quotes and newlines. */
const freeText = (max: number) =>
  fc
    .string({ unit: fc.constantFrom("A", "z", "0", " ", ",", '"', "\n", "é", "–", "'"), minLength: 1, maxLength: max })
    .filter((s) => s.trim() === s && s !== "");
const id = fc.stringMatching(/^[a-z][a-z0-9._:/-]{0,20}$/);
const price = fc.stringMatching(/^(0|[1-9]\d{0,6})(\.\d{1,4})?$/);
const gtin14 = fc.stringMatching(/^\d{13}$/).map((body) => `${body}${gtinCheckDigit(body)}`);
const uom = fc.constantFrom(...UOMS);

const supplier: fc.Arbitrary<Supplier> = fc.record(
  {
    kind: fc.constant("supplier" as const),
    id,
    name: freeText(40),
    status: fc.constantFrom("active" as const, "onboarding" as const, "inactive" as const),
    duns: fc.option(fc.stringMatching(/^\d{9}$/), { nil: undefined }),
    paymentTermsNetDays: fc.integer({ min: 0, max: 180 }),
    remitTo: fc.record(
      {
        line1: freeText(30),
        line2: fc.option(freeText(30), { nil: undefined }),
        city: freeText(20),
        region: fc.stringMatching(/^[A-Z]{2}$/),
        postalCode: fc.stringMatching(/^\d{5}(-\d{4})?$/),
        country: fc.constant("US"),
      },
      { requiredKeys: ["line1", "city", "region", "postalCode", "country"] },
    ),
  },
  { requiredKeys: ["kind", "id", "name", "status", "paymentTermsNetDays", "remitTo"] },
);

const item: fc.Arbitrary<Item> = fc.record(
  {
    kind: fc.constant("item" as const),
    id,
    description: freeText(60),
    manufacturerName: freeText(20),
    manufacturerPartNo: fc.stringMatching(/^[A-Z0-9-]{1,12}$/),
    gtin: fc.option(gtin14, { nil: undefined }),
    unspsc: fc.stringMatching(/^[1-9]\d{7}$/),
    baseUom: uom,
    packaging: fc.array(
      fc.record(
        { uom, quantityOfBase: fc.integer({ min: 1, max: 1_000_000 }), gtin: fc.option(gtin14, { nil: undefined }) },
        { requiredKeys: ["uom", "quantityOfBase"] },
      ),
      { minLength: 1, maxLength: 8 },
    ),
    clinicalCategory: fc.constantFrom("med-surg" as const, "implant" as const, "lab" as const),
    status: fc.constantFrom("active" as const, "inactive" as const),
  },
  {
    requiredKeys: [
      "kind",
      "id",
      "description",
      "manufacturerName",
      "manufacturerPartNo",
      "unspsc",
      "baseUom",
      "packaging",
      "clinicalCategory",
      "status",
    ],
  },
);

const priceLines = fc
  .uniqueArray(fc.tuple(id, uom), { minLength: 1, maxLength: 12, selector: ([i, u]) => `${i}|${u}` })
  .chain((pairs) =>
    fc.tuple(
      ...pairs.map(([itemId, u], n) =>
        fc.record(
          {
            lineNo: fc.constant(n + 1),
            itemId: fc.constant(itemId),
            uom: fc.constant(u),
            unitPrice: price,
            // Read back in tier order, so generated in tier order.
            tierPrices: fc
              .uniqueArray(fc.integer({ min: 1, max: 9 }), { maxLength: 3 })
              .chain((tiers) =>
                fc.tuple(
                  ...[...tiers]
                    .sort((a, b) => a - b)
                    .map((tier) => fc.record({ tier: fc.constant(tier), unitPrice: price })),
                ),
              ),
            effectiveFrom: fc.option(fc.constantFrom("2025-01-01", "2025-06-30"), { nil: undefined }),
          },
          { requiredKeys: ["lineNo", "itemId", "uom", "unitPrice", "tierPrices"] },
        ),
      ),
    ),
  );

const contract = (n: number): fc.Arbitrary<Contract> =>
  fc.record({
    kind: fc.constant("contract" as const),
    id,
    number: fc.constant(`GPO-${n}`),
    version: fc.integer({ min: 1, max: 1_000_000 }),
    title: freeText(40),
    supplierId: id,
    currency: fc.constantFrom("USD", "CAD"),
    effectiveFrom: fc.constant("2025-01-01"),
    expiresOn: fc.constantFrom("2025-12-31", "2027-06-30"),
    pricingDateBasis: fc.constantFrom("order-date" as const, "ship-date" as const),
    priceLines,
    eligibility: fc.constant([]),
    rebates: fc.constant([]),
  });
const contracts = fc
  .integer({ min: 1, max: 4 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => contract(i))));

/** Optional keys left undefined by the generators are absent after a round trip. */
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

async function roundTrip<K extends CsvKind>(kind: K, records: readonly CsvRecordTypes[K][]) {
  const csv = await text(writeCsv(kind, records));
  const back: unknown[] = [];
  for await (const r of readCsv(kind, [csv])) {
    if ("issues" in r) throw new Error(`row ${r.line}: ${JSON.stringify(r.issues)}\n${csv}`);
    back.push(r.record);
  }
  return back;
}

describe("writeCsv then readCsv is the identity", () => {
  it("for suppliers", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(supplier, { maxLength: 5 }), async (s) => {
        expect(await roundTrip("supplier", s)).toEqual(plain(s));
      }),
      { numRuns: 60 },
    );
  });

  it("for items", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(item, { maxLength: 5 }), async (items) => {
        expect(await roundTrip("item", items)).toEqual(plain(items));
      }),
      { numRuns: 60 },
    );
  });

  it("for contracts (price lines, tiers; eligibility and rebates are not in the file)", async () => {
    await fc.assert(
      fc.asyncProperty(contracts, async (cs) => {
        expect(await roundTrip("contract-price", cs)).toEqual(plain(cs));
      }),
      { numRuns: 60 },
    );
  });
});

describe("writeCsv", () => {
  it("writes the header even for no records, so an empty export is still a readable file", async () => {
    const csv = await text(writeCsv("supplier", []));
    expect(csv.split("\n")[0]).toMatch(/^supplier_id,name,status,/);
    expect(csv.trim().split("\n")).toHaveLength(1);
  });

  it("fails the stream when handed a record of another kind", async () => {
    const s = fc.sample(supplier, 1)[0]!;
    await expect(text(writeCsv("item", [s as unknown as Item]))).rejects.toThrow(/got a supplier record/);
  });
});
