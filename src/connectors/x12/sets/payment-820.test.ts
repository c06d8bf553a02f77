import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { corpusDir } from "../../../../test/support/corpus.js";
import type { Payment } from "../../../model/schemas/payment.js";
import { decodeInterchange } from "../envelope/decode-interchange.js";
import { encodeInterchange } from "../envelope/encode-interchange.js";
import type { TransactionSet } from "../envelope/interchange-types.js";
import { problemOf } from "../x12-problem.js";
import { decodeDocument } from "./decode-document.js";
import { encodeDocument, encodeDocuments } from "./encode-document.js";
import type { X12PartnerOptions } from "./x12-options.js";

const envelope = {
  sender: { qualifier: "ZZ", id: "ERP" },
  receiver: { qualifier: "ZZ", id: "SUPPLIER" },
  controlNumber: 7,
  at: new Date("2026-03-09T14:07:00Z"),
};

/** An 820 set from body segments written as text ("BPR*C*…"), through a real envelope with every control checked. */
function set820(...body: string[]): TransactionSet {
  const text = encodeInterchange(envelope, [
    { setId: "820", functionalId: "RA", version: "004010", segments: body.map((s) => s.split("*")) },
  ]);
  return decodeInterchange(text, { controls: "throw" }).groups[0]!.sets[0]!;
}

function payment(set: TransactionSet, options: X12PartnerOptions = {}) {
  const { document, warnings } = decodeDocument(set, options);
  expect(document.kind).toBe("payment");
  return { doc: document as Payment, rules: warnings.map((w) => w.rule), warnings };
}

/** decodeDocument's error, with its code, message and X12 problem. */
function failure(set: TransactionSet) {
  try {
    decodeDocument(set);
  } catch (e) {
    return { code: (e as { code?: string }).code, message: (e as Error).message, problem: problemOf(e) };
  }
  throw new Error("expected the 820 to be refused");
}

function roundTrip(doc: Payment, options: X12PartnerOptions = {}): Payment {
  const { text } = encodeDocuments([doc], envelope, options);
  const ic = decodeInterchange(text, { controls: "throw" });
  expect(ic.groups[0]!.header.functionalId).toBe("RA");
  return decodeDocument(ic.groups[0]!.sets[0]!, options).document as Payment;
}

/** The segments encodeDocument writes, as text. */
function written(doc: Payment, options: X12PartnerOptions = {}): string[] {
  return encodeDocument(doc, options).segments.map((s) => {
    const values = s.map((v) => (typeof v === "string" ? v : v.join(">")));
    while (values.length > 1 && values.at(-1) === "") values.pop();
    return values.join("*");
  });
}

const base: Payment = {
  kind: "payment",
  id: "CHK-000417",
  paymentDate: "2026-03-10",
  method: "check",
  currency: "USD",
  amount: "1180.50",
  parties: [
    { role: "buyer", name: "Mercy General Hospital", ids: [{ scheme: "duns", value: "123456789" }] },
    {
      role: "seller",
      name: "Acme Medical Supply",
      ids: [{ scheme: "gln", value: "0614141000012" }],
      address: { lines: ["100 Supply Way"], city: "Columbus", region: "OH", postalCode: "43004", country: "US" },
    },
  ],
  remittances: [
    { invoiceId: "INV-1001", purchaseOrderId: "4500000110", paid: "980.50", invoiced: "1000.50", discount: "20" },
    { invoiceId: "INV-1002", paid: "200" },
  ],
};

describe("820 corpus: the MBA remittance example", () => {
  const set = decodeInterchange(readFileSync(`${corpusDir("x12")}820_remittance_bpr.x12`)).groups[0]!.sets[0]!;

  it("maps BPR, TRN and both RMRs to a payment, keeping RMR04 as sent (R, not implied-decimal)", () => {
    const { doc } = payment(set);
    expect(doc).toEqual({
      kind: "payment",
      id: "888999",
      paymentDate: "1999-01-05",
      method: "ach",
      currency: "USD",
      amount: "337.67",
      parties: [
        { role: "other", name: "XYZ Mortgage Company", ids: [] },
        { role: "other", name: "123 Mortgage Insurance Company", ids: [{ scheme: "other", value: "123" }] },
      ],
      remittances: [
        { invoiceId: "8889444", paid: "236.00" },
        { invoiceId: "66666789", paid: "10167" },
      ],
    });
  });

  it("warns about the RMR01 ID qualifier, the RMR04 total that is not BPR02, and the defaulted currency", () => {
    const { warnings } = payment(set);
    expect(warnings.map((w) => [w.rule, w.path])).toEqual([
      ["x12.rmr-qualifier", "/segments/11/RMR01"],
      ["x12.rmr-qualifier", "/segments/21/RMR01"],
      ["x12.remittance-total", "/segments/2/BPR02"],
      ["x12.currency-defaulted", "/segments"],
    ]);
    expect(warnings[0]!.message).toContain('RMR01 "ID"');
    expect(warnings[0]!.message).toContain("8889444");
    expect(warnings[2]!.message).toContain("10403.00");
  });

  it("ignores the RMR loop's REF*LD, DTM*143 and the IT1/SAC/TX1 below it", () => {
    const { doc } = payment(set);
    expect(doc.remittances.every((r) => r.purchaseOrderId === undefined)).toBe(true);
  });
});

describe("820 → payment", () => {
  it("reads a supplier remittance: CUR, N1*PR/PE, RMR*IV with invoiced and discount, REF*PO in the RMR loop", () => {
    const set = set820(
      "BPR*C*1180.50*C*CHK************20260310",
      "TRN*1*CHK-000417*1123456789",
      "CUR*PR*CAD",
      "DTM*097*20260309",
      "N1*PR*Mercy General Hospital*1*123456789",
      "N3*1 Hospital Drive",
      "N4*Columbus*OH*43004",
      "PER*AC*Accounts Payable",
      "N1*PE*Acme Medical Supply*UL*0614141000012",
      "REF*TJ*123456789",
      "N1*RI*Acme Lockbox",
      "ENT*1",
      "RMR*IV*INV-1001**980.50*1000.50*20",
      "REF*PO*4500000110",
      "DTM*003*20260301",
      "IT1*1*10*EA*98.05",
      "REF*PO*NOT-THE-RMR-PO",
      "RMR*IV*INV-1002**200",
      "ADX*-5*01",
      "REF*PO*NOR-THIS-ONE",
    );
    const { doc, warnings } = payment(set);
    expect(warnings).toEqual([]);
    expect(doc).toEqual({
      kind: "payment",
      id: "CHK-000417",
      paymentDate: "2026-03-10",
      method: "check",
      currency: "CAD",
      amount: "1180.50",
      parties: [
        {
          role: "buyer",
          name: "Mercy General Hospital",
          ids: [{ scheme: "duns", value: "123456789" }],
          address: { lines: ["1 Hospital Drive"], city: "Columbus", region: "OH", postalCode: "43004" },
        },
        { role: "seller", name: "Acme Medical Supply", ids: [{ scheme: "gln", value: "0614141000012" }] },
        { role: "remit-to", name: "Acme Lockbox", ids: [] },
      ],
      remittances: [
        { invoiceId: "INV-1001", purchaseOrderId: "4500000110", paid: "980.50", invoiced: "1000.50", discount: "20" },
        { invoiceId: "INV-1002", paid: "200" },
      ],
    });
  });

  it("maps BPR04 FWT to wire, ZZ to other, and any other code to other with a warning", () => {
    const body = (method: string) => [`BPR*C*10*C*${method}************20260310`, "TRN*1*T1", "RMR*IV*A**10"];
    expect(payment(set820(...body("FWT"))).doc.method).toBe("wire");
    expect(payment(set820(...body("ACH"))).doc.method).toBe("ach");
    const zz = payment(set820(...body("ZZ")));
    expect([zz.doc.method, zz.rules.includes("x12.payment-method")]).toEqual(["other", false]);
    const bop = payment(set820(...body("BOP")));
    expect(bop.doc.method).toBe("other");
    expect(bop.warnings.find((w) => w.rule === "x12.payment-method")).toMatchObject({ path: "/segments/2/BPR04" });
  });

  it("takes the payment date from DTM*097 when BPR16 is empty, with a warning", () => {
    const { doc, warnings } = payment(
      set820("BPR*C*10*C*ACH", "TRN*1*T1", "CUR*PR*USD", "DTM*097*20260302", "RMR*IV*A**10"),
    );
    expect(doc.paymentDate).toBe("2026-03-02");
    expect(warnings).toEqual([
      expect.objectContaining({ rule: "x12.payment-date-from-dtm097", path: "/segments/2/BPR16" }),
    ]);
  });

  it("uses the partner's default currency without a CUR, with a warning", () => {
    const { doc, rules } = payment(set820("BPR*C*10*C*ACH************20260310", "TRN*1*T1", "RMR*IV*A**10"), {
      defaultCurrency: "EUR",
    });
    expect(doc.currency).toBe("EUR");
    expect(rules).toEqual(["x12.currency-defaulted"]);
  });
});

describe("820 → payment: what cannot be mapped is refused, naming the segment", () => {
  it.each([
    ["BPR", ["TRN*1*T1", "RMR*IV*A**10"]],
    ["TRN", ["BPR*C*10*C*ACH************20260310", "RMR*IV*A**10"]],
    ["RMR", ["BPR*C*10*C*ACH************20260310", "TRN*1*T1", "ENT*1"]],
    ["DTM", ["BPR*C*10*C*ACH", "TRN*1*T1", "RMR*IV*A**10"]],
  ])("a missing %s is a mandatory-segment mapping error (AK3 code 3)", (segment, body) => {
    const { code, message, problem } = failure(set820(...body));
    expect(code).toBe("CONCORD_ERR_EDI_MAPPING");
    expect(message).toContain(`mandatory segment ${segment} is missing`);
    expect(problem).toMatchObject({ rule: "x12.mapping.segment-missing", ackCode: "3" });
  });

  it("an RMR without the amount paid (RMR04) is refused at its element", () => {
    const { code, message, problem } = failure(
      set820("BPR*C*10*C*ACH************20260310", "TRN*1*T1", "RMR*IV*A**10", "RMR*IV*B"),
    );
    expect(code).toBe("CONCORD_ERR_EDI_MAPPING");
    expect(message).toContain("RMR04");
    expect(problem).toMatchObject({
      ackCode: "8",
      elementAckCode: "1",
      position: { segmentId: "RMR", setPosition: 5 },
    });
  });

  it("a negative RMR04 (a credit memo taken) and a BPR02 that is not a number are refused with the bad value", () => {
    const credit = failure(set820("BPR*C*10*C*ACH************20260310", "TRN*1*T1", "RMR*CM*A**-10"));
    expect(credit.problem).toMatchObject({ badValue: "-10", position: { segmentId: "RMR", elementPosition: 4 } });
    const nan = failure(set820("BPR*C*1O*C*ACH************20260310", "TRN*1*T1", "RMR*IV*A**10"));
    expect(nan.problem).toMatchObject({ badValue: "1O", position: { segmentId: "BPR", elementPosition: 2 } });
  });
});

describe("payment → 820", () => {
  it("writes BPR with the date in BPR16, TRN*1, N1*PR/PE, one ENT and RMR*IV (+ REF*PO) per remittance", () => {
    const encoded = encodeDocument(base);
    expect([encoded.setId, encoded.functionalId, encoded.warnings]).toEqual(["820", "RA", []]);
    expect(written(base)).toEqual([
      "BPR*C*1180.50*C*CHK************20260310",
      "TRN*1*CHK-000417",
      "N1*PR*Mercy General Hospital*1*123456789",
      "N1*PE*Acme Medical Supply*UL*0614141000012",
      "N3*100 Supply Way",
      "N4*Columbus*OH*43004*US",
      "ENT*1",
      "RMR*IV*INV-1001**980.50*1000.50*20",
      "REF*PO*4500000110",
      "RMR*IV*INV-1002**200",
    ]);
  });

  it("writes CUR*PR unless the payment is in USD and USD is also the partner's default", () => {
    expect(written({ ...base, currency: "EUR" })).toContain("CUR*PR*EUR");
    expect(written(base).some((s) => s.startsWith("CUR"))).toBe(false);
    expect(written(base, { defaultCurrency: "CAD" })).toContain("CUR*PR*USD");
  });

  it("writes BPR04 ACH, FWT and ZZ for ach, wire and other", () => {
    for (const [method, code] of [
      ["ach", "ACH"],
      ["wire", "FWT"],
      ["other", "ZZ"],
    ] as const) {
      expect(written({ ...base, method })[0]).toBe(`BPR*C*1180.50*C*${code}************20260310`);
    }
  });

  it("refuses a payment the canonical schema refuses, naming the field", () => {
    expect(() => encodeDocument({ ...base, remittances: [] })).toThrow(/cannot encode \/remittances/);
  });
});

describe("payment → 820 → payment is the identity", () => {
  const payments: [string, Payment, X12PartnerOptions?][] = [
    ["a check paying two invoices, one short-paid with a discount and a PO", base],
    [
      "a wire in euros to a remit-to address",
      {
        ...base,
        id: "WIRE 2026/03/0001",
        method: "wire",
        currency: "EUR",
        amount: "0.0001",
        parties: [
          { role: "remit-to", name: "Acme Lockbox", ids: [{ scheme: "other", value: "LB-7" }] },
          { role: "other", ids: [] },
        ],
        remittances: [{ invoiceId: "F-2026-77", paid: "0.0001", discount: "0" }],
      },
    ],
    [
      "an ACH with no parties and many remittances, partner default CAD",
      {
        ...base,
        method: "ach",
        currency: "USD",
        amount: "99999999999999.9999",
        parties: [],
        remittances: Array.from({ length: 25 }, (_, i) => ({
          invoiceId: `INV-${i}`,
          paid: `${i}.5`,
          ...(i % 3 === 0 ? { invoiced: `${i + 1}.50` } : {}),
          ...(i % 4 === 0 ? { purchaseOrderId: `PO-${i}` } : {}),
        })),
      },
      { defaultCurrency: "CAD" },
    ],
    ["a payment of another method", { ...base, method: "other", paymentDate: "2000-02-29" }],
  ];

  it.each(payments)("%s", (_name, doc, options) => {
    expect(roundTrip(doc, options)).toEqual(doc);
  });

  it("the corpus 820 survives decode → encode → decode", () => {
    const set = decodeInterchange(readFileSync(`${corpusDir("x12")}820_remittance_bpr.x12`)).groups[0]!.sets[0]!;
    const first = decodeDocument(set).document as Payment;
    expect(roundTrip(first)).toEqual(first);
  });
});
