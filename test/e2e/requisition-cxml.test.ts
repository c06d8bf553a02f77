import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payloadIdFor } from "../../src/connectors/cxml/index.js";
import { compileHubConfig, type Hub, startHub } from "../../src/server/index.js";
import { ManualClock } from "../../src/workflows/timers/index.js";
import { CXML_SUPPLIER, type CxmlSupplier, startCxmlSupplier } from "../support/cxml-supplier.js";
import { invoiceOf } from "../support/invoice-documents.js";
import { requisitionCalls, requisitionOf } from "../support/requisition-client.js";
import { REQ_CLIENTS, REQ_KEYS, requisitionHealthSystem, startErpRecorder } from "../support/requisition-hub.js";
import { STORE_KINDS } from "../support/stores.js";
import { testAuth } from "../support/test-api-key.js";
import { TEST_ENCRYPTION } from "../support/test-encryption.js";
import { TEST_API_KEY, waitFor } from "../support/test-hub.js";

const line = (lineId: string, itemId: string, quantity: string) => ({ lineId, itemId, quantity, uom: "box" });

describe.each(STORE_KINDS)("requisition to PO for a cXML partner ($name)", (kind) => {
  let hub: Hub;
  let supplier: CxmlSupplier;
  let erp: Awaited<ReturnType<typeof startErpRecorder>>;
  let storeUrl: string;
  let dropRoot: string;
  const clock = new ManualClock("2026-03-02T08:00:00Z");
  const { call, view, settled } = requisitionCalls(() => hub.url);
  /** Submits, waits for the order at the supplier, returns the PO id. */
  const ordered = async (id: string, lines: unknown[]) => {
    const res = await call("POST", "/v1/requisitions", REQ_KEYS.procurement, requisitionOf(id, lines));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { purchaseOrders } = await settled(id, "ordered");
    const poId: string = purchaseOrders[0].purchaseOrderId;
    await waitFor(() => supplier.orders.find((o) => o.po.id === poId), 15_000, `${poId} at the supplier`);
    return poId;
  };

  beforeAll(async () => {
    supplier = await startCxmlSupplier();
    erp = await startErpRecorder();
    dropRoot = await mkdtemp(join(tmpdir(), "req-cxml-drop-"));
    storeUrl = kind.url();
    const config = compileHubConfig({
      storeUrl,
      port: 0,
      encryption: TEST_ENCRYPTION,
      auth: testAuth(REQ_CLIENTS),
      partners: [
        {
          system: "distributor",
          x12: { qualifier: "ZZ", id: "DISTRIB" },
          fileDrop: { root: dropRoot, scanIntervalMs: 50, stableMs: 20 },
        },
        {
          system: CXML_SUPPLIER.system,
          cxml: {
            credentials: [CXML_SUPPLIER.credential],
            sharedSecret: CXML_SUPPLIER.sharedSecret,
            concordCredential: CXML_SUPPLIER.concord,
          },
        },
      ],
      targets: [
        { system: "erp", kind: "erp-purchasing", baseUrl: erp.url, events: ["purchase-order.issued"] },
        { system: "distributor", kind: "x12-price-authorization", events: ["purchase-order.issued"] },
        {
          system: CXML_SUPPLIER.system,
          kind: "cxml-order-request",
          baseUrl: supplier.url,
          // Its orders, and what accounts payable decided about its invoices.
          events: ["purchase-order.issued", "invoice.decided"],
        },
      ],
      retry: { initialDelayMs: 20, maxDelayMs: 200, maxAttempts: 20 },
      dispatcher: {
        pollIntervalMs: 25,
        deliveryTimeoutMs: 2_500,
        leaseMs: 5_000,
        circuit: { failureThreshold: 1_000 },
      },
      supplierOnboarding: { timerPollMs: 25 },
      // sup-1 (ctr-1: itm-1, itm-2, itm-3) orders through its cXML supplier network; the rest through the distributor.
      requisitionToPo: { supplierPartners: { "sup-1": CXML_SUPPLIER.system }, defaultPartner: "distributor" },
    });
    expect(config.requisitionToPo.orderFormats).toEqual({
      distributor: "x12-850",
      [CXML_SUPPLIER.system]: "cxml-order-request",
    });
    hub = await startHub(config, { seed: requisitionHealthSystem(), clock });
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
    await supplier?.app.close();
    await erp?.app.close();
    await kind.cleanup(storeUrl);
    await rm(dropRoot, { recursive: true, force: true });
  });

  it("posts the PO as a cXML OrderRequest with the partner's credentials; its accepting ConfirmationRequest confirms the requisition", async () => {
    const poId = await ordered("CX-1", [line("1", "itm-1", "10"), line("2", "itm-2", "5")]);
    const order = supplier.orders.find((o) => o.po.id === poId)!;
    expect(order).toMatchObject({
      from: `${CXML_SUPPLIER.concord.domain}/${CXML_SUPPLIER.concord.identity}`,
      to: `${CXML_SUPPLIER.credential.domain}/${CXML_SUPPLIER.credential.identity}`,
    });
    expect(order.payloadId).toMatch(/@concord$/);
    expect(order.po).toMatchObject({ id: poId, purpose: "original", currency: "USD", orderDate: "2026-03-02" });
    expect(order.po.lines.map((l) => [l.lineId, l.quantity, l.uom, l.unitPrice, l.contractNumber])).toEqual([
      ["1", "10", "box", "10.25", "AGR-1"],
      ["2", "5", "box", "11.25", "AGR-1"],
    ]);
    // The ERP gets the same PO; no 850 is written for a cXML partner.
    await waitFor(() => erp.orders.find((o) => o.PO_NUM === poId), 15_000, "the ERP PO");
    const key = encodeURIComponent(`purchase-order:${CXML_SUPPLIER.system}:${poId}`);
    const [event] = (await call("GET", `/v1/events?businessKey=${key}`, TEST_API_KEY)).body.items;
    await waitFor(
      async () => {
        const d = (await call("GET", `/v1/events/${event.id}`, TEST_API_KEY)).body.deliveries.find(
          (x: any) => x.target === CXML_SUPPLIER.system,
        );
        return d?.status === "acknowledged" ? d : undefined;
      },
      15_000,
      "the cXML delivery to be acknowledged",
    );
    // payloadID is the delivery's idempotency key: a retry or replay is the same document to the supplier.
    expect(order.payloadId).toBe(
      payloadIdFor(`concord/${CXML_SUPPLIER.system}/purchase-order:${CXML_SUPPLIER.system}:${poId}/v1`),
    );

    const answer = await supplier.confirm(hub.url, {
      purchaseOrderId: poId,
      confirmationDate: "2026-03-02",
      status: "accepted",
      lines: [],
    });
    expect(answer).toEqual({ http: 200, code: 200 });
    const done = await settled("CX-1", "confirmed");
    expect(done.lineStatus).toEqual({ 1: "accepted", 2: "accepted" });
    expect(done.exceptions).toEqual([]);
  });

  it("turns a changed quantity and a rejected line into buyer exceptions; the other line stays accepted", async () => {
    const poId = await ordered("CX-2", [line("1", "itm-1", "10"), line("2", "itm-2", "4"), line("3", "itm-3", "2")]);
    const answer = await supplier.confirm(hub.url, {
      purchaseOrderId: poId,
      confirmationDate: "2026-03-02",
      status: "accepted-with-changes",
      lines: [
        { lineId: "1", status: "accepted-with-changes", quantity: "6", uom: "box" },
        { lineId: "2", status: "rejected", quantity: "4", uom: "box", note: "discontinued by the manufacturer" },
        { lineId: "3", status: "accepted", quantity: "2", uom: "box" },
      ],
    });
    expect(answer.code).toBe(200);
    const done = await settled("CX-2", "confirmed_with_exceptions");
    expect(done.lineStatus).toEqual({ 1: "changed", 2: "rejected", 3: "accepted" });
    expect(done.exceptions.map((e: any) => [e.rule, e.urgency, e.owner])).toEqual([
      ["requisition.quantity-changed", "routine", "buyer"],
      ["requisition.line-rejected", "routine", "buyer"],
    ]);
    expect(done.exceptions[0].message).toContain("quantity changed from 10 to 6");
    expect(done.exceptions[1].message).toContain("discontinued by the manufacturer");
    // The same confirmation again (a resend with a new payloadID) raises nothing new.
    await supplier.confirm(hub.url, {
      purchaseOrderId: poId,
      confirmationDate: "2026-03-02",
      status: "accepted-with-changes",
      lines: [
        { lineId: "1", status: "accepted-with-changes", quantity: "6", uom: "box" },
        { lineId: "2", status: "rejected", quantity: "4", uom: "box", note: "discontinued by the manufacturer" },
      ],
    });
    await new Promise((r) => setTimeout(r, 500));
    expect((await view("CX-2")).exceptions).toHaveLength(2);
  });

  it("rejects every line when the supplier rejects the whole order", async () => {
    const poId = await ordered("CX-3", [line("1", "itm-2", "1"), line("2", "itm-3", "1")]);
    await supplier.confirm(hub.url, {
      purchaseOrderId: poId,
      confirmationDate: "2026-03-02",
      status: "rejected",
      lines: [],
    });
    const done = await settled("CX-3", "confirmed_with_exceptions");
    expect(done.lineStatus).toEqual({ 1: "rejected", 2: "rejected" });
    expect(done.exceptions.map((e: any) => e.rule)).toEqual(["requisition.line-rejected", "requisition.line-rejected"]);
  });

  it("retries a cXML 500 with the same payloadID and orders once; lists requisitions by status", async () => {
    supplier.failNext(1, 500);
    const before = supplier.received.length;
    const poId = await ordered("CX-4", [line("1", "itm-2", "2")]);
    const tries = supplier.received.slice(before);
    expect(tries.length).toBeGreaterThanOrEqual(2);
    const ids = new Set(tries.map((x) => /payloadID="([^"]+)"/.exec(x)?.[1]));
    expect(ids.size).toBe(1);
    expect(supplier.orders.filter((o) => o.po.id === poId)).toHaveLength(1);

    const list = await call("GET", "/v1/requisitions?status=ordered", TEST_API_KEY);
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: any) => r.id)).toEqual(["CX-4"]);
    expect(list.body.items[0]).toMatchObject({ purchaseOrders: [poId], lineStatus: { 1: "ordered" } });
    const all = await call("GET", "/v1/requisitions?limit=2", TEST_API_KEY);
    expect(all.body.items).toHaveLength(2);
    const bad = await call("GET", "/v1/requisitions?status=lost", TEST_API_KEY);
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain("status");
  });

  it("tells the supplier what accounts payable decided about its cXML invoice, in a StatusUpdateRequest", async () => {
    const poId = await ordered("CX-5", [line("1", "itm-2", "2")]);
    // The item as the supplier knows it: as its OrderRequest named it.
    const item = supplier.orders.find((o) => o.po.id === poId)!.po.lines[0]!.item;
    const invoice = invoiceOf("CXI-5", poId, 2, "11.25", item, "2026-03-05");
    const sent = await supplier.invoice(hub.url, invoice);
    expect(sent, sent.message).toMatchObject({ http: 200, code: 200 });
    // No goods receipt yet: held, with at least one exception for a person.
    const open = await waitFor(
      async () => {
        const items = (await call("GET", "/v1/invoice-exceptions?status=open", TEST_API_KEY)).body.items as any[];
        const mine = items.filter((x) => x.invoice?.invoiceId === "CXI-5");
        return mine.length > 0 ? mine : undefined;
      },
      30_000,
      "the invoice held",
    );
    for (const x of open!) {
      const res = await call("POST", `/v1/invoice-exceptions/${x.id}/resolve`, TEST_API_KEY, {
        resolution: "approve-as-invoiced",
        reason: "goods confirmed on the ward by phone, pay as billed",
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const update = await waitFor(
      () => supplier.statusUpdates.find((u) => u.update.documentPayloadId === sent.payloadId),
      30_000,
      "the status update at the supplier",
    );
    expect(update!.update.status.code).toBe(200);
    expect(update!.update.invoiceStatus).toMatchObject({
      type: "reconciled",
      invoiceId: "CXI-5",
      invoiceDate: "2026-03-05",
    });
    expect(update!.update.invoiceStatus!.comments).toContain("approve-as-invoiced");
    expect(update!.update.invoiceStatus!.partialAmount).toBeUndefined();
    // Only its own invoices: nothing else was sent to it as a status update.
    expect(supplier.statusUpdates).toHaveLength(1);
  });
});
