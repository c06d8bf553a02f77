import { describe, expect, it } from "vitest";
import type { PurchaseOrderLine } from "../../model/index.js";
import { input, invoice, invoiceLine, po, poLine } from "./invoice-match.fixtures.js";
import { matchInvoice } from "./match-invoice.js";
import { compileMatchTolerances } from "./match-tolerances.js";

const stemLine = (over: Partial<PurchaseOrderLine> = {}): PurchaseOrderLine =>
  poLine({
    lineId: "1",
    item: { itemId: "item-hip-stem" },
    quantity: "1",
    uom: "each",
    unitPrice: "4200.00",
    contractNumber: undefined,
    ...over,
  });

/** Implants are used in the OR before the PO exists; nothing crosses a dock, so there is no receipt. */
describe("implant and bill-only lines match two-way (invoice vs PO, no receipt)", () => {
  const world = (qty: string) =>
    input({
      invoice: invoice({
        lines: [invoiceLine({ item: { itemId: "item-hip-stem" }, quantity: qty, uom: "each", unitPrice: "4200.00" })],
      }),
      purchaseOrders: [po({ lines: [stemLine()] })],
      receipts: [],
      contracts: [],
    });

  it("an implant category item is approved without a receipt", () => {
    const r = matchInvoice(world("1"));
    expect(r.verdict).toBe("approve-for-payment");
    expect(r.lines[0]).toMatchObject({ mode: "two-way", status: "matched", receipts: [] });
  });

  it("bills no more than ordered, and routes the exception at clinical urgency", () => {
    const r = matchInvoice(world("2"));
    expect(r.exceptions).toHaveLength(1);
    expect(r.exceptions[0]).toMatchObject({
      type: "quantity",
      rule: "quantity.over-ordered",
      expected: "1",
      actual: "2",
      twoWay: true,
      clinicalCategory: "implant",
      route: { queue: "receiving", urgency: "clinical", slaHours: 8 },
    });
  });

  it("a med-surg PO line flagged bill-only is two-way too; without the flag it needs a receipt", () => {
    const consigned = input({ invoice: invoice({ lines: [invoiceLine()] }), receipts: [] });
    expect(matchInvoice(consigned).exceptions.map((e) => e.rule)).toEqual(["receipt.none"]);
    const r = matchInvoice({ ...consigned, billOnlyLines: [{ purchaseOrderId: "PO-1", lineId: "1" }] });
    expect(r.verdict).toBe("approve-for-payment");
    expect(r.lines[0]!.mode).toBe("two-way");
  });

  it("two-way categories are configuration: without implant an implant needs a receipt", () => {
    const t = compileMatchTolerances({ twoWayCategories: [] });
    expect(matchInvoice(world("1"), { tolerances: t }).exceptions.map((e) => e.type)).toEqual(["missing-receipt"]);
  });
});
