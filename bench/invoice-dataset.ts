/**
 * The invoice match benchmark's generated batch: 10-line invoices from 100 suppliers × 40 items,
 * one contract per supplier pricing 30 of its items, 1–2 receipts per PO, half a percent keyed
 * twice, and about 22% of lines seeded into an exception or tolerance scenario. Deterministic
 * (seeded PRNG), so runs compare.
 */
import {
  type Contract,
  divideHalfEven,
  formatDecimal,
  type Invoice,
  type InvoiceLine,
  type Item,
  type PurchaseOrder,
  type PurchaseOrderLine,
  type Receipt,
  type ReceiptLine,
} from "../src/model/index.js";
import type { MatchInput, PriorInvoice } from "../src/policy/invoice-match/index.js";

const LINES_PER_INVOICE = 10;
const SUPPLIERS = 100;
const ITEMS_PER_SUPPLIER = 40;
/** Items 0–29 of each supplier are on its contract; 30–39 are bought off contract. */
const ON_CONTRACT = 30;

// Deterministic PRNG (mulberry32) so runs are comparable.
let seed = 42;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
/** Cents → decimal string, through bigint: no float ever becomes money. */
const cents = (c: number) => formatDecimal(BigInt(c) * 100n);

const itemId = (s: number, i: number) => `item-${s}-${i}`;
const items = new Map<string, Item>();
for (let s = 0; s < SUPPLIERS; s++) {
  for (let i = 0; i < ITEMS_PER_SUPPLIER; i++) {
    const each = int(5, 20);
    items.set(itemId(s, i), {
      kind: "item",
      id: itemId(s, i),
      description: `Item ${s}/${i}`,
      manufacturerName: `Maker ${s}`,
      manufacturerPartNo: `MP-${s}-${i}`,
      unspsc: "42000000",
      baseUom: "each",
      packaging: [
        { uom: "each", quantityOfBase: 1 },
        { uom: "box", quantityOfBase: each },
        { uom: "case", quantityOfBase: each * 4 },
      ],
      clinicalCategory: i % 20 === 19 ? "implant" : "med-surg",
      status: "active",
    });
  }
}
const listPrice = new Map<string, number>([...items.keys()].map((id) => [id, int(500, 50_000)]));
const contracts: Contract[][] = [];
for (let s = 0; s < SUPPLIERS; s++) {
  contracts.push([
    {
      kind: "contract",
      id: `ct-${s}`,
      number: `CT${s}`,
      version: 1,
      title: `Contract ${s}`,
      supplierId: `sup-${s}`,
      currency: "USD",
      effectiveFrom: "2025-01-01",
      expiresOn: "2025-12-31",
      pricingDateBasis: "order-date",
      priceLines: Array.from({ length: ON_CONTRACT }, (_, i) => ({
        lineNo: i + 1,
        itemId: itemId(s, i),
        uom: "case" as const,
        unitPrice: cents(listPrice.get(itemId(s, i))!),
        tierPrices: [],
      })),
      eligibility: [{ facilityId: "fac-1", tier: 1, from: "2025-01-01" }],
      rebates: [],
    },
  ]);
}

type Scenario =
  | "clean"
  | "within-tolerance"
  | "price"
  | "quantity"
  | "missing-receipt"
  | "uom-no-factor"
  | "uom-converted"
  | "off-contract"
  | "unmatched"
  | "partial-receipts";
/** Share of lines per scenario (per 1 000). */
const MIX: [Scenario, number][] = [
  ["clean", 780],
  ["within-tolerance", 40],
  ["price", 30],
  ["quantity", 25],
  ["missing-receipt", 20],
  ["uom-no-factor", 15],
  ["uom-converted", 30],
  ["off-contract", 20],
  ["unmatched", 10],
  ["partial-receipts", 30],
];
const pick = (): Scenario => {
  let r = int(0, 999);
  for (const [s, w] of MIX) {
    if (r < w) return s;
    r -= w;
  }
  return "clean";
};

function makeInvoice(n: number): MatchInput {
  const s = n % SUPPLIERS;
  const poId = `PO-${n}`;
  const poLines: PurchaseOrderLine[] = [];
  const invLines: InvoiceLine[] = [];
  const rcv1: ReceiptLine[] = [];
  const rcv2: ReceiptLine[] = [];
  let total = 0n;
  for (let l = 1; l <= LINES_PER_INVOICE; l++) {
    const i = int(0, ITEMS_PER_SUPPLIER - 1);
    const id = itemId(s, i);
    const qty = int(1, 40);
    const price = listPrice.get(id)!;
    const scenario = pick();
    poLines.push({
      lineId: String(l),
      item: { itemId: id },
      quantity: String(qty),
      uom: "case",
      unitPrice: cents(price),
      ...(i < ON_CONTRACT ? { contractNumber: `CT${s}` } : {}),
    });
    let invQty = BigInt(qty);
    let invPrice = BigInt(price) * 100n; // scaled 1e4 per case
    let uom: InvoiceLine["uom"] = "case";
    let ref: InvoiceLine["item"] = { itemId: id };
    if (scenario === "within-tolerance" && i >= ON_CONTRACT) invPrice += invPrice / 100n;
    if (scenario === "price") invPrice += invPrice / 10n;
    if (scenario === "off-contract") invPrice += 100n;
    if (scenario === "quantity") invQty += 2n;
    if (scenario === "uom-no-factor") uom = "kit";
    // An item the PO does not carry: identity contradicts every PO line, so no line-number fallback.
    if (scenario === "unmatched") ref = { itemId: itemId((s + 1) % SUPPLIERS, i) };
    if (scenario === "uom-converted") {
      const perCase = BigInt(items.get(id)!.packaging[2]!.quantityOfBase);
      invQty *= perCase;
      uom = "each";
      // Only exact each prices keep this line clean; the rest land within tolerance or as price exceptions.
      invPrice /= perCase;
    }
    invLines.push({ lineId: String(l), item: ref, quantity: String(invQty), uom, unitPrice: formatDecimal(invPrice) });
    // Suppliers round each extension to the cent before summing.
    total += divideHalfEven(invQty * invPrice, 100n) * 100n;
    if (scenario === "missing-receipt" && i % 20 !== 19) continue;
    const recv = { purchaseOrderLineId: String(l), itemId: id, quantityRejected: "0", uom: "case" as const };
    if (scenario === "partial-receipts" && qty > 1) {
      rcv1.push({ ...recv, quantityAccepted: String(qty - 1) });
      rcv2.push({ ...recv, quantityAccepted: "1" });
    } else {
      rcv1.push({ ...recv, quantityAccepted: String(qty) });
    }
  }
  const po: PurchaseOrder = {
    kind: "purchase-order",
    id: poId,
    purpose: "original",
    orderDate: "2025-06-01",
    currency: "USD",
    facilityId: "fac-1",
    parties: [],
    lines: poLines,
  };
  const receipts: Receipt[] = [rcv1, rcv2]
    .filter((lines) => lines.length > 0)
    .map((lines, k) => ({
      kind: "receipt",
      id: `RCV-${n}-${k}`,
      purchaseOrderId: poId,
      facilityId: "fac-1",
      receivedOn: `2025-06-0${5 + k}`,
      lines,
    }));
  const invoice: Invoice = {
    kind: "invoice",
    id: `INV-${n}`,
    purpose: "original",
    invoiceDate: "2025-06-10",
    currency: "USD",
    purchaseOrderId: poId,
    parties: [],
    lines: invLines,
    charges: [],
    total: formatDecimal(total),
  };
  // Half a percent of invoices were keyed twice.
  const history: PriorInvoice[] =
    int(0, 199) === 0
      ? [
          {
            supplierId: `sup-${s}`,
            invoiceNumber: invoice.id,
            invoiceDate: "2025-06-09",
            total: "1.00",
            currency: "USD",
            lines: [],
          },
        ]
      : [];
  return {
    invoice,
    supplierId: `sup-${s}`,
    purchaseOrders: [po],
    receipts,
    items,
    contracts: contracts[s]!,
    history,
    now: new Date("2025-06-12T09:00:00Z"),
  };
}

export const LINES_PER_INVOICE_IN_BATCH = LINES_PER_INVOICE;

/** The batch: `totalLines` lines in invoices of 10, with everything each match reads. */
export function generateInvoiceBatch(totalLines: number): {
  readonly inputs: MatchInput[];
  readonly items: Item[];
  readonly contracts: Contract[];
} {
  // One batch per process: the PRNG runs on from the catalogue above, as the numbers in docs assume.
  const inputs = Array.from({ length: Math.ceil(totalLines / LINES_PER_INVOICE) }, (_, n) => makeInvoice(n));
  return { inputs, items: [...items.values()], contracts: contracts.flat() };
}
