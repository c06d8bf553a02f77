import fc from "fast-check";
import type {
  Invoice,
  OrderConfirmation,
  Payment,
  PriceAuthorization,
  PriceCatalog,
  PurchaseOrder,
  ShipNotice,
} from "../../model/index.js";
import { UOMS } from "../../model/schemas/uom.js";
import { ROUND_TRIP_ROLES, ROUND_TRIP_SCHEMES } from "./sets/parties.js";

/**
 * fast-check generators of canonical documents inside what X12 can carry back unchanged (the
 * limits are listed in docs/formats/x12.md: one id per party, two-decimal money in N2 fields …).
 * Test-only: imported by the property tests.
 */
const text = (max: number) =>
  fc.stringMatching(new RegExp(`^[A-Z0-9](?:[A-Za-z0-9 .,/#-]{0,${max - 2}}[A-Za-z0-9])?$`));
const code = (max: number) => fc.stringMatching(new RegExp(`^[A-Z0-9][A-Z0-9-]{0,${max - 1}}$`));
const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const date = fc
  .integer({ min: 0, max: 20_000 })
  .map((d) => new Date(Date.UTC(2000, 0, 1 + d)).toISOString().slice(0, 10));
const decimal = fc
  .tuple(
    fc.integer({ min: 0, max: 9_999_999 }),
    fc.option(
      digits(1).chain(() => fc.stringMatching(/^\d{1,4}$/)),
      { nil: undefined },
    ),
  )
  .map(([i, f]) => (f === undefined ? String(i) : `${i}.${f}`));
const signed = fc.tuple(decimal, fc.boolean()).map(([d, neg]) => (neg && !/^0(\.0*)?$/.test(d) ? `-${d}` : d));
const money2 = (sign: "any" | "positive" | "negative") =>
  fc.tuple(fc.integer({ min: sign === "negative" ? 1 : 0, max: 9_999_999 }), fc.boolean()).map(([cents, neg]) => {
    const body = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
    const negative = sign === "negative" || (sign === "any" && neg && cents > 0);
    return negative ? `-${body}` : body;
  });
const uom = fc.constantFrom(...UOMS);
const currency = fc.constantFrom("USD", "EUR", "CAD");
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const action = fc.constantFrom("add" as const, "change" as const, "delete" as const);

/** Drops undefined members so the value equals what a decoder builds (no `key: undefined`). */
function clean<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

const party = fc
  .record({
    role: fc.constantFrom(...ROUND_TRIP_ROLES),
    name: opt(text(40)),
    ids: fc.array(fc.record({ scheme: fc.constantFrom(...ROUND_TRIP_SCHEMES), value: code(20) }), { maxLength: 1 }),
    address: opt(
      fc.record({
        lines: fc.array(text(30), { minLength: 1, maxLength: 4 }),
        city: opt(text(20)),
        region: opt(fc.stringMatching(/^[A-Z]{2}$/)),
        postalCode: opt(fc.stringMatching(/^\d{5}$/)),
        country: opt(fc.constantFrom("US", "CA")),
      }),
    ),
  })
  .map(clean);
const parties = fc.array(party, { maxLength: 3 });

const itemRef = fc
  .record({
    supplierPartNo: opt(code(20)),
    manufacturerPartNo: opt(code(20)),
    buyerPartNo: opt(code(20)),
    gtin: opt(digits(14)),
    upc: opt(digits(12)),
    ndc: opt(digits(11)),
    hibcc: opt(code(20)),
    description: opt(text(60)),
  })
  .map(clean)
  .filter((i) => Object.keys(i).length > 0);

const terms = fc
  .record({
    netDays: fc.integer({ min: 0, max: 365 }),
    discountPercent: opt(
      fc
        .tuple(fc.integer({ min: 0, max: 99 }), opt(fc.stringMatching(/^\d{1,4}$/)))
        .map(([i, f]) => (f ? `${i}.${f}` : String(i))),
    ),
    discountDays: opt(fc.integer({ min: 0, max: 365 })),
    description: opt(text(40)),
  })
  .map(clean);

const lineId = code(10);

export const purchaseOrderArb: fc.Arbitrary<PurchaseOrder> = fc
  .record({
    kind: fc.constant("purchase-order" as const),
    id: code(20),
    purpose: fc.constantFrom("original" as const, "change" as const, "cancel" as const),
    orderDate: date,
    currency,
    parties,
    paymentTerms: opt(terms),
    lines: fc.array(
      fc.record({
        lineId,
        item: itemRef,
        quantity: decimal,
        uom,
        unitPrice: decimal,
        contractNumber: opt(code(20)),
        requestedDelivery: opt(date),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    total: opt(signed),
  })
  .map(clean);

export const orderConfirmationArb: fc.Arbitrary<OrderConfirmation> = fc
  .record({
    kind: fc.constant("order-confirmation" as const),
    id: opt(code(20)),
    purchaseOrderId: code(20),
    confirmationDate: date,
    status: fc.constantFrom(
      "accepted" as const,
      "accepted-with-changes" as const,
      "rejected" as const,
      "pending" as const,
    ),
    parties,
    lines: fc.array(
      fc.record({
        lineId,
        item: opt(itemRef),
        status: fc.constantFrom(
          "accepted" as const,
          "accepted-with-changes" as const,
          "backordered" as const,
          "rejected" as const,
          "pending" as const,
        ),
        quantity: opt(decimal),
        uom: opt(uom),
        unitPrice: opt(decimal),
        scheduledShipDate: opt(date),
        note: opt(text(60)),
      }),
      { maxLength: 4 },
    ),
  })
  .map(clean);

export const shipNoticeArb: fc.Arbitrary<ShipNotice> = fc
  .record({
    kind: fc.constant("ship-notice" as const),
    id: code(20),
    purpose: fc.constantFrom("original" as const, "replace" as const, "cancel" as const),
    noticeDate: date,
    shipDate: opt(date),
    expectedDelivery: opt(date),
    carrier: opt(code(10)),
    trackingNumbers: fc.array(code(20), { maxLength: 3 }),
    parties,
    orders: fc.uniqueArray(
      fc.record({
        purchaseOrderId: code(20),
        lines: fc.array(
          fc.record({
            lineId: opt(lineId),
            item: itemRef,
            quantityShipped: decimal,
            uom,
            lot: opt(code(20)),
            serial: opt(code(20)),
            expiresOn: opt(date),
          }),
          { maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 3, selector: (o) => o.purchaseOrderId },
    ),
  })
  .map(clean);

const chargeArb = fc.oneof(
  fc.record({
    kind: fc.constantFrom("tax" as const, "freight" as const, "handling" as const, "other-charge" as const),
    amount: money2("positive"),
    description: opt(text(30)),
  }),
  fc.record({
    kind: fc.constantFrom("allowance" as const, "discount" as const),
    amount: money2("negative"),
    description: opt(text(30)),
  }),
);

export const invoiceArb: fc.Arbitrary<Invoice> = fc
  .record({
    kind: fc.constant("invoice" as const),
    id: code(20),
    purpose: fc.constantFrom("original" as const, "credit-memo" as const, "debit-memo" as const),
    invoiceDate: date,
    currency,
    purchaseOrderId: opt(code(20)),
    parties,
    paymentTerms: opt(terms),
    lines: fc.array(
      fc.record({
        lineId,
        purchaseOrderId: opt(code(20)),
        purchaseOrderLineId: opt(lineId),
        item: itemRef,
        quantity: decimal,
        uom,
        unitPrice: decimal,
        tax: opt(signed),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    charges: fc.array(chargeArb, { maxLength: 3 }),
    total: money2("any"),
  })
  .map(clean);

/** A pack chain case → box → each with distinct units, optionally ending in a GTIN-carrying base level. */
const packChain = fc
  .tuple(
    fc.uniqueArray(uom, { minLength: 1, maxLength: 4 }),
    fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 4, maxLength: 4 }),
    fc.array(opt(digits(14)), { minLength: 4, maxLength: 4 }),
    opt(digits(14)),
  )
  .map(([uoms, qty, gtins, baseGtin]) => {
    const packs = uoms
      .slice(0, -1)
      .map((u, i) => clean({ uom: u, quantity: qty[i]!, containsUom: uoms[i + 1]!, gtin: gtins[i] }));
    const base = uoms.at(-1)!;
    return baseGtin ? [...packs, { uom: base, quantity: 1, containsUom: base, gtin: baseGtin }] : packs;
  });

const price = fc.oneof(
  fc.record({ uom, unitPrice: decimal, kind: fc.constantFrom("list" as const, "contract" as const) }),
  fc.record({ uom, unitPrice: decimal, kind: fc.constant("tier" as const), tier: fc.integer({ min: 1, max: 9 }) }),
);

export const priceCatalogArb: fc.Arbitrary<PriceCatalog> = fc
  .record({
    kind: fc.constant("price-catalog" as const),
    id: code(20),
    purpose: fc.constantFrom("original" as const, "replace" as const, "update" as const),
    currency,
    contractNumber: opt(code(20)),
    effectiveFrom: opt(date),
    expiresOn: opt(date),
    parties,
    items: fc.array(fc.record({ item: itemRef, action, prices: fc.array(price, { maxLength: 3 }), packs: packChain }), {
      maxLength: 4,
    }),
  })
  .map(clean);

export const priceAuthorizationArb: fc.Arbitrary<PriceAuthorization> = fc
  .record({
    kind: fc.constant("price-authorization" as const),
    contractNumber: code(20),
    action,
    currency,
    effectiveFrom: opt(date),
    expiresOn: opt(date),
    parties,
    members: fc.array(
      fc.record({ party, action, tier: opt(fc.integer({ min: 1, max: 9 })), from: opt(date), to: opt(date) }),
      { maxLength: 3 },
    ),
    prices: fc.array(fc.record({ item: itemRef, action, uom, unitPrice: decimal, from: opt(date), to: opt(date) }), {
      maxLength: 3,
    }),
  })
  .map(clean);

export const paymentArb: fc.Arbitrary<Payment> = fc
  .record({
    kind: fc.constant("payment" as const),
    id: code(20),
    paymentDate: date,
    method: fc.constantFrom("ach" as const, "check" as const, "wire" as const, "other" as const),
    currency,
    amount: decimal,
    parties,
    remittances: fc.array(
      fc.record({
        invoiceId: code(20),
        purchaseOrderId: opt(code(20)),
        paid: decimal,
        invoiced: opt(decimal),
        discount: opt(decimal),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(clean);
