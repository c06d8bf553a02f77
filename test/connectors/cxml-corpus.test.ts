import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type DecodedCxml, decodeCxml, encodeCxml } from "../../src/connectors/cxml/index.js";
import { corpusDir } from "../support/corpus.js";

// The conformance corpus (test/corpus, see its SOURCES.md).
const CORPUS = corpusDir("cxml");
const files = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((f) => f.endsWith(".xml"))
      .sort()
  : [];
const decodeFile = (f: string): DecodedCxml => decodeCxml(readFileSync(CORPUS + f));

describe("cXML corpus", () => {
  it("resolves the corpus folder and finds all 13 documents", () => {
    expect(existsSync(CORPUS), CORPUS).toBe(true);
    expect(files).toHaveLength(13);
  });

  it.each(files)("%s decodes, and if modelled, round-trips through encode", (f) => {
    const d = decodeFile(f);
    expect(d.envelope.payloadId).not.toBe("");
    if (d.body.type === "Unsupported") return;
    const again = decodeCxml(encodeCxml(d));
    expect(again.body).toEqual(d.body);
    expect(again.envelope).toEqual(d.envelope);
  });

  it("maps the Coupa OrderRequest (DUNS without SharedSecret, Address ids, Classification)", () => {
    const d = decodeFile("officeluv_purchase_order_request_200.xml");
    expect(d.envelope.sender?.credentials).toEqual([{ domain: "duns", identity: "dell" }]);
    expect(d.envelope.deploymentMode).toBe("production");
    if (d.body.type !== "OrderRequest") throw new Error(d.body.type);
    const po = d.body.document;
    expect(po).toMatchObject({
      id: "6112",
      purpose: "original",
      orderDate: "2008-01-07",
      currency: "USD",
      total: "1505.0",
    });
    expect(po.parties.map((p) => [p.role, p.ids[0]?.value, p.address?.city])).toEqual([
      ["ship-to", "3119", "san leandro"],
      ["bill-to", "142", "West Index"],
    ]);
    expect(po.lines[1]).toEqual({
      lineId: "2",
      item: {
        supplierPartNo: "223-4511",
        description: expect.stringContaining("OptiPlex 755"),
        unspsc: "44000000",
      },
      quantity: "2",
      uom: "each",
      unitPrice: "1505.0",
    });
  });

  it("maps the FriendsOfCXML OrderRequest with line dates and DeliverTo lines", () => {
    const d = decodeFile("foc_OrderRequest.xml");
    if (d.body.type !== "OrderRequest") throw new Error(d.body.type);
    expect(d.body.document.currency).toBe("EUR");
    expect(d.body.document.parties[0]?.address?.lines).toEqual(["Joe Smith", "Mailstop M-543", "123 Anystreet"]);
    expect(d.body.document.lines.map((l) => [l.lineId, l.quantity, l.unitPrice, l.requestedDelivery])).toEqual([
      ["1", "10", "2.10", "2020-02-28"],
      ["2", "20", "3.20", "2020-02-28"],
    ]);
  });

  it("maps an invoice spanning two POs, line by line", () => {
    const d = decodeFile("officeluv_invoice_backed_by_multiple_pos.xml");
    if (d.body.type !== "InvoiceDetailRequest") throw new Error(d.body.type);
    const inv = d.body.document;
    expect(inv.purchaseOrderId).toBeUndefined();
    expect(inv.lines.map((l) => [l.lineId, l.purchaseOrderId, l.purchaseOrderLineId, l.quantity, l.amount])).toEqual([
      ["1", "2252", "1", "2.00", "200"],
      ["2", "2253", "1", "2", "20"],
    ]);
    expect(inv.paymentTerms).toEqual({ netDays: 30 });
    expect(inv.charges).toEqual([]); // every summary amount is 0
    expect(inv.total).toBe("0");
    expect(d.warnings.map((w) => w.rule)).toEqual(["cxml.order-by-payload-id", "cxml.order-by-payload-id"]);
  });

  it("maps line tax and computes the total when NetAmount is empty Money", () => {
    const d = decodeFile("officeluv_invoice_taxes_at_line.xml");
    if (d.body.type !== "InvoiceDetailRequest") throw new Error(d.body.type);
    expect(d.body.document.lines[0]).toMatchObject({ amount: "365", tax: "8" });
    expect(d.body.document.charges).toEqual([
      { kind: "tax", amount: "8", description: "total tax" },
      { kind: "handling", amount: "5" },
      { kind: "freight", amount: "30" },
    ]);
    expect(d.body.document.total).toBe("408.00");
    expect(d.warnings.find((w) => w.rule === "cxml.invoice-total-computed")?.path).toBe(
      "/cXML/Request/InvoiceDetailRequest/InvoiceDetailSummary",
    );
  });

  it("maps the ship notice carrier (SCAC first) and tracking number", () => {
    const d = decodeFile("foc_ShipNoticeRequest.xml");
    if (d.body.type !== "ShipNoticeRequest") throw new Error(d.body.type);
    expect(d.body.document).toMatchObject({
      id: "S2-123",
      carrier: "FDE",
      trackingNumbers: ["8202 8261 1194"],
      shipDate: "2000-10-14",
      expectedDelivery: "2000-10-18",
      orders: [{ purchaseOrderId: "DO1234", lines: [] }],
    });
  });

  it("tolerates the real quirks and records each", () => {
    expect(decodeFile("officeluv_punch_out_order_message_doc.xml").quirks).toEqual(["root-element-case"]);
    const coupa = decodeFile("officeluv_punch_out_setup_request_doc_coupa.xml");
    expect(coupa.quirks).toEqual(["timestamp-not-iso"]);
    expect(coupa.envelope.timestamp).toBe("2008-05-19T18:29:48+00:00");
    expect(decodeFile("officeluv_response_status_400.xml").quirks).toEqual(["no-xml-declaration"]);
  });

  it("decodes statuses, punch-out sessions and carts", () => {
    const s400 = decodeFile("officeluv_response_status_400.xml").body;
    expect(s400).toEqual({
      type: "Response",
      status: { code: 400, text: "java.lang.Exception: missing required parameter 'document'" },
    });
    expect(decodeFile("officeluv_response_status_200.xml").body).toMatchObject({
      startPageUrl: "http://localhost:3000/products",
    });
    expect(decodeFile("foc_StatusUpdateRequest.xml").body).toEqual({
      type: "StatusUpdateRequest",
      statusUpdate: {
        documentPayloadId: "0c300508b7863dcclb_14999",
        status: { code: 200, text: "OK", message: "Forwarded to supplier" },
      },
    });
    const setup = decodeFile("officeluv_punch_out_setup_request_doc_coupa.xml").body;
    if (setup.type !== "PunchOutSetupRequest") throw new Error(setup.type);
    expect(setup.punchOut.extrinsics).toHaveLength(6);
    expect(setup.punchOut.browserFormPostUrl).toBe("https://qa.coupahost.com/punchout/checkout/4");
    const cart = decodeFile("foc_PunchoutOrderMessage.xml");
    if (cart.body.type !== "PunchOutOrderMessage") throw new Error(cart.body.type);
    expect(cart.body.punchOut.items.map((i) => [i.item.supplierPartNo, i.item.description, i.quantity])).toEqual([
      ["5555", "Excelsior Desk Chair", "3"],
      ["666", "22Excelsior Desk Chair", "5"],
    ]);
    // "ean1234" in a UNSPSC Classification is reported, not mapped.
    expect(cart.warnings.map((w) => w.rule)).toEqual(["cxml.unspsc-invalid", "cxml.unspsc-invalid"]);
    expect(decodeFile("foc_ProductActivityMessage.xml").body).toEqual({
      type: "Unsupported",
      container: "Message",
      element: "ProductActivityMessage",
    });
  });
});
