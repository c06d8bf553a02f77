import { describe, expect, it } from "vitest";
import {
  contract,
  glovesInvoiceLine,
  input,
  invoice,
  invoiceLine,
  po,
  receipt,
  receiptLine,
} from "./invoice-match.fixtures.js";
import { matchInvoice } from "./match-invoice.js";

/** One exception of each type, with every field a queue worker reads. */
describe("each exception type carries the line, expected vs actual, variance, rule and a sentence", () => {
  it("price: gloves billed 3% over PO price, off contract", () => {
    const r = matchInvoice(input({ invoice: invoice({ lines: [glovesInvoiceLine({ unitPrice: "12.875" })] }) }));
    expect(r.verdict).toBe("hold");
    expect(r.lines[0]!.status).toBe("exception");
    expect(r.exceptions).toHaveLength(1);
    const e = r.exceptions[0]!;
    expect(e).toMatchObject({
      kind: "match-exception",
      type: "price",
      rule: "price.over-tolerance",
      invoiceId: "INV-1",
      lineId: "2",
      purchaseOrderId: "PO-1",
      purchaseOrderLineId: "2",
      itemId: "item-gloves",
      measure: "unit-price",
      expected: "12.50",
      actual: "12.875",
      variance: "0.375",
      variancePercent: "3.00",
      varianceAmount: "1.88",
      route: { queue: "pricing-analyst", urgency: "financial", slaHours: 48 },
    });
    expect(e.message).toBe(
      "Invoice INV-1 line 2 bills 12.875 per box for item item-gloves, +3.00% against PO PO-1 line 2 at 12.50: " +
        "beyond the 2% tolerance (line variance 1.88).",
    );
  });

  it("price: under-billing beyond the band is flagged too (often a wrong unit)", () => {
    const r = matchInvoice(input({ invoice: invoice({ lines: [glovesInvoiceLine({ unitPrice: "12.00" })] }) }));
    expect(r.exceptions[0]).toMatchObject({
      rule: "price.under-tolerance",
      variance: "-0.50",
      variancePercent: "-4.00",
    });
  });

  it("quantity: invoiced more than accepted on receipts", () => {
    const rcv = receipt({ lines: [receiptLine({ quantityAccepted: "8", quantityRejected: "2" })] });
    const r = matchInvoice(input({ invoice: invoice({ lines: [invoiceLine()] }), receipts: [rcv] }));
    expect(r.exceptions).toHaveLength(1);
    expect(r.exceptions[0]).toMatchObject({
      type: "quantity",
      rule: "quantity.over-received",
      measure: "quantity",
      expected: "8",
      actual: "10",
      variance: "2",
      variancePercent: "25.00",
      varianceAmount: "130.00",
      route: { queue: "receiving", urgency: "financial" },
    });
    expect(r.exceptions[0]!.message).toBe(
      "Invoice INV-1 line 1 (PO PO-1 line 1, item item-drape) bills 10 case but only 8 is open to bill " +
        "(accepted 8 on receipts, 0 already invoiced; 0% over allowed).",
    );
  });

  it("uom: billed in a unit the item master cannot convert", () => {
    const r = matchInvoice(
      input({ invoice: invoice({ lines: [glovesInvoiceLine({ uom: "case", quantity: "1", unitPrice: "62.50" })] }) }),
    );
    expect(r.exceptions).toHaveLength(1);
    expect(r.exceptions[0]).toMatchObject({
      type: "uom",
      rule: "uom.no-factor",
      expected: "5",
      actual: "1",
      variance: null,
      variancePercent: null,
      varianceAmount: "62.50",
      route: { queue: "item-master" },
    });
    expect(r.exceptions[0]!.message).toContain('item item-gloves has no packaging level for "case"');
  });

  it("missing-receipt: nothing received against the PO line", () => {
    const r = matchInvoice(input({ invoice: invoice({ lines: [invoiceLine()] }), receipts: [] }));
    expect(r.exceptions).toHaveLength(1);
    expect(r.exceptions[0]).toMatchObject({
      type: "missing-receipt",
      rule: "receipt.none",
      expected: "0",
      actual: "10",
      variancePercent: null,
      varianceAmount: "650.00",
      route: { queue: "receiving", slaHours: 72 },
    });
  });

  it("off-contract: the invoice is above the facility's contract price", () => {
    const ct = contract({
      priceLines: [{ lineNo: 1, itemId: "item-drape", uom: "case", unitPrice: "60.00", tierPrices: [] }],
    });
    const r = matchInvoice(input({ invoice: invoice({ lines: [invoiceLine()] }), contracts: [ct] }));
    // One overbill, one exception: the PO price leg stays quiet.
    expect(r.exceptions).toHaveLength(1);
    expect(r.exceptions[0]).toMatchObject({
      type: "off-contract",
      rule: "contract.price-above-contract",
      expected: "60.00",
      actual: "65.00",
      variance: "5.00",
      variancePercent: "8.33",
      varianceAmount: "50.00",
      route: { queue: "contract-compliance", urgency: "compliance", slaHours: 24 },
    });
    expect(r.exceptions[0]!.message).toBe(
      "Invoice INV-1 line 1 bills item item-drape at 65.00 per case, +8.33% above contract CT21000 " +
        "(60.00 for facility fac-1 on 2025-06-01); allowed 0% over.",
    );
  });

  it("off-contract: the PO was priced on a contract that no longer prices the item for the facility", () => {
    const expired = contract({ expiresOn: "2025-05-31" });
    const r = matchInvoice(input({ invoice: invoice({ lines: [invoiceLine()] }), contracts: [expired] }));
    expect(r.exceptions.map((e) => [e.type, e.rule])).toEqual([["off-contract", "contract.no-active-price"]]);
    expect(r.exceptions[0]!.message).toContain("has no active contract price for facility fac-1 on 2025-06-01");
    expect(r.exceptions[0]!.varianceAmount).toBe("650.00");
  });

  it("duplicate-invoice: the same supplier sent the same number before", () => {
    const history = [
      {
        supplierId: "sup-1",
        invoiceNumber: "inv-0001",
        invoiceDate: "2025-05-01",
        total: "99.00",
        currency: "USD",
        lines: [],
      },
    ];
    const r = matchInvoice(input({ history }));
    expect(r.exceptions).toHaveLength(1);
    expect(r.exceptions[0]).toMatchObject({
      type: "duplicate-invoice",
      rule: "duplicate.same-number",
      lineId: null,
      measure: "amount",
      expected: "99.00",
      actual: "712.50",
      varianceAmount: "712.50",
      route: { queue: "accounts-payable", urgency: "financial", slaHours: 24 },
    });
  });

  it("unmatched-line: the invoice names a PO nobody knows", () => {
    const r = matchInvoice(input({ invoice: invoice({ lines: [invoiceLine({ purchaseOrderId: "PO-404" })] }) }));
    expect(r.exceptions[0]).toMatchObject({
      type: "unmatched-line",
      rule: "unmatched.po-not-found",
      purchaseOrderId: "PO-404",
      expected: "0.00",
      actual: "650.00",
      varianceAmount: "650.00",
    });
    expect(r.exceptions[0]!.message).toBe(
      "Invoice INV-1 line 1 (item item-drape, 650.00) matches no PO line: PO PO-404 is not known.",
    );
  });

  it("unmatched-line: a cancelled PO pays nothing", () => {
    const r = matchInvoice(input({ purchaseOrders: [po({ purpose: "cancel" })] }));
    expect(r.exceptions.map((e) => e.rule)).toEqual(["unmatched.po-cancelled", "unmatched.po-cancelled"]);
  });

  it("price: a stated line amount or invoice total that does not add up", () => {
    const inv = invoice({ lines: [invoiceLine({ amount: "650.05" }), glovesInvoiceLine()], total: "720.00" });
    const r = matchInvoice(input({ invoice: inv }));
    expect(r.exceptions.map((e) => [e.rule, e.lineId, e.expected, e.actual])).toEqual([
      ["price.line-amount", "1", "650.00", "650.05"],
      ["price.invoice-total", null, "712.50", "720.00"],
    ]);
  });
});
