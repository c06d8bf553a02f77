import { describe, expect, it } from "vitest";
import { checkOwnership, DEFAULT_OWNERSHIP } from "./ownership.js";

const before = {
  number: "A",
  title: "T",
  priceLines: [{ itemId: "i", unitPrice: "1.00" }],
  eligibility: [],
  rebates: [],
};

describe("checkOwnership", () => {
  it("counts only the field groups whose values changed, whatever the key order", () => {
    const after = {
      rebates: [],
      eligibility: [],
      priceLines: [{ unitPrice: "2.00", itemId: "i" }],
      title: "T",
      number: "A",
    };
    expect(checkOwnership(DEFAULT_OWNERSHIP, "clm", "contract", before, after)).toEqual({
      allowed: true,
      changed: ["pricing"],
      denied: [],
    });
  });

  it("denies each changed group the system does not own, naming its owner", () => {
    const v = checkOwnership(DEFAULT_OWNERSHIP, "erp", "contract", before, {
      ...before,
      title: "X",
      priceLines: [],
    });
    expect(v.allowed).toBe(false);
    expect(v.denied).toEqual([
      { group: "terms", owner: "clm" },
      { group: "pricing", owner: "clm" },
    ]);
  });

  it("treats a new record as touching every group", () => {
    expect(checkOwnership(DEFAULT_OWNERSHIP, "clm", "contract", undefined, before).changed).toEqual([
      "terms",
      "pricing",
      "eligibility",
      "rebates",
    ]);
  });

  it("an absent field equals null, so echoing an unset optional field is no change", () => {
    const v = checkOwnership(
      DEFAULT_OWNERSHIP,
      "erp",
      "supplier",
      { name: "S", duns: undefined },
      { name: "S", duns: null },
    );
    expect(v.changed).toEqual([]);
    expect(v.allowed).toBe(true);
  });

  it("a system owning nothing of the entity may not write even an unchanged copy", () => {
    const v = checkOwnership(DEFAULT_OWNERSHIP, "procurement", "contract", before, { ...before });
    expect(v.allowed).toBe(false);
    expect(v.denied.map((d) => d.group)).toEqual(["terms", "pricing", "eligibility", "rebates"]);
  });

  it("follows configuration: a registry that gives pricing to procurement lets it change prices", () => {
    const config = { contract: { ...DEFAULT_OWNERSHIP.contract, pricing: "procurement" } };
    const v = checkOwnership(config, "procurement", "contract", before, { ...before, priceLines: [] });
    expect(v).toMatchObject({ allowed: true, changed: ["pricing"] });
  });
});

describe("checkOwnership value comparison", () => {
  it.each([
    [{ a: [1, { b: "x" }] }, { a: [1, { b: "x" }] }, true],
    [{ a: [1, 2] }, { a: [2, 1] }, false],
    [{ a: { b: 1, c: 2 } }, { a: { c: 2, b: 1 } }, true],
    [{ a: { b: 1 } }, { a: { b: 1, c: null } }, true],
    [{ a: { b: 1 } }, { a: { b: 1, c: 0 } }, false],
    [{ a: "1" }, { a: 1 }, false],
    [{ a: [] }, { a: {} }, false],
  ])("%j vs %j → same: %s", (x, y, same) => {
    const before = { number: "N", title: "T", priceLines: x };
    const after = { number: "N", title: "T", priceLines: y };
    expect(checkOwnership(DEFAULT_OWNERSHIP, "clm", "contract", before, after).changed).toEqual(
      same ? [] : ["pricing"],
    );
  });
});
