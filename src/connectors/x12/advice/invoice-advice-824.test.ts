import { describe, expect, it } from "vitest";
import type { InvoiceDecision } from "../../../model/events/invoice-decision.js";
import { decodeInterchange } from "../envelope/decode-interchange.js";
import { encodeInterchange } from "../envelope/encode-interchange.js";
import { invoiceAdviceSet, plainText } from "./invoice-advice-824.js";

const decision = (over: Partial<InvoiceDecision> = {}): InvoiceDecision => ({
  invoiceDocumentId: 41,
  invoiceId: "INV-2026-0041",
  partner: "distributor",
  purchaseOrderId: "4500000110",
  invoiceDate: "2026-03-05",
  currency: "USD",
  total: "120.50",
  decision: "release",
  approvedAmount: "120.50",
  disputedAmount: "0.00",
  creditRequested: false,
  resolutions: [],
  decidedBy: "ap-clerk",
  decidedAt: "2026-03-09T14:07:00.000Z",
  source: { format: "x12-810 ST 0007", messageId: "x12:ZZ:DISTRIB:ZZ:CONCORD:000000111" },
  ...over,
});

/** The 824 in a real interchange, read back with every envelope control checked: its segments as text. */
function written(d: InvoiceDecision, version = "004010"): string[] {
  const text = encodeInterchange(
    {
      sender: { qualifier: "ZZ", id: "CONCORD" },
      receiver: { qualifier: "ZZ", id: "DISTRIB" },
      controlNumber: 9,
      at: new Date("2026-03-09T14:07:00Z"),
      controlVersion: version === "005010" ? "00501" : "00401",
    },
    [invoiceAdviceSet(d, version)],
  );
  const ic = decodeInterchange(text, { controls: "throw" });
  expect(ic.groups.map((g) => [g.header.functionalId, g.header.version])).toEqual([["AG", version]]);
  const [set] = ic.groups[0]!.sets;
  expect(set!.setId).toBe("824");
  return set!.segments.slice(1, -1).map((s) => s.elements.join("*"));
}

describe("invoice decision as an X12 824 Application Advice", () => {
  it("accepts a released invoice (TA), naming it as the partner sent it, with what is paid", () => {
    expect(written(decision())).toEqual([
      "BGN*00*INVDEC-41*20260309*1407",
      "OTI*TA*IV*INV-2026-0041***20260305***0007*810",
      "REF*PO*4500000110",
      "DTM*003*20260305",
      "AMT*5*120.50",
      "AMT*NP*120.50",
    ]);
  });

  it("accepts a short-paid invoice with a change (TC): net to pay, and each resolution with its reason", () => {
    const segs = written(
      decision({
        decision: "short-pay",
        approvedAmount: "100.00",
        disputedAmount: "20.50",
        resolutions: [
          {
            exceptionId: 7,
            rule: "price.above-contract",
            code: "short-pay",
            reason: "billed 12.05/box against the contract's 10.00; paying the contract price",
            resolvedBy: "ap-clerk",
            varianceAmount: "20.50",
          },
        ],
      }),
      "005010",
    );
    expect(segs[1]).toMatch(/^OTI\*TC\*IV\*INV-2026-0041\*/);
    expect(segs).toContain("AMT*NP*100.00");
    expect(segs.slice(-3)).toEqual([
      "TED*024*price.above-contract short-pay",
      "NTE*GEN*billed 12.05/box against the contract's 10.00; paying the contract price",
      "NTE*GEN*(ap-clerk)",
    ]);
  });

  it("rejects (TR) with nothing to pay, and keeps a long reason whole across NTEs, free of separators", () => {
    const reason = `duplicate of INV-2026-0040 *already paid* ~ see ticket #4411: ${"x".repeat(150)}`;
    const segs = written(
      decision({
        decision: "reject",
        approvedAmount: "0.00",
        disputedAmount: "120.50",
        purchaseOrderId: null,
        source: { format: "cxml-InvoiceDetailRequest", messageId: "inv-41@supplier" },
        resolutions: [
          {
            exceptionId: 8,
            rule: "duplicate",
            code: "rejected",
            reason,
            resolvedBy: "ap-manager",
            varianceAmount: "0.00",
          },
        ],
      }),
    );
    // No ST02 to refer to for an invoice that did not come as X12; no REF without a PO.
    expect(segs[1]).toBe("OTI*TR*IV*INV-2026-0041***20260305****810");
    expect(segs.some((s) => s.startsWith("REF"))).toBe(false);
    expect(segs).toContain("AMT*NP*0.00");
    const notes = segs.filter((s) => s.startsWith("NTE*GEN*")).map((s) => s.slice(8));
    expect(notes.length).toBeGreaterThan(2);
    expect(notes.every((n) => n.length <= 80)).toBe(true);
    // Broken between words, and inside a word only where it is longer than a note.
    expect(notes[0]).toBe("duplicate of INV-2026-0040 already paid see ticket #4411");
    expect(notes.join(" ").replaceAll(" ", "")).toBe(plainText(`${reason} (ap-manager)`).replaceAll(" ", ""));
  });
});
