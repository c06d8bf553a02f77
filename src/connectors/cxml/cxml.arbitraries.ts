/**
 * fast-check generators of cXML messages Concord can carry losslessly, for the round-trip
 * properties (decode(encode(m)) = m). Each generator documents the canonical shapes cXML cannot
 * express and therefore leaves out.
 */
import fc from "fast-check";
import {
  type Invoice,
  type InvoiceCharge,
  type ItemRef,
  type OrderConfirmation,
  type Party,
  PartyRoles,
  type PaymentTerms,
  type PurchaseOrder,
  type ShipNotice,
  UOMS,
} from "../../model/index.js";
import type {
  CxmlBody,
  CxmlEnvelope,
  CxmlMessage,
  PunchOutItem,
  PunchOutOrderMessage,
  PunchOutSetupRequest,
} from "./cxml-types.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Text as a reader returns it: trimmed, non-empty, with the characters XML must escape. */
export const text = (maxLength = 40) =>
  fc
    .string({ unit: fc.constantFrom("a", "Z", "7", " ", "&", "<", ">", '"', "'", "é", "-", "/", "😀"), maxLength })
    .map((s) => s.trim())
    .filter((s) => s !== "");
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const lineNo = fc.integer({ min: 1, max: 99_999 }).map(String);
const positive = fc
  .tuple(fc.integer({ min: 0, max: 999_999 }), fc.constantFrom("", ".5", ".25", ".00", ".1234", ".0001"))
  .map(([i, f]) => `${i}${f}`)
  .filter((d) => !/^0(\.0*)?$/.test(d));
const nonNegative = fc.oneof(positive, fc.constant("0"));
const signed = fc.oneof(
  positive,
  positive.map((d) => `-${d}`),
);
export const isoDate = fc
  .integer({ min: 0, max: 20_000 })
  .map((d) => new Date(Date.UTC(2000, 0, 1 + d)).toISOString().slice(0, 10));
const currency = fc.constantFrom("USD", "EUR", "CAD", "GBP");
const uom = fc.constantFrom(...UOMS);

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export const itemRef: fc.Arbitrary<ItemRef> = fc
  .record({
    supplierPartNo: opt(text(48)),
    buyerPartNo: opt(text(48)),
    gtin: opt(digits(14)),
    ndc: opt(digits(11)),
    upc: opt(digits(12)),
    hibcc: opt(text(48)),
    manufacturerPartNo: opt(text(48)),
    description: opt(text(120)),
    unspsc: opt(fc.integer({ min: 10_000_000, max: 99_999_999 }).map(String)),
  })
  .map(defined)
  .filter((r) => Object.keys(r).length > 0);

/** ItemID alone (a SelectedItem) carries no description, UNSPSC or manufacturer part. */
const itemIdOnly = itemRef
  .map(({ description: _d, unspsc: _u, manufacturerPartNo: _m, ...rest }) => rest)
  .filter((r) => Object.keys(r).length > 0);

const address = fc
  .record({
    lines: fc.array(text(60), { maxLength: 4 }),
    city: opt(text(40)),
    region: opt(text(20)),
    postalCode: opt(text(10)),
    country: opt(fc.stringMatching(/^[A-Z]{2,3}$/)),
  })
  .map(defined);

const partyId = fc.record({
  scheme: fc.constantFrom(
    "canonical",
    "gln",
    "duns",
    "duns4",
    "hin",
    "buyer-assigned",
    "seller-assigned",
    "tin",
    "network",
    "other",
  ) as fc.Arbitrary<Party["ids"][number]["scheme"]>,
  value: text(30),
});

/** Parties always have a name: a party with nothing at all is not a party after a round trip. */
export const party = (roles: readonly Party["role"][], maxIds = 3): fc.Arbitrary<Party> =>
  fc
    .record({
      role: fc.constantFrom(...roles),
      name: text(60),
      ids: fc.array(partyId, { maxLength: maxIds }),
      address: opt(address),
    })
    .map(defined);

const contactRoles = PartyRoles;
const otherRoles = PartyRoles.filter((r) => r !== "ship-to" && r !== "bill-to");

/** The net term and, when given, a discount term with both percent and days (cXML states them together). */
export const paymentTerms: fc.Arbitrary<PaymentTerms> = fc
  .record({
    netDays: fc.integer({ min: 0, max: 365 }),
    discount: opt(
      fc.record({
        discountPercent: fc.constantFrom("2", "1.5", "0.25", "10"),
        discountDays: fc.integer({ min: 0, max: 60 }),
      }),
    ),
    description: opt(text(60)),
  })
  .map(({ discount, ...rest }) => defined({ ...rest, ...(discount ?? {}) }));

/** Parties in the order cXML gives them back: ShipTo, BillTo (one id each), then Contacts. */
const orderParties = fc
  .tuple(opt(party(["ship-to"], 1)), opt(party(["bill-to"], 1)), fc.array(party(otherRoles), { maxLength: 2 }))
  .map(([s, b, rest]) => [...(s ? [s] : []), ...(b ? [b] : []), ...rest]);

export const purchaseOrder: fc.Arbitrary<PurchaseOrder> = fc
  .record({
    kind: fc.constant("purchase-order" as const),
    id: text(80),
    purpose: fc.constantFrom("original", "change", "cancel") as fc.Arbitrary<PurchaseOrder["purpose"]>,
    orderDate: isoDate,
    currency,
    parties: orderParties,
    paymentTerms: opt(paymentTerms),
    lines: fc.array(
      fc
        .record({
          lineId: lineNo,
          item: itemRef,
          quantity: nonNegative,
          uom,
          unitPrice: nonNegative,
          contractNumber: opt(text(40)),
          requestedDelivery: opt(isoDate),
        })
        .map(defined),
      { minLength: 1, maxLength: 4 },
    ),
    // Total is required in cXML: an order without one is sent with the computed sum.
    total: nonNegative,
  })
  .map(defined);

export const orderConfirmation: fc.Arbitrary<OrderConfirmation> = fc
  .record({
    kind: fc.constant("order-confirmation" as const),
    id: opt(text(80)),
    purchaseOrderId: text(80),
    confirmationDate: isoDate,
    status: fc.constantFrom("accepted", "accepted-with-changes", "rejected", "pending") as fc.Arbitrary<
      OrderConfirmation["status"]
    >,
    parties: fc.array(party(contactRoles), { maxLength: 3 }),
    lines: fc.array(
      fc
        .record({
          lineId: lineNo,
          item: opt(itemRef),
          status: fc.constantFrom(
            "accepted",
            "accepted-with-changes",
            "backordered",
            "rejected",
            "pending",
          ) as fc.Arbitrary<OrderConfirmation["lines"][number]["status"]>,
          quantity: opt(nonNegative),
          uom: opt(uom),
          unitPrice: opt(nonNegative),
          scheduledShipDate: opt(isoDate),
          note: opt(text(100)),
        })
        .map(defined),
      { maxLength: 4 },
    ),
  })
  .map(defined);

export const shipNotice: fc.Arbitrary<ShipNotice> = fc
  .record({
    kind: fc.constant("ship-notice" as const),
    id: text(80),
    purpose: fc.constantFrom("original", "replace", "cancel") as fc.Arbitrary<ShipNotice["purpose"]>,
    noticeDate: isoDate,
    shipDate: opt(isoDate),
    expectedDelivery: opt(isoDate),
    carrier: opt(fc.oneof(fc.constantFrom("FDEG", "UPSN", "DHL"), text(40))),
    trackingNumbers: fc.array(text(40), { maxLength: 3 }),
    parties: fc.array(party(contactRoles), { maxLength: 3 }),
    orders: fc.array(
      fc.record({
        purchaseOrderId: text(80),
        lines: fc.array(
          fc
            .record({
              lineId: opt(lineNo),
              item: itemRef,
              quantityShipped: nonNegative,
              uom,
              lot: opt(text(40)),
              serial: opt(text(40)),
              expiresOn: opt(isoDate),
            })
            .map(defined),
          { maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(defined);

/** Charges in summary order; zero amounts are left out (cXML's zero Tax is "no tax"). */
const charges: fc.Arbitrary<InvoiceCharge[]> = fc
  .record({
    tax: opt(fc.record({ amount: signed, description: opt(text(60)) })),
    handling: opt(signed),
    freight: opt(signed),
    discount: opt(signed),
    modifications: fc.array(
      fc.record({
        kind: fc.constantFrom("allowance", "other-charge") as fc.Arbitrary<"allowance" | "other-charge">,
        amount: signed,
        description: opt(text(60)),
      }),
      { maxLength: 2 },
    ),
  })
  .map((c) => [
    ...(c.tax ? [defined({ kind: "tax" as const, ...c.tax })] : []),
    ...(c.handling ? [{ kind: "handling" as const, amount: c.handling }] : []),
    ...(c.freight ? [{ kind: "freight" as const, amount: c.freight }] : []),
    ...(c.discount ? [{ kind: "discount" as const, amount: c.discount }] : []),
    ...c.modifications.map(defined),
  ]);

const invoiceLine = fc
  .record({
    lineId: lineNo,
    purchaseOrderLineId: opt(lineNo),
    item: itemRef,
    quantity: nonNegative,
    uom,
    unitPrice: nonNegative,
    amount: opt(signed),
    tax: opt(signed),
  })
  .map(defined);

/** One PO on the header, or (a multi-PO invoice) two or more POs on the lines, never both. */
const invoiceOrders = fc.oneof(
  fc.record({ purchaseOrderId: text(40), lines: fc.array(invoiceLine, { minLength: 1, maxLength: 3 }) }),
  fc
    .array(fc.tuple(text(30), fc.array(invoiceLine, { minLength: 1, maxLength: 2 })), { minLength: 2, maxLength: 3 })
    .map((groups) => ({
      purchaseOrderId: undefined,
      lines: groups.flatMap(([po, lines], g) => lines.map((l) => ({ ...l, purchaseOrderId: `${po}#${g}` }))),
    })),
);

export const invoice: fc.Arbitrary<Invoice> = fc
  .record({
    kind: fc.constant("invoice" as const),
    id: text(80),
    purpose: fc.constantFrom("original", "credit-memo", "debit-memo") as fc.Arbitrary<Invoice["purpose"]>,
    invoiceDate: isoDate,
    currency,
    orders: invoiceOrders,
    parties: fc.array(party(contactRoles), { maxLength: 3 }),
    paymentTerms: opt(paymentTerms),
    charges,
    total: signed,
  })
  .map(
    ({ orders, ...rest }) =>
      defined({ ...rest, purchaseOrderId: orders.purchaseOrderId, lines: orders.lines }) as Invoice,
  );

const punchOutItem = (withLine: boolean): fc.Arbitrary<PunchOutItem> =>
  fc
    .record({
      lineId: withLine ? opt(lineNo) : fc.constant(undefined),
      item: itemRef,
      quantity: nonNegative,
      uom,
      unitPrice: nonNegative,
      currency,
      requestedDelivery: withLine ? opt(isoDate) : fc.constant(undefined),
    })
    .map(defined);

const operation = fc.constantFrom("create", "edit", "inspect") as fc.Arbitrary<"create" | "edit" | "inspect">;

export const punchOutSetup: fc.Arbitrary<PunchOutSetupRequest> = fc
  .record({
    operation,
    buyerCookie: text(40),
    extrinsics: fc.array(fc.record({ name: text(20), value: fc.oneof(text(40), fc.constant("")) }), { maxLength: 3 }),
    browserFormPostUrl: opt(fc.webUrl()),
    contacts: fc.array(
      fc
        .record({ role: opt(fc.constantFrom("endUser", "buyer")), name: text(30), email: opt(fc.emailAddress()) })
        .map(defined),
      { maxLength: 2 },
    ),
    supplierSetupUrl: opt(fc.webUrl()),
    shipTo: opt(party(["ship-to"], 1)),
    selectedItem: opt(itemIdOnly),
    items: fc.array(punchOutItem(true), { maxLength: 3 }),
  })
  .map(defined);

export const punchOutOrder: fc.Arbitrary<PunchOutOrderMessage> = fc
  .record({
    buyerCookie: text(40),
    operationAllowed: operation,
    total: opt(fc.record({ amount: nonNegative, currency })),
    items: fc.array(punchOutItem(false), { maxLength: 3 }),
  })
  .map(defined);

const credential = (withSecret: boolean) =>
  fc
    .record({
      domain: fc.constantFrom("NetworkId", "DUNS", "duns", "AribaNetworkUserId"),
      identity: text(30),
      sharedSecret: withSecret ? opt(text(30)) : fc.constant(undefined),
    })
    .map(defined);

const envelope = (kind: "request" | "response"): fc.Arbitrary<CxmlEnvelope> =>
  fc
    .record({
      payloadId: text(60),
      timestamp: fc
        .date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString()),
      version: opt(fc.constantFrom("1.2.050", "1.2.014", "1.0")),
      lang: opt(fc.constantFrom("en-US", "fr-CA")),
      from: kind === "response" ? fc.constant([]) : fc.array(credential(false), { minLength: 1, maxLength: 2 }),
      to: kind === "response" ? fc.constant([]) : fc.array(credential(false), { minLength: 1, maxLength: 2 }),
      sender:
        kind === "response"
          ? fc.constant(undefined)
          : fc.record({ credentials: fc.array(credential(true), { minLength: 1, maxLength: 2 }), userAgent: text(40) }),
      deploymentMode:
        kind === "response"
          ? fc.constant(undefined)
          : opt(fc.constantFrom("production", "test") as fc.Arbitrary<"production" | "test">),
    })
    .map((e) => defined(e as Mutable<CxmlEnvelope>));

const status = fc
  .record({
    code: fc.integer({ min: 100, max: 999 }),
    text: fc.oneof(text(40), fc.constant("")),
    message: opt(text(80)),
  })
  .map(defined);

export const bodies: Readonly<Record<string, fc.Arbitrary<CxmlBody>>> = {
  OrderRequest: purchaseOrder.map((document) => ({ type: "OrderRequest", document })),
  ConfirmationRequest: orderConfirmation.map((document) => ({ type: "ConfirmationRequest", document })),
  ShipNoticeRequest: shipNotice.map((document) => ({ type: "ShipNoticeRequest", document })),
  InvoiceDetailRequest: invoice.map((document) => ({ type: "InvoiceDetailRequest", document })),
  StatusUpdateRequest: fc
    .record({ documentPayloadId: text(60), status })
    .map((statusUpdate) => ({ type: "StatusUpdateRequest", statusUpdate })),
  PunchOutSetupRequest: punchOutSetup.map((punchOut) => ({ type: "PunchOutSetupRequest", punchOut })),
  PunchOutOrderMessage: punchOutOrder.map((punchOut) => ({ type: "PunchOutOrderMessage", punchOut })),
  Response: fc
    .record({ status, startPageUrl: opt(fc.webUrl()) })
    .map((r) => defined({ type: "Response" as const, ...r })),
};

export const message = (type: string): fc.Arbitrary<CxmlMessage> =>
  fc.record({ envelope: envelope(type === "Response" ? "response" : "request"), body: bodies[type]! });
