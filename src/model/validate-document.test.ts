import { describe, expect, it } from "vitest";
import { validateDocument } from "./validate-document.js";

const order = {
  kind: "purchase-order",
  id: "PO 4500012345",
  purpose: "original",
  orderDate: "2026-03-02",
  currency: "USD",
  parties: [{ role: "ship-to", name: "Mercy General", ids: [{ scheme: "gln", value: "0614141000012" }] }],
  lines: [
    {
      lineId: "1",
      item: { gtin: "00614141999996", supplierPartNo: "GL-200" },
      quantity: "4",
      uom: "case",
      unitPrice: "42.1000",
    },
  ],
};

describe("validateDocument", () => {
  it("accepts a purchase order whose item is known only by partner identifiers", () => {
    expect(validateDocument("purchase-order", order)).toEqual({ ok: true, value: order });
  });

  it("names the field and the rule when a line has no item identity and a float price", () => {
    const bad = { ...order, lines: [{ ...order.lines[0], item: {}, unitPrice: 42.1 }] };
    const result = validateDocument("purchase-order", bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((i) => i.path);
    expect(paths).toContain("/lines/0/item");
    expect(paths).toContain("/lines/0/unitPrice");
  });

  it("refuses an unknown document kind loudly", () => {
    expect(() => validateDocument("remittance" as "invoice", {})).toThrow(/unknown document kind/);
  });
});
