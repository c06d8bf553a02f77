import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Contract,
  formatDecimal,
  type Invoice,
  type InvoiceLine,
  type Item,
  type PurchaseOrder,
  type Receipt,
  UOMS,
  type Uom,
} from "../../model/index.js";
import { contract, input, invoice, po, receipt } from "./invoice-match.fixtures.js";
import type { PriorInvoice } from "./match-input.js";
import { matchInvoice } from "./match-invoice.js";

/** A decimal string with up to 4 places, from an integer count of 1/10 000 (never via a float). */
const dec = (max: number) => fc.integer({ min: 0, max }).map((n) => formatDecimal(BigInt(n), 0));
const wholeQty = fc.integer({ min: 1, max: 500 }).map(String);

/** An item with each as base and box/case levels of random size. */
const itemArb = fc
  .record({
    box: fc.integer({ min: 2, max: 50 }),
    boxesPerCase: fc.integer({ min: 2, max: 20 }),
    implant: fc.boolean(),
  })
  .map(
    ({ box, boxesPerCase, implant }): Item => ({
      kind: "item",
      id: "item-x",
      description: "X",
      manufacturerName: "M",
      manufacturerPartNo: "X-1",
      unspsc: "42000000",
      baseUom: "each",
      packaging: [
        { uom: "each", quantityOfBase: 1 },
        { uom: "box", quantityOfBase: box },
        { uom: "case", quantityOfBase: box * boxesPerCase },
      ],
      clinicalCategory: implant ? "implant" : "med-surg",
      status: "active",
    }),
  );

const single = (item: Item, poUom: Uom, qty: string, price: string, received: string, inv: Partial<InvoiceLine>) => {
  const ref = { itemId: item.id };
  const order = po({ lines: [{ lineId: "1", item: ref, quantity: qty, uom: poUom, unitPrice: price }] });
  const rcv = receipt({
    lines: [
      { purchaseOrderLineId: "1", itemId: item.id, quantityAccepted: received, quantityRejected: "0", uom: poUom },
    ],
  });
  const line: InvoiceLine = { lineId: "1", item: ref, quantity: qty, uom: poUom, unitPrice: price, ...inv };
  return input({
    invoice: invoice({ lines: [line] }),
    purchaseOrders: [order],
    receipts: [rcv],
    items: [item],
    contracts: [],
  });
};

describe("invoice match properties", () => {
  it("a line invoiced exactly at PO price for the received quantity always matches", () => {
    fc.assert(
      fc.property(
        itemArb,
        fc.constantFrom<Uom>("each", "box", "case"),
        wholeQty,
        dec(100_000_000),
        (item, uom, qty, price) => {
          const r = matchInvoice(single(item, uom, qty, price, qty, {}));
          expect(r.exceptions).toEqual([]);
          expect(r.verdict).toBe("approve-for-payment");
          expect(r.lines[0]!.status).toBe("matched");
        },
      ),
      { numRuns: 300 },
    );
  });

  it("expressing the invoice in base units (quantity × factor, price ÷ factor) never changes the verdict", () => {
    fc.assert(
      fc.property(
        itemArb,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.integer({ min: -100_000, max: 100_000 }),
        (item, ordered, received, billed, eachPrice, delta) => {
          const factor = BigInt(item.packaging[2]!.quantityOfBase);
          const each = BigInt(Math.max(0, eachPrice + delta));
          const casePo = formatDecimal(BigInt(eachPrice) * factor, 0);
          const world = single(item, "case", String(ordered), casePo, String(received), {
            quantity: String(billed),
            unitPrice: formatDecimal(each * factor, 0),
          });
          const inEach: Invoice = {
            ...world.invoice,
            lines: [
              {
                ...world.invoice.lines[0]!,
                uom: "each",
                quantity: String(BigInt(billed) * factor),
                unitPrice: formatDecimal(each, 0),
              },
            ],
          };
          const a = matchInvoice(world);
          const b = matchInvoice({ ...world, invoice: inEach });
          expect(b.verdict).toBe(a.verdict);
          expect(b.lines[0]!.status).toBe(a.lines[0]!.status);
          expect(b.exceptions.map((e) => [e.rule, e.expected, e.actual, e.varianceAmount])).toEqual(
            a.exceptions.map((e) => [e.rule, e.expected, e.actual, e.varianceAmount]),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never throws on generated documents and never formats money as a float", () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const r = matchInvoice(world);
        for (const [path, value] of decimalFields(r)) {
          expect(value, path).toMatch(/^-?(0|[1-9]\d*)(\.\d{1,4})?$/);
        }
        expect(r.verdict === "hold").toBe(r.exceptions.length > 0 || r.lines.some((l) => l.status === "exception"));
      }),
      { numRuns: 300 },
    );
  });
});

/** Random worlds: unknown POs, items without levels, odd units, contracts, history, duplicates. */
const uomArb = fc.constantFrom<Uom>("each", "box", "case", ...UOMS.slice(3, 6));
const refArb = fc.oneof(
  fc.record({ itemId: fc.constantFrom("item-x", "item-y", "item-z") }),
  fc.record({ supplierPartNo: fc.constantFrom("P1", "P2") }),
  fc.record({ description: fc.constant("free text") }),
);
const worldArb = fc
  .record({
    items: fc.array(itemArb, { maxLength: 2 }),
    poLines: fc.array(
      fc.record({
        item: refArb,
        quantity: dec(1_000_000),
        uom: uomArb,
        unitPrice: dec(10_000_000),
        onContract: fc.boolean(),
      }),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
    receiptLines: fc.array(
      fc.record({ line: fc.integer({ min: 1, max: 4 }), quantityAccepted: dec(1_000_000), uom: uomArb }),
      {
        maxLength: 4,
      },
    ),
    invLines: fc.array(
      fc.record({
        item: refArb,
        quantity: dec(1_000_000),
        uom: uomArb,
        unitPrice: dec(10_000_000),
        po: fc.constantFrom<string | undefined>("PO-1", "PO-2", undefined),
        named: fc.option(fc.integer({ min: 1, max: 5 }).map(String), { nil: undefined }),
        amount: fc.option(dec(1_000_000_000), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    purpose: fc.constantFrom<Invoice["purpose"]>("original", "original", "credit-memo"),
    contractPrice: dec(10_000_000),
    contractUom: uomArb,
    orderDate: fc.constantFrom("2024-06-01", "2025-06-01", "2025-02-30"),
    facility: fc.constantFrom<string | undefined>("fac-1", "fac-2", undefined),
    history: fc.array(
      fc.record({
        invoiceNumber: fc.constantFrom("INV-1", "X"),
        total: dec(10_000_000),
        line: fc.integer({ min: 1, max: 4 }),
        q: dec(100_000),
      }),
      { maxLength: 3 },
    ),
    total: dec(10_000_000_000),
  })
  .map((w) => {
    const items = w.items.map((it, i) => ({ ...it, id: ["item-x", "item-y"][i]! }));
    const order: PurchaseOrder = po({
      orderDate: w.orderDate,
      facilityId: w.facility,
      lines: w.poLines.map((l, i) => ({
        lineId: String(i + 1),
        item: l.item,
        quantity: l.quantity,
        uom: l.uom,
        unitPrice: l.unitPrice,
        ...(l.onContract ? { contractNumber: "CT21000" } : {}),
      })),
    });
    const receipts: Receipt[] =
      w.receiptLines.length === 0
        ? []
        : [
            receipt({
              lines: w.receiptLines.map((r) => ({
                purchaseOrderLineId: String(r.line),
                itemId: "item-x",
                quantityAccepted: r.quantityAccepted,
                quantityRejected: "0",
                uom: r.uom,
              })),
            }),
          ];
    const ct: Contract = contract({
      priceLines: [{ lineNo: 1, itemId: "item-x", uom: w.contractUom, unitPrice: w.contractPrice, tierPrices: [] }],
    });
    const history: PriorInvoice[] = w.history.map((h) => ({
      supplierId: "sup-1",
      invoiceNumber: h.invoiceNumber,
      invoiceDate: "2025-06-09",
      total: h.total,
      currency: "USD",
      lines: [{ purchaseOrderId: "PO-1", purchaseOrderLineId: String(h.line), quantity: h.q }],
    }));
    const inv = invoice({
      purpose: w.purpose,
      purchaseOrderId: undefined,
      total: w.total,
      lines: w.invLines.map((l, i) => ({
        lineId: String(i + 1),
        item: l.item,
        quantity: l.quantity,
        uom: l.uom,
        unitPrice: l.unitPrice,
        ...(l.po ? { purchaseOrderId: l.po } : {}),
        ...(l.named ? { purchaseOrderLineId: l.named } : {}),
        ...(l.amount ? { amount: l.amount } : {}),
      })),
    });
    return input({ invoice: inv, purchaseOrders: [order], receipts, items, contracts: [ct], history });
  });

const DECIMAL_KEYS = new Set([
  "expected",
  "actual",
  "variance",
  "variancePercent",
  "varianceAmount",
  "amount",
  "quantityAccepted",
  "invoicedQuantity",
  "poUnitPrice",
  "invoicedUnitPrice",
  "contractUnitPrice",
  "lines",
  "lineTax",
  "charges",
  "total",
  "stated",
  "difference",
]);

function* decimalFields(v: unknown, path = ""): Generator<[string, string]> {
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) yield* decimalFields(x, `${path}/${i}`);
  } else if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      if (DECIMAL_KEYS.has(k) && typeof x === "string") yield [`${path}/${k}`, x];
      else yield* decimalFields(x, `${path}/${k}`);
    }
  }
}
