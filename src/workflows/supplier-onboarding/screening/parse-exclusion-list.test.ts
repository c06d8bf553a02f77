import { createReadStream } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ExclusionEntry } from "./exclusion-entry.js";
import { parseExclusionList } from "./parse-exclusion-list.js";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const all = async (it: AsyncIterable<ExclusionEntry>) => {
  const out: ExclusionEntry[] = [];
  for await (const e of it) out.push(e);
  return out;
};

describe("exclusion list files", () => {
  it("reads the LEIE UPDATED.csv layout: businesses by BUSNAME, people by name, reinstated ones left out", async () => {
    const entries = await all(parseExclusionList("leie", createReadStream(fixture("leie-updated.csv")), "2026-01-01"));
    expect(entries.map((e) => [e.name, e.entityKind, e.excludedOn, e.exclusionType])).toEqual([
      ["SHADY MEDICAL SUPPLY, INC", "entity", "2019-03-12", "1128a1"],
      ["JOHN Q DOE", "individual", "2020-01-15", "1128b4"],
    ]);
    expect(entries[0]!.ids).toEqual({});
    expect(entries[1]!.ids).toEqual({ npi: "1234567893" });
    expect(entries[0]!.address).toBe("12 HARBOR RD, MIAMI, FL, 33101");
  });

  it("reads the SAM exclusions extract: firms by Name, individuals by First/Last, lapsed exclusions left out", async () => {
    const entries = await all(parseExclusionList("sam", createReadStream(fixture("sam-exclusions.csv")), "2026-01-01"));
    expect(entries.map((e) => [e.name, e.entityKind, e.excludedOn])).toEqual([
      ["DEBARRED DEVICES CORPORATION", "entity", "2022-03-15"],
      ["JANE ROE", "individual", "2023-06-01"],
    ]);
    expect(entries[0]!.ids).toEqual({ uei: "KX3LM9PQ2ZT1", cage: "1AB23" });
  });

  it("refuses a file of the other layout, naming the missing columns", async () => {
    await expect(
      all(parseExclusionList("sam", createReadStream(fixture("leie-updated.csv")), "2026-01-01", "UPDATED.csv")),
    ).rejects.toMatchObject({
      code: "CONCORD_ERR_SCREENING_LIST",
      extras: { missing: expect.arrayContaining(["Classification"]) },
    });
  });
});
