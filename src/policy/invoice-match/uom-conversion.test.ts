import { describe, expect, it } from "vitest";
import {
  contract,
  drape,
  glovesInvoiceLine,
  input,
  invoice,
  invoiceLine,
  po,
  poLine,
  receipt,
  receiptLine,
} from "./invoice-match.fixtures.js";
import { matchInvoice } from "./match-invoice.js";

/** The drape: 1 case = 4 boxes = 20 each (item-level factors). Gloves have no case level. */
describe("UOM conversion uses only item-level factors", () => {
  it("case on the PO, each on the invoice: converts with the item's factor and matches", () => {
    const inv = invoice({ lines: [invoiceLine({ quantity: "200", uom: "each", unitPrice: "3.25" })] });
    const r = matchInvoice(input({ invoice: inv }));
    expect(r.verdict).toBe("approve-for-payment");
    expect(r.lines[0]).toMatchObject({ invoicedQuantity: "10", invoicedUnitPrice: "65.00", amount: "650.00" });
  });

  it("case → each converts receipts too: 120 each + 4 cases accepted covers 10 cases", () => {
    const receipts = [
      receipt({ lines: [receiptLine({ quantityAccepted: "120", uom: "each" })] }),
      receipt({ id: "RCV-2", receivedOn: "2025-06-07", lines: [receiptLine({ quantityAccepted: "4" })] }),
    ];
    const r = matchInvoice(input({ invoice: invoice({ lines: [invoiceLine()] }), receipts }));
    expect(r.verdict).toBe("approve-for-payment");
    expect(r.lines[0]!.receipts.map((x) => x.quantityAccepted)).toEqual(["6", "4"]);
  });

  it("an each price that does not divide evenly is compared exactly, not after rounding", () => {
    // 66.50 per case of 20 is 3.325 per each: exact at 4 decimals, so 3.325 matches and 3.3251 does not.
    const world = (price: string) =>
      input({
        invoice: invoice({ lines: [invoiceLine({ quantity: "20", uom: "each", unitPrice: price })] }),
        purchaseOrders: [po({ lines: [poLine({ quantity: "1", unitPrice: "66.50", contractNumber: undefined })] })],
        receipts: [receipt({ lines: [receiptLine({ quantityAccepted: "1" })] })],
        contracts: [],
      });
    expect(matchInvoice(world("3.325")).lines[0]!.status).toBe("matched");
    expect(matchInvoice(world("3.3251")).lines[0]!.status).toBe("matched-within-tolerance");
  });

  it("without a factor the line is a uom exception and is not priced or counted by guess", () => {
    const noEach = { ...drape, packaging: drape.packaging.filter((l) => l.uom !== "each"), baseUom: "box" as const };
    const inv = invoice({ lines: [invoiceLine({ quantity: "200", uom: "each", unitPrice: "3.25" })] });
    const r = matchInvoice(input({ invoice: inv, items: [noEach] }));
    expect(r.exceptions.map((e) => [e.type, e.rule])).toEqual([["uom", "uom.no-factor"]]);
    expect(r.lines[0]).toMatchObject({ status: "exception", invoicedQuantity: null, invoicedUnitPrice: null });
  });

  it("an item missing from the item master cannot convert either", () => {
    const inv = invoice({ lines: [invoiceLine({ quantity: "200", uom: "each", unitPrice: "3.25" })] });
    const r = matchInvoice(input({ invoice: inv, items: [] }));
    expect(r.exceptions.map((e) => e.rule)).toEqual(["uom.no-item"]);
  });

  it("a receipt in a unit without a factor is a uom exception on the invoice line", () => {
    const rcv = receipt({
      lines: [receiptLine({ purchaseOrderLineId: "2", itemId: "item-gloves", quantityAccepted: "1", uom: "case" })],
    });
    const r = matchInvoice(input({ invoice: invoice({ lines: [glovesInvoiceLine()] }), receipts: [rcv] }));
    expect(r.exceptions.map((e) => e.rule)).toEqual(["uom.receipt-no-factor"]);
  });

  it("a contract priced per each compares with a PO priced per case through the factor", () => {
    const perEach = contract({
      priceLines: [{ lineNo: 1, itemId: "item-drape", uom: "each", unitPrice: "3.20", tierPrices: [] }],
    });
    const r = matchInvoice(input({ invoice: invoice({ lines: [invoiceLine()] }), contracts: [perEach] }));
    expect(r.lines[0]!.contractUnitPrice).toBe("64.00");
    expect(r.exceptions.map((e) => [e.rule, e.expected, e.actual])).toEqual([
      ["contract.price-above-contract", "64.00", "65.00"],
    ]);
  });
});
