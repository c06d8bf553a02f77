import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMappings, testMapping } from "../../src/cli/mapping-command.js";

const agreement = {
  eventId: "e1",
  eventType: "AGREEMENT_AMENDED",
  agreement: {
    agreementNo: "AGR-1",
    amendmentNo: 2,
    title: "Gloves",
    vendorCode: "VND-1",
    currencyCode: "USD",
    startDate: "2026-01-01",
    endDate: "2026-12-31",
    priceBasis: "ORDER_DATE",
    pricing: [{ lineRef: 1, itemCode: "CLM-ITM-1", uom: "BX", price: "10.25", tiers: [] }],
    sites: [],
  },
};

describe("concord mapping", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "concord-mapping-"));
    await writeFile(join(dir, "agreement.json"), JSON.stringify(agreement));
    await writeFile(
      join(dir, "xrefs.json"),
      JSON.stringify([
        { system: "clm", entityType: "supplier", localId: "VND-1", canonicalId: "sup-1" },
        { system: "clm", entityType: "item", localId: "CLM-ITM-1", canonicalId: "itm-1" },
        { system: "erp", entityType: "item", localId: "CLM-ITM-1", canonicalId: "itm-9" },
      ]),
    );
    await writeFile(join(dir, "broken.json"), "{ not json");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("lists every mapping with its version and direction", () => {
    const list = listMappings();
    for (const name of ["clm.agreement@1", "procurement.contract-catalog@1", "erp.blanket-agreement@1"]) {
      expect(list).toContain(name);
    }
  });

  it("maps a sample with the given cross-references of the mapping's own system, and comes out clean", async () => {
    const { report, clean } = await testMapping({
      name: "clm.agreement",
      samplePath: join(dir, "agreement.json"),
      xrefsPath: join(dir, "xrefs.json"),
    });
    expect(clean).toBe(true);
    const out = JSON.parse(report);
    expect(out.value).toMatchObject({
      supplierId: "sup-1",
      priceLines: [{ itemId: "itm-1", uom: "box", unitPrice: "10.25" }],
    });
    expect(out.issues).toEqual([]);
  });

  it("reports every unresolved id with its path instead of stopping at the first", async () => {
    const { report, clean } = await testMapping({ name: "clm.agreement", samplePath: join(dir, "agreement.json") });
    expect(clean).toBe(false);
    expect(JSON.parse(report).issues.map((i: { path: string }) => i.path)).toEqual([
      "/agreement/vendorCode",
      "/agreement/pricing/0/itemCode",
    ]);
  });

  it("says what is wrong with the command's input: unknown mapping, unreadable or non-JSON sample", async () => {
    await expect(testMapping({ name: "nope", samplePath: "x" })).rejects.toThrow(
      /no mapping named "nope"; known: clm.agreement/,
    );
    await expect(testMapping({ name: "clm.agreement", samplePath: join(dir, "missing.json") })).rejects.toThrow(
      /cannot read the sample/,
    );
    await expect(testMapping({ name: "clm.agreement", samplePath: join(dir, "broken.json") })).rejects.toThrow(
      /is not JSON/,
    );
    await expect(
      testMapping({
        name: "clm.agreement",
        samplePath: join(dir, "agreement.json"),
        xrefsPath: join(dir, "agreement.json"),
      }),
    ).rejects.toThrow(/must hold an array of/);
  });
});
