import { describe, expect, it } from "vitest";
import { input, invoice, invoiceLine, receipt, receiptLine } from "./invoice-match.fixtures.js";
import type { PriorInvoice } from "./match-input.js";
import { matchInvoice } from "./match-invoice.js";

const twoReceipts = [
  receipt({
    id: "RCV-1",
    receivedOn: "2025-06-05",
    lines: [receiptLine({ quantityAccepted: "6", quantityRejected: "1" })],
  }),
  receipt({ id: "RCV-2", receivedOn: "2025-06-08", lines: [receiptLine({ quantityAccepted: "4" })] }),
];
const earlier = (quantity: string): PriorInvoice => ({
  supplierId: "sup-1",
  invoiceNumber: "INV-0",
  invoiceDate: "2025-06-06",
  total: "390.00",
  currency: "USD",
  documentId: "doc-0",
  lines: [{ purchaseOrderId: "PO-1", purchaseOrderLineId: "1", quantity }],
});

describe("cumulative accepted quantity across receipts, less what was already invoiced", () => {
  it("two partial receipts together cover the invoice", () => {
    const r = matchInvoice(input({ invoice: invoice({ lines: [invoiceLine()] }), receipts: twoReceipts }));
    expect(r.verdict).toBe("approve-for-payment");
    expect(r.lines[0]!.receipts).toEqual([
      { receiptId: "RCV-1", receivedOn: "2025-06-05", quantityAccepted: "6" },
      { receiptId: "RCV-2", receivedOn: "2025-06-08", quantityAccepted: "4" },
    ]);
  });

  it("the first receipt alone does not cover it (rejected units do not count)", () => {
    const r = matchInvoice(input({ invoice: invoice({ lines: [invoiceLine()] }), receipts: [twoReceipts[0]!] }));
    expect(r.exceptions.map((e) => [e.rule, e.expected, e.actual])).toEqual([["quantity.over-received", "6", "10"]]);
  });

  it("quantity billed on an earlier invoice is no longer open", () => {
    const second = invoice({ id: "INV-2", lines: [invoiceLine({ quantity: "4" })] });
    const ok = matchInvoice(input({ invoice: second, receipts: twoReceipts, history: [earlier("6")] }));
    expect(ok.verdict).toBe("approve-for-payment");
    const over = matchInvoice(
      input({
        invoice: invoice({ id: "INV-2", lines: [invoiceLine({ quantity: "5" })] }),
        receipts: twoReceipts,
        history: [earlier("6")],
      }),
    );
    expect(over.exceptions.map((e) => [e.rule, e.expected, e.actual])).toEqual([["quantity.over-received", "4", "5"]]);
    expect(over.exceptions[0]!.message).toContain("accepted 10 on receipts, 6 already invoiced");
  });

  it("two lines of one invoice billing the same PO line share what is open", () => {
    const split = invoice({ lines: [invoiceLine({ quantity: "6" }), invoiceLine({ lineId: "2", quantity: "5" })] });
    const r = matchInvoice(input({ invoice: split, receipts: twoReceipts }));
    expect(r.lines.map((l) => l.status)).toEqual(["matched", "exception"]);
    expect(r.exceptions.map((e) => [e.lineId, e.expected, e.actual])).toEqual([["2", "4", "5"]]);
  });

  it("re-matching a held invoice does not count its own recorded billing", () => {
    const self = { ...earlier("10"), invoiceNumber: "INV-1", total: "650.00" };
    const r = matchInvoice(
      input({
        invoice: invoice({ lines: [invoiceLine()] }),
        receipts: twoReceipts,
        history: [self],
        documentId: "doc-0",
      }),
    );
    expect(r.verdict).toBe("approve-for-payment");
  });
});
