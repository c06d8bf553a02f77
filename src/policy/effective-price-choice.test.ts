import { describe, expect, it } from "vitest";
import { contract, drape, line, q } from "./effective-price.fixtures.js";
import { resolveEffectivePrice } from "./effective-price.js";

describe("resolveEffectivePrice: several contracts", () => {
  const gpo = contract();
  const local = contract({ id: "ct-local", number: "LOC-7", priceLines: [line({ unitPrice: "64.99" })] });

  it("chooses the lowest price", () => {
    expect(resolveEffectivePrice([gpo, local], q("2025-06-15"))?.contractId).toBe("ct-local");
    expect(resolveEffectivePrice([local, gpo], q("2025-06-15"))?.contractId).toBe("ct-local");
  });

  it("breaks ties by higher version, then lower contract id", () => {
    const sameA = contract({ id: "ct-b", version: 4 });
    const sameB = contract({ id: "ct-a", version: 2 });
    const sameC = contract({ id: "ct-0", version: 4 });
    expect(resolveEffectivePrice([sameA, sameB], q("2025-06-15"))?.contractId).toBe("ct-b");
    expect(resolveEffectivePrice([sameA, sameB, sameC], q("2025-06-15"))?.contractId).toBe("ct-0");
  });

  it("compares prices per base unit across uoms when the item is known", () => {
    const perEach = contract({ id: "ct-each", priceLines: [line({ uom: "each", unitPrice: "3.30" })] });
    const items = new Map([[drape.id, drape]]);
    // 65.00 / 20 = 3.25 per each beats 3.30 per each.
    expect(resolveEffectivePrice([perEach, gpo], q("2025-06-15"), items)?.contractId).toBe("ct-gpo");
    const cheaper = contract({ id: "ct-each", priceLines: [line({ uom: "each", unitPrice: "3.2499" })] });
    expect(resolveEffectivePrice([cheaper, gpo], q("2025-06-15"), items)?.contractId).toBe("ct-each");
  });

  it("without packaging, compares only within one uom and prefers the UOMS order", () => {
    const perEach = contract({ id: "ct-each", priceLines: [line({ uom: "each", unitPrice: "99" })] });
    expect(resolveEffectivePrice([perEach, gpo], q("2025-06-15"))?.contractId).toBe("ct-each");
    expect(resolveEffectivePrice([perEach, gpo], q("2025-06-15", { uom: "case" }))?.contractId).toBe("ct-gpo");
  });

  it("refuses to compare across currencies", () => {
    const cad = contract({ id: "ct-cad", currency: "CAD", priceLines: [line({ unitPrice: "1" })] });
    expect(() => resolveEffectivePrice([gpo, cad], q("2025-06-15"))).toThrow(/across currencies/);
  });

  it("skips an expired contract in favour of a live one", () => {
    const expired = contract({
      id: "ct-old",
      expiresOn: "2025-03-31",
      priceLines: [line({ unitPrice: "1" })],
    });
    expect(resolveEffectivePrice([expired, gpo], q("2025-04-01"))?.contractId).toBe("ct-gpo");
    expect(resolveEffectivePrice([expired, gpo], q("2025-03-31"))?.contractId).toBe("ct-old");
  });
});
