import { describe, expect, it } from "vitest";
import { findDuplicateInvoices, normalizeInvoiceNumber } from "./duplicate-invoice.js";
import { input, invoice } from "./invoice-match.fixtures.js";
import type { PriorInvoice } from "./match-input.js";
import { matchInvoice } from "./match-invoice.js";
import { compileMatchTolerances } from "./match-tolerances.js";

const prior = (over: Partial<PriorInvoice> = {}): PriorInvoice => ({
  supplierId: "sup-1",
  invoiceNumber: "A-77",
  invoiceDate: "2025-06-08",
  total: "712.50",
  currency: "USD",
  lines: [],
  ...over,
});

describe("duplicate invoices are caught before payment", () => {
  it("same supplier and number, however it was keyed", () => {
    expect(normalizeInvoiceNumber("INV-0001")).toBe(normalizeInvoiceNumber("inv 1"));
    expect(normalizeInvoiceNumber("INV-10")).not.toBe(normalizeInvoiceNumber("INV-1"));
    const hits = findDuplicateInvoices(
      invoice(),
      "sup-1",
      undefined,
      [prior({ invoiceNumber: "inv/001", total: "1.00" })],
      3,
    );
    expect(hits.map((h) => h.rule)).toEqual(["duplicate.same-number"]);
  });

  it("same supplier, currency and total within the date window, under another number", () => {
    const at = (invoiceDate: string) =>
      findDuplicateInvoices(invoice(), "sup-1", undefined, [prior({ invoiceDate })], 3);
    expect(at("2025-06-07").map((h) => h.rule)).toEqual(["duplicate.same-amount-date"]);
    expect(at("2025-06-13").map((h) => h.rule)).toEqual(["duplicate.same-amount-date"]);
    expect(at("2025-06-06")).toEqual([]);
    expect(at("2025-06-14")).toEqual([]);
  });

  it("another supplier's invoice, another currency or another amount is not a duplicate", () => {
    const hist = [
      prior({ supplierId: "sup-2", invoiceNumber: "INV-1" }),
      prior({ currency: "CAD" }),
      prior({ total: "712.51" }),
    ];
    expect(findDuplicateInvoices(invoice(), "sup-1", undefined, hist, 3)).toEqual([]);
  });

  it("holds the invoice with an invoice-level exception per prior hit; the window is configuration", () => {
    const r = matchInvoice(input({ history: [prior({ invoiceDate: "2025-06-01" })] }));
    expect(r.verdict).toBe("approve-for-payment");
    const wide = compileMatchTolerances({ duplicateWindowDays: 10 });
    const held = matchInvoice(input({ history: [prior({ invoiceDate: "2025-06-01" })] }), { tolerances: wide });
    expect(held.verdict).toBe("hold");
    expect(held.exceptions[0]!.message).toBe(
      "Invoice INV-1 dated 2025-06-10 may be a duplicate: the supplier already sent invoice A-77 for the same USD 712.50 dated 2025-06-01.",
    );
  });

  it("the invoice being re-matched is not its own duplicate", () => {
    const self = prior({ invoiceNumber: "INV-1", documentId: "doc-1" });
    expect(matchInvoice(input({ history: [self], documentId: "doc-1" })).verdict).toBe("approve-for-payment");
    expect(matchInvoice(input({ history: [self] })).verdict).toBe("hold");
  });
});
