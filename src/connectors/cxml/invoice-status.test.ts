import { describe, expect, it } from "vitest";
import { decodeCxml, encodeCxml } from "./index.js";

const envelope = {
  payloadId: "status-1@concord",
  timestamp: "2026-03-06T10:00:00Z",
  from: [{ domain: "NetworkId", identity: "AN-CONCORD" }],
  to: [{ domain: "DUNS", identity: "081234567" }],
  sender: {
    credentials: [{ domain: "NetworkId", identity: "AN-CONCORD", sharedSecret: "s3cret" }],
    userAgent: "Concord",
  },
};

describe("cXML StatusUpdateRequest with an InvoiceStatus", () => {
  it("writes and reads back what accounts payable decided about an invoice", () => {
    const statusUpdate = {
      documentPayloadId: "invoice-7@supplier",
      status: { code: 200, text: "OK", message: "short-pay by accounts payable" },
      invoiceStatus: {
        type: "reconciled" as const,
        invoiceId: "CXI-7",
        invoiceDate: "2026-03-05",
        partialAmount: { value: "102.50", currency: "USD" },
        comments: "price.over-contract: short-pay (billed above the contract price)",
      },
    };
    const xml = encodeCxml({ envelope, body: { type: "StatusUpdateRequest", statusUpdate } });
    expect(xml).toContain('<InvoiceStatus type="reconciled">');
    expect(xml).toContain('<InvoiceIDInfo invoiceID="CXI-7" invoiceDate="2026-03-05"/>');
    expect(xml).toContain('<Money currency="USD">102.50</Money>');
    const back = decodeCxml(xml);
    expect(back.body).toEqual({ type: "StatusUpdateRequest", statusUpdate });
  });

  it("reads a plain status update (no InvoiceStatus) as before, and refuses an invoice state cXML does not have", () => {
    const plain = encodeCxml({
      envelope,
      body: {
        type: "StatusUpdateRequest",
        statusUpdate: { documentPayloadId: "x@y", status: { code: 200, text: "OK" } },
      },
    });
    expect(decodeCxml(plain).body).toEqual({
      type: "StatusUpdateRequest",
      statusUpdate: { documentPayloadId: "x@y", status: { code: 200, text: "OK" } },
    });
    const odd = plain.replace(
      "</StatusUpdateRequest>",
      '<InvoiceStatus type="lost"><InvoiceIDInfo invoiceID="A"/></InvoiceStatus></StatusUpdateRequest>',
    );
    expect(() => decodeCxml(odd)).toThrow(
      'InvoiceStatus type "lost" is not one of processing, reconciled, rejected, paying, paid',
    );
  });
});
