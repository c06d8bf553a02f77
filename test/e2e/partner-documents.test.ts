import { describe, expect, it } from "vitest";
import { encodeDocuments } from "../../src/connectors/x12/index.js";
import type { PurchaseOrder } from "../../src/model/index.js";
import { STORE_KINDS } from "../support/stores.js";
import { hubHeaders, useRecordingHub, waitFor } from "../support/test-hub.js";

const PARTNERS = [
  { system: "medline", x12: { qualifier: "ZZ", id: "MEDLINE", uomCodes: { PK: "pack" as const } } },
  {
    system: "acme-supply",
    cxml: { credentials: [{ domain: "NetworkID", identity: "AN0100" }], sharedSecret: "s3cret-acme" },
  },
];

const order = (id: string): PurchaseOrder => ({
  kind: "purchase-order",
  id,
  purpose: "original",
  orderDate: "2026-03-02",
  currency: "USD",
  parties: [],
  lines: [
    { lineId: "1", item: { supplierPartNo: "MED-1" }, quantity: "2", uom: "box", unitPrice: "10.2500" },
    { lineId: "2", item: { supplierPartNo: "UNKNOWN-77" }, quantity: "1", uom: "pack", unitPrice: "3.0000" },
  ],
});

const interchange = (controlNumber: number, po: PurchaseOrder, sender = "MEDLINE") =>
  encodeDocuments([po], {
    sender: { qualifier: "ZZ", id: sender },
    receiver: { qualifier: "ZZ", id: "CONCORD" },
    controlNumber,
    at: new Date("2026-03-02T10:00:00Z"),
  }).text;

const isa = (control: string) =>
  `ISA*00*${" ".repeat(10)}*00*${" ".repeat(10)}*ZZ*${"MEDLINE".padEnd(15)}*ZZ*${"CONCORD".padEnd(15)}*260302*1000*U*00401*${control}*0*P*>~`;

const cxmlOrder = (payloadId: string, secret: string) => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.050/cXML.dtd">
<cXML payloadID="${payloadId}" timestamp="2026-03-02T10:00:00-05:00" xml:lang="en-US">
  <Header>
    <From><Credential domain="NetworkID"><Identity>AN0100</Identity></Credential></From>
    <To><Credential domain="NetworkID"><Identity>CONCORD</Identity></Credential></To>
    <Sender><Credential domain="NetworkID"><Identity>AN0100</Identity><SharedSecret>${secret}</SharedSecret></Credential><UserAgent>test</UserAgent></Sender>
  </Header>
  <Request deploymentMode="production">
    <OrderRequest>
      <OrderRequestHeader orderID="PO-77" orderDate="2026-03-02T10:00:00-05:00" type="new">
        <Total><Money currency="USD">20.50</Money></Total>
      </OrderRequestHeader>
      <ItemOut quantity="2" lineNumber="1">
        <ItemID><SupplierPartID>MED-1</SupplierPartID></ItemID>
        <ItemDetail><UnitPrice><Money currency="USD">10.25</Money></UnitPrice><Description xml:lang="en">Gloves</Description><UnitOfMeasure>BX</UnitOfMeasure></ItemDetail>
      </ItemOut>
    </OrderRequest>
  </Request>
</cXML>`;

describe.each(STORE_KINDS)("partner documents through the API ($name)", (kind) => {
  const env = useRecordingHub(kind, { partners: PARTNERS });
  const post = (path: string, body: string, type: string, headers: Record<string, string> = {}) =>
    fetch(`${env.hub.url}${path}`, {
      method: "POST",
      headers: { ...hubHeaders(), "content-type": type, ...headers },
      body,
    });

  it("keeps an 850 from a configured partner, answers its 997, and names the line it could not match", async () => {
    await env.hub.store.query(
      "INSERT INTO xrefs (system, entity_type, local_id, canonical_id) VALUES ('medline', 'item', 'MED-1', 'itm-1')",
    );
    const res = await post("/v1/inbound/x12", interchange(101, order("4500000101")), "application/edi-x12");
    expect(res.status).toBe(202);
    const body = (await res.json()) as Record<string, any>;
    expect(body.documents).toHaveLength(1);
    expect(body.documents[0]).toMatchObject({ kind: "purchase-order", documentId: "4500000101" });
    expect(body.documents[0].unresolved).toEqual([
      { path: "/lines/1/item", identifiers: { supplierPartNo: "UNKNOWN-77" } },
    ]);
    expect(body.functionalAck).toMatch(/AK1\*PO\*101/);
    expect(body.functionalAck).toMatch(/AK9\*A\*1\*1\*1/);
    const [stored] = await env.hub.store.query<{ body: PurchaseOrder }>(
      "SELECT body FROM trade_documents WHERE document_id = '4500000101'",
    );
    expect(stored!.body.lines[0]!.item.itemId).toBe("itm-1");
    expect(stored!.body.lines[1]!.uom).toBe("pack"); // the partner's own PK code
  });

  it("answers with the 997 itself when asked, refuses a re-sent ISA13, and refuses an unknown sender", async () => {
    const first = await post("/v1/inbound/x12", interchange(102, order("4500000102")), "application/edi-x12", {
      accept: "application/edi-x12",
    });
    expect(first.status).toBe(202);
    expect(first.headers.get("content-type")).toContain("application/edi-x12");
    expect(await first.text()).toMatch(/^ISA\*.*\*ZZ\*CONCORD\s*\*ZZ\*MEDLINE/);

    const again = await post("/v1/inbound/x12", interchange(102, order("4500000102-b")), "application/edi-x12");
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe("CONCORD_ERR_EDI_DUPLICATE");
    const kept = await env.hub.store.query("SELECT 1 FROM trade_documents WHERE document_id = '4500000102-b'");
    expect(kept).toHaveLength(0);

    const stranger = await post("/v1/inbound/x12", interchange(103, order("x"), "STRANGER"), "application/edi-x12");
    expect(stranger.status).toBe(403);
    expect(((await stranger.json()) as { code: string }).code).toBe("CONCORD_ERR_PARTNER_UNKNOWN");

    const garbage = await post("/v1/inbound/x12", "hello", "text/plain");
    expect(garbage.status).toBe(400);
    expect(((await garbage.json()) as { code: string }).code).toBe("CONCORD_ERR_EDI_ENVELOPE");
  });

  it("turns the partner's 997 into the acknowledgment of the document Concord sent it", async () => {
    const [event] = await env.hub.store.query<{ id: number }>(
      `INSERT INTO events (event_type, business_key, key_version, payload, correlation_id)
       VALUES ('contract.version-accepted', 'contract:ctr-x', 1, '{}', 'c-997') RETURNING id`,
    );
    const [delivery] = await env.hub.store.query<{ id: number }>(
      `INSERT INTO deliveries (event_id, target, business_key, key_version, required, idempotency_key, status, attempts, ack_due_at, settled_at)
       VALUES ($1, 'medline', 'contract:ctr-x', 1, false, 'k-997', 'delivered', 1, now() + interval '1 hour', now()) RETURNING id`,
      [event!.id],
    );
    const id = delivery!.id;
    const ack = [
      isa("000000104"),
      `GS*FA*MEDLINE*CONCORD*20260302*1000*104*X*004010~`,
      "ST*997*0001~",
      `AK1*PA*${id}~`,
      "AK9*A*1*1*1~",
      "SE*4*0001~",
      "GE*1*104~",
      "IEA*1*000000104~",
    ].join("");
    const res = await post("/v1/inbound/x12", ack, "application/edi-x12");
    expect(res.status).toBe(202);
    const answer = (await res.json()) as { acknowledged: number; functionalAck?: string };
    expect(answer.acknowledged).toBe(1);
    expect(answer.functionalAck).toBeUndefined(); // a 997 is never acknowledged with a 997
    const [after] = await env.hub.store.query<{ status: string }>("SELECT status FROM deliveries WHERE id = $1", [id]);
    expect(after!.status).toBe("acknowledged");
  });

  it("keeps a cXML OrderRequest from a partner with the right shared secret, and answers in cXML", async () => {
    const res = await post("/v1/inbound/cxml", cxmlOrder("p-1@acme", "s3cret-acme"), "text/xml");
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/<Status code="200" text="OK"/);
    const [row] = await env.hub.store.query<{ partner: string; kind: string }>(
      "SELECT partner, kind FROM trade_documents WHERE document_id = 'PO-77'",
    );
    expect(row).toEqual({ partner: "acme-supply", kind: "purchase-order" });

    const again = await post("/v1/inbound/cxml", cxmlOrder("p-1@acme", "s3cret-acme"), "text/xml");
    expect(await again.text()).toMatch(/already received/);
    const rows = await env.hub.store.query("SELECT 1 FROM trade_documents WHERE document_id = 'PO-77'");
    expect(rows).toHaveLength(1);
  });

  it("answers a wrong shared secret or unsafe XML with a cXML status, never a stack trace", async () => {
    const wrong = await post("/v1/inbound/cxml", cxmlOrder("p-2@acme", "guess"), "text/xml");
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toMatch(/<Status code="401"/);
    const bomb = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><cXML>&b;</cXML>`;
    const unsafe = await post("/v1/inbound/cxml", bomb, "text/xml");
    expect(unsafe.status).toBe(406);
    expect(await unsafe.text()).toMatch(/<Status code="406"/);
    const rows = await env.hub.store.query("SELECT 1 FROM inbound_messages WHERE message_id = 'p-2@acme'");
    expect(rows).toHaveLength(0);
  });

  it("matches an 810 invoice against its 850 in the background, and holds it for the missing receipt", async () => {
    await post("/v1/inbound/x12", interchange(110, order("4500000110")), "application/edi-x12");
    const invoice = {
      kind: "invoice" as const,
      id: "INV-110",
      purpose: "original" as const,
      invoiceDate: "2026-03-05",
      currency: "USD",
      purchaseOrderId: "4500000110",
      parties: [],
      lines: [
        {
          lineId: "1",
          purchaseOrderId: "4500000110",
          purchaseOrderLineId: "1",
          item: { supplierPartNo: "MED-1" },
          quantity: "2",
          uom: "box" as const,
          unitPrice: "10.2500",
        },
      ],
      charges: [],
      total: "20.50",
    };
    const text = encodeDocuments([invoice], {
      sender: { qualifier: "ZZ", id: "MEDLINE" },
      receiver: { qualifier: "ZZ", id: "CONCORD" },
      controlNumber: 111,
      at: new Date("2026-03-05T10:00:00Z"),
    }).text;
    const res = await post("/v1/inbound/x12", text, "application/edi-x12");
    expect(res.status).toBe(202);
    const id = ((await res.json()) as { documents: { id: number }[] }).documents[0]!.id;
    const decided = await waitFor(async () => {
      const [m] = await env.hub.store.query<{ status: string }>(
        "SELECT status FROM invoice_matches WHERE invoice_document_id = $1",
        [id],
      );
      return m && m.status !== "pending" && m.status !== "matching" ? m.status : undefined;
    });
    expect(decided).toBe("held");
    const rules = await env.hub.store.query<{ rule: string }>(
      "SELECT rule FROM exceptions WHERE subject_type = 'trade-document' AND subject_id = $1",
      [String(id)],
    );
    expect(rules.map((r) => r.rule)).toContain("invoice-match.receipt.none");
  });
});
