import { describe, expect, it } from "vitest";
import {
  glovesInvoiceLine,
  glovesLine,
  input,
  invoice,
  invoiceLine,
  po,
  receipt,
  receiptLine,
} from "./invoice-match.fixtures.js";
import { matchInvoice } from "./match-invoice.js";
import { compileMatchTolerances } from "./match-tolerances.js";

/** Off-contract gloves: PO price 100.00 a box; the band is ±2% capped at $50 per line. */
const world = (qty: string, price: string) =>
  input({
    invoice: invoice({ lines: [glovesInvoiceLine({ quantity: qty, unitPrice: price })] }),
    purchaseOrders: [po({ lines: [glovesLine({ quantity: qty, unitPrice: "100.00" })] })],
    receipts: [
      receipt({
        lines: [receiptLine({ purchaseOrderLineId: "2", itemId: "item-gloves", quantityAccepted: qty, uom: "box" })],
      }),
    ],
  });
const statusOf = (qty: string, price: string) => matchInvoice(world(qty, price)).lines[0]!.status;

describe("price tolerance edges: 2% vs the $50 cap", () => {
  it("2% binds on a small line: exactly 2% passes, a cent more does not", () => {
    // 10 boxes: 2% = 2.00 a box = $20 on the line, under the cap.
    expect(statusOf("10", "102.00")).toBe("matched-within-tolerance");
    expect(statusOf("10", "102.01")).toBe("exception");
    expect(statusOf("10", "98.00")).toBe("matched-within-tolerance");
    expect(statusOf("10", "97.99")).toBe("exception");
  });

  it("the cap binds on a large line: exactly $50 passes, a cent a box more does not", () => {
    // 50 boxes: 2% would allow $100 on the line; the cap stops at $50 = 1.00 a box.
    expect(statusOf("50", "101.00")).toBe("matched-within-tolerance");
    const r = matchInvoice(world("50", "101.01"));
    expect(r.exceptions[0]).toMatchObject({
      rule: "price.over-tolerance",
      variancePercent: "1.01",
      varianceAmount: "50.50",
    });
    expect(r.exceptions[0]!.message).toContain("within 2% but the line variance 50.50 exceeds the 50.00 cap");
  });

  it("contract items allow nothing over the contract price by default", () => {
    const tight = matchInvoice(input({ invoice: invoice({ lines: [invoiceLine({ unitPrice: "65.0001" })] }) }));
    expect(tight.exceptions.map((e) => e.rule)).toEqual(["contract.price-above-contract"]);
  });

  it("tolerances are configuration: a 5% band and a $500 cap accept what the defaults hold", () => {
    const t = compileMatchTolerances({ priceOverPercent: "5", priceCapPerLine: "500" });
    expect(matchInvoice(world("50", "105.00"), { tolerances: t }).verdict).toBe("approve-for-payment");
    expect(matchInvoice(world("50", "105.00")).verdict).toBe("hold");
  });

  it("quantity over receipt: 0% by default, configurable", () => {
    const over = input({
      invoice: invoice({ lines: [glovesInvoiceLine({ quantity: "5" })] }),
      receipts: [
        receipt({
          lines: [
            receiptLine({ purchaseOrderLineId: "2", itemId: "item-gloves", quantityAccepted: "4.9", uom: "box" }),
          ],
        }),
      ],
    });
    expect(matchInvoice(over).exceptions.map((e) => e.rule)).toEqual(["quantity.over-received"]);
    const t = compileMatchTolerances({ quantityOverPercent: "2.0408" });
    // 4.9 × 1.020408 = 4.9999992: just short of 5; 4.9 × 1.020409 = 5.0000041 covers it.
    expect(matchInvoice(over, { tolerances: t }).verdict).toBe("hold");
    const t2 = compileMatchTolerances({ quantityOverPercent: "2.0409" });
    expect(matchInvoice(over, { tolerances: t2 }).lines[0]!.status).toBe("matched-within-tolerance");
  });

  it("line amount rounding: a cent of drift passes, two do not", () => {
    const line = (amount: string) => {
      const stated = invoice({ lines: [glovesInvoiceLine({ quantity: "3", unitPrice: "100.00", amount })] });
      return matchInvoice({ ...world("3", "100.00"), invoice: stated }).exceptions.map((e) => e.rule);
    };
    expect(line("300.01")).toEqual([]);
    expect(line("300.02")).toEqual(["price.line-amount"]);
  });
});
