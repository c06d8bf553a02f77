import { describe, expect, it } from "vitest";
import {
  contract,
  glovesInvoiceLine,
  glovesLine,
  input,
  invoice,
  invoiceLine,
  po,
  poLine,
  receipt,
  receiptLine,
} from "./invoice-match.fixtures.js";
import { matchInvoice } from "./match-invoice.js";

describe("matchInvoice: happy path", () => {
  it("approves an invoice billed at PO price for received quantities, recomputing totals", () => {
    const r = matchInvoice(input());
    expect(r.verdict).toBe("approve-for-payment");
    expect(r.exceptions).toEqual([]);
    expect(r.lines.map((l) => [l.lineId, l.status, l.purchaseOrderLineId, l.matchedBy, l.mode])).toEqual([
      ["1", "matched", "1", "item-id", "three-way"],
      ["2", "matched", "2", "item-id", "three-way"],
    ]);
    expect(r.lines[0]).toMatchObject({
      receipts: [{ receiptId: "RCV-1", receivedOn: "2025-06-05", quantityAccepted: "10" }],
      invoicedQuantity: "10",
      poUnitPrice: "65.00",
      invoicedUnitPrice: "65.00",
      contractUnitPrice: "65.00",
      contractNumber: "CT21000",
      amount: "650.00",
    });
    expect(r.totals).toEqual({
      lines: "712.50",
      lineTax: "0.00",
      charges: "0.00",
      total: "712.50",
      stated: "712.50",
      difference: "0.00",
    });
  });

  it("adds line tax and header charges (allowances negative) to the recomputed total", () => {
    const inv = invoice({
      lines: [invoiceLine({ tax: "52.00" }), glovesInvoiceLine()],
      charges: [
        { kind: "freight", amount: "15.00" },
        { kind: "allowance", amount: "-5.25" },
      ],
      total: "774.25",
    });
    const r = matchInvoice(input({ invoice: inv }));
    expect(r.totals).toMatchObject({ lines: "712.50", lineTax: "52.00", charges: "9.75", total: "774.25" });
    expect(r.verdict).toBe("approve-for-payment");
  });

  it("pairs renumbered invoice lines by item identity, not by line number", () => {
    const inv = invoice({
      lines: [glovesInvoiceLine({ lineId: "1" }), invoiceLine({ lineId: "2" })],
    });
    const r = matchInvoice(input({ invoice: inv }));
    expect(r.lines.map((l) => [l.lineId, l.purchaseOrderLineId])).toEqual([
      ["1", "2"],
      ["2", "1"],
    ]);
    expect(r.verdict).toBe("approve-for-payment");
  });

  it("pairs by supplier part number, then by the named PO line, then by line number", () => {
    const byPart = invoiceLine({ item: { supplierPartNo: "d-1000" } });
    const byName = invoiceLine({ lineId: "9", item: { description: "drapes" }, purchaseOrderLineId: "1" });
    const byNumber = glovesInvoiceLine({ item: { description: "gloves" } });
    const r = matchInvoice(input({ invoice: invoice({ lines: [byPart] }) }));
    expect(r.lines[0]).toMatchObject({ purchaseOrderLineId: "1", matchedBy: "item-identifier" });
    const r2 = matchInvoice(input({ invoice: invoice({ lines: [byName] }) }));
    expect(r2.lines[0]).toMatchObject({ purchaseOrderLineId: "1", matchedBy: "po-line-id" });
    const r3 = matchInvoice(input({ invoice: invoice({ lines: [byNumber] }) }));
    expect(r3.lines[0]).toMatchObject({ purchaseOrderLineId: "2", matchedBy: "line-number" });
  });

  it("never pairs by number a line whose identifiers contradict the PO line's", () => {
    const other = invoiceLine({ lineId: "1", item: { itemId: "item-other" } });
    const r = matchInvoice(input({ invoice: invoice({ lines: [other] }) }));
    expect(r.lines[0]).toMatchObject({ status: "exception", purchaseOrderLineId: null });
    expect(r.exceptions[0]).toMatchObject({ type: "unmatched-line", rule: "unmatched.no-po-line" });
  });

  it("resolves a line carrying only a packaging-level GTIN through the item master", () => {
    const line = glovesInvoiceLine({ item: { gtin: "10000000000021" } });
    const r = matchInvoice(input({ invoice: invoice({ lines: [line] }) }));
    expect(r.lines[0]).toMatchObject({ purchaseOrderLineId: "2", matchedBy: "item-id", status: "matched" });
  });
});

describe("matchInvoice: an invoice spanning two POs", () => {
  it("matches each line against the PO it names, with that PO's receipts", () => {
    const po2 = po({ id: "PO-2", lines: [glovesLine({ lineId: "1", quantity: "3" })] });
    const inv = invoice({
      purchaseOrderId: undefined,
      lines: [
        invoiceLine({ purchaseOrderId: "PO-1" }),
        glovesInvoiceLine({ lineId: "2", purchaseOrderId: "PO-2", quantity: "3" }),
      ],
    });
    const receipts = [
      receipt({ lines: [receiptLine()] }),
      receipt({
        id: "RCV-2",
        purchaseOrderId: "PO-2",
        lines: [receiptLine({ purchaseOrderLineId: "1", itemId: "item-gloves", quantityAccepted: "3", uom: "box" })],
      }),
    ];
    const r = matchInvoice(input({ invoice: inv, purchaseOrders: [po(), po2], receipts }));
    expect(r.verdict).toBe("approve-for-payment");
    expect(r.lines.map((l) => [l.purchaseOrderId, l.purchaseOrderLineId, l.receipts.map((x) => x.receiptId)])).toEqual([
      ["PO-1", "1", ["RCV-1"]],
      ["PO-2", "1", ["RCV-2"]],
    ]);
  });

  it("searches every supplied PO when the invoice names none", () => {
    const po2 = po({ id: "PO-2", lines: [glovesLine({ lineId: "1" })] });
    const inv = invoice({ purchaseOrderId: undefined, lines: [glovesInvoiceLine()] });
    const rcv = receipt({
      purchaseOrderId: "PO-2",
      lines: [receiptLine({ purchaseOrderLineId: "1", itemId: "item-gloves", quantityAccepted: "5", uom: "box" })],
    });
    const r = matchInvoice(input({ invoice: inv, purchaseOrders: [po({ lines: [poLine()] }), po2], receipts: [rcv] }));
    expect(r.lines[0]).toMatchObject({ purchaseOrderId: "PO-2", purchaseOrderLineId: "1", status: "matched" });
  });
});

describe("matchInvoice: documents it does not match", () => {
  it("holds a credit memo whole for accounts payable", () => {
    const r = matchInvoice(input({ invoice: invoice({ purpose: "credit-memo" }) }));
    expect(r.verdict).toBe("hold");
    expect(r.exceptions.map((e) => [e.type, e.rule, e.lineId])).toEqual([
      ["unsupported-document", "document.memo", null],
    ]);
    expect(r.lines.every((l) => l.status === "exception")).toBe(true);
  });

  it("refuses history with a malformed quantity instead of counting it as zero", () => {
    const history = [
      {
        supplierId: "sup-1",
        invoiceNumber: "OLD",
        invoiceDate: "2025-05-01",
        total: "1.00",
        currency: "USD",
        lines: [{ purchaseOrderId: "PO-1", purchaseOrderLineId: "1", quantity: "1e3" }],
      },
    ];
    expect(() => matchInvoice(input({ history }))).toThrow(
      "invoice match history has a malformed decimal at /history/0/lines/0/quantity",
    );
  });

  it("keeps contracts out of it when they do not price the item", () => {
    const r = matchInvoice(
      input({
        contracts: [
          contract({ priceLines: [{ lineNo: 1, itemId: "x", uom: "each", unitPrice: "1", tierPrices: [] }] }),
        ],
      }),
    );
    expect(r.exceptions.map((e) => e.rule)).toEqual(["contract.no-active-price"]);
  });
});
