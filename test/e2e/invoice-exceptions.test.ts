import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payablesOf } from "../../sandbox/erp/invoice-status.js";
import { createErpServer, type ErpServer } from "../../sandbox/erp/server.js";
import { smallDataset } from "../../sandbox/shared/test-fixture.js";
import { compileHubConfig, type Hub, startHub } from "../../src/server/index.js";
import { HOUR_MS, ManualClock } from "../../src/workflows/timers/index.js";
import {
  invoiceOf,
  MEDLINE,
  postReceipts,
  purchaseOrder,
  receiptOf,
  sendAsMedline,
} from "../support/invoice-documents.js";
import { smallHealthSystem } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { TEST_ENCRYPTION } from "../support/test-encryption.js";
import { getJson, hubHeaders, testAuth, waitFor } from "../support/test-hub.js";

/**
 * Invoice exceptions end to end on a real hub (its own match workers, timers and dispatcher) with
 * a controllable business clock, and the ERP sandbox as accounts payable: owners and escalation up
 * the chain, resolution cancelling the SLA timer, the decision written back in the ERP's native
 * form, held → approved, and goods receipts curing a missing-receipt hold.
 */
describe.each(STORE_KINDS)("invoice exceptions: SLA, write-back, receipts ($name)", (kind) => {
  const clock = new ManualClock("2026-06-11T08:00:00Z");
  let erp: ErpServer;
  let hub: Hub;
  let storeUrl: string;

  beforeAll(async () => {
    erp = createErpServer({ state: smallDataset().dataset.erp });
    const erpUrl = await erp.listen({ host: "127.0.0.1", port: 0 });
    storeUrl = kind.url();
    hub = await startHub(
      compileHubConfig({
        storeUrl,
        port: 0,
        targets: [{ system: "erp", kind: "erp-purchasing", baseUrl: `${erpUrl}/erp/api` }],
        partners: [MEDLINE],
        retry: { initialDelayMs: 20, maxDelayMs: 200, maxAttempts: 5 },
        dispatcher: { pollIntervalMs: 25, deliveryTimeoutMs: 2_000, leaseMs: 5_000 },
        supplierOnboarding: { timerPollMs: 30 },
        auth: testAuth(),
        encryption: TEST_ENCRYPTION,
      }),
      { seed: smallHealthSystem(), clock },
    );
  });
  afterAll(async () => {
    await hub?.close();
    await erp?.close();
    if (storeUrl) await kind.cleanup(storeUrl);
  });

  const exceptionsOf = async (invoiceId: string, query = "") =>
    ((await getJson(`${hub.url}/v1/invoice-exceptions?limit=100${query}`)).body.items as any[]).filter(
      (e) => e.invoice.invoiceId === invoiceId,
    );
  const heldWith = (invoiceId: string, n = 1) =>
    waitFor<any[] | undefined>(
      async () => {
        const found = await exceptionsOf(invoiceId);
        return found.length >= n ? found : undefined;
      },
      20_000,
      `${invoiceId} held`,
    );
  const matchStatus = async (invoiceId: string) =>
    (
      await hub.store.query<{ status: string }>(
        `SELECT m.status FROM invoice_matches m JOIN trade_documents d ON d.id = m.invoice_document_id
         WHERE d.document_id = $1`,
        [invoiceId],
      )
    )[0]?.status;
  const resolve = async (id: number, resolution: string, reason: string) => {
    const res = await fetch(`${hub.url}/v1/invoice-exceptions/${id}/resolve`, {
      method: "POST",
      headers: { ...hubHeaders(), "content-type": "application/json" },
      body: JSON.stringify({ resolution, reason }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const payable = (invoiceNum: string) => payablesOf(erp).invoices.get(`medline/${invoiceNum}`);

  it("escalates an open exception twice up its chain as the clock passes its due times, then resolving cancels the timer", async () => {
    await sendAsMedline(hub.url, [purchaseOrder("4500000301"), invoiceOf("INV-301", "4500000301", 10, "10.2500")]);
    const [raised] = (await heldWith("INV-301"))!;
    expect(raised).toMatchObject({
      type: "missing-receipt",
      owner: "receiving",
      aging: { escalationLevel: 0, overdue: false, slaHours: 72, dueAt: "2026-06-14T08:00:00.000Z" },
    });
    const id = raised.id as number;
    const levelOf = async () => (await exceptionsOf("INV-301"))[0];

    clock.advance(72 * HOUR_MS + 60_000); // just past due: receiving → accounts payable, 24 h more
    const first = await waitFor(
      async () => {
        const e = await levelOf();
        return e.aging.escalationLevel === 1 && e;
      },
      20_000,
      "first escalation",
    );
    expect(first).toMatchObject({
      owner: "accounts-payable",
      aging: { overdue: false, dueAt: "2026-06-15T08:01:00.000Z" },
    });

    clock.advance(24 * HOUR_MS + 60_000); // → AP manager
    await waitFor(async () => (await levelOf()).aging.escalationLevel === 2, 20_000, "second escalation");
    const byFilter = await exceptionsOf("INV-301", "&owner=ap-manager&level=2&overdue=false");
    expect(byFilter.map((e) => e.id)).toEqual([id]);
    expect(await exceptionsOf("INV-301", "&level=1")).toEqual([]);

    const events = await hub.store.query<{ payload: { level: number; from: string; owner: string } }>(
      "SELECT payload FROM events WHERE event_type = 'invoice-exception.escalated' AND business_key = $1 ORDER BY key_version",
      [`invoice-exception-escalation:${id}`],
    );
    expect(events.map((e) => [e.payload.level, e.payload.from, e.payload.owner])).toEqual([
      [1, "receiving", "accounts-payable"],
      [2, "accounts-payable", "ap-manager"],
    ]);
    const audited = await hub.store.query<{ actor: string }>(
      "SELECT actor FROM audit_log WHERE action = 'invoice.exception.escalated' AND subject_id = $1",
      [String(id)],
    );
    expect(audited.map((a) => a.actor)).toEqual(["concord", "concord"]);

    // Overdue again (a day past the AP manager's due time) until a person resolves it.
    clock.advance(23 * HOUR_MS);
    const resolved = await resolve(id, "approve-as-invoiced", "goods confirmed on the dock by phone, pay as billed");
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: "resolved", invoice: { status: "approved" } });
    const timers = await hub.store.query<{ timer_key: string; status: string }>(
      "SELECT timer_key, status FROM workflow_timers WHERE workflow = 'invoice-exception' AND timer_key LIKE $1 ORDER BY id",
      [`${id}:%`],
    );
    expect(timers).toEqual([
      { timer_key: `${id}:level-0`, status: "fired" },
      { timer_key: `${id}:level-1`, status: "fired" },
      { timer_key: `${id}:level-2`, status: "cancelled" },
    ]);
    clock.advance(100 * HOUR_MS);
    await new Promise((r) => setTimeout(r, 200));
    expect((await levelOf()).aging).toMatchObject({ escalationLevel: 2, overdue: false });

    // Held → approved, and accounts payable releases it, in its own form, once.
    expect(await matchStatus("INV-301")).toBe("approved");
    await waitFor(() => payable("INV-301"), 20_000, "write-back of INV-301");
    expect(payable("INV-301")).toMatchObject({ paymentStatus: "APPROVED" });
    expect(payable("INV-301")!.decisions).toHaveLength(1);
    expect(payable("INV-301")!.decisions[0]!.body).toMatchObject({
      INVOICE_NUM: "INV-301",
      SUPPLIER_SITE: "medline",
      ACTION: "RELEASE",
      APPROVED_AMOUNT: "102.50",
      CREDIT_MEMO_REQUESTED: "N",
      HOLD_RELEASES: [
        { HOLD_REF: String(id), HOLD_LOOKUP_CODE: "RECEIPT_NONE", RELEASE_LOOKUP_CODE: "APPROVE_AS_INVOICED" },
      ],
    });
    expect((await resolve(id, "rejected", "changed my mind about this one")).status).toBe(409);
  });

  it("short-pays a price variance: the ERP records the invoice less the disputed amount", async () => {
    await sendAsMedline(hub.url, [purchaseOrder("4500000302")]);
    expect((await postReceipts(hub.url, [receiptOf("GR-302", "4500000302")])).body).toMatchObject({ accepted: 1 });
    await sendAsMedline(hub.url, [invoiceOf("INV-302", "4500000302", 10, "12.0000")]);
    const [raised] = (await heldWith("INV-302"))!;
    expect(raised).toMatchObject({ type: "price", urgency: "financial", owner: "pricing-analyst" });
    const res = await resolve(raised.id, "short-pay", "PO price is 10.25; pay the ordered price only");
    expect(res.body).toMatchObject({ invoice: { status: "approved" } });
    await waitFor(() => payable("INV-302"), 20_000, "write-back of INV-302");
    expect(payable("INV-302")!.decisions[0]!.body).toMatchObject({
      ACTION: "SHORT_PAY",
      INVOICE_AMOUNT: "120.00",
      APPROVED_AMOUNT: "102.50",
      DISPUTED_AMOUNT: "17.50",
    });
    expect(payable("INV-302")!.paymentStatus).toBe("SHORT_PAID");
  });

  it("takes receipts per record (bad ones refused with where and why, repeats idempotent) and a receipt cures a missing-receipt hold", async () => {
    await sendAsMedline(hub.url, [purchaseOrder("4500000303"), invoiceOf("INV-303", "4500000303", 8, "10.2500")]);
    const [raised] = (await heldWith("INV-303"))!;
    expect(raised.type).toBe("missing-receipt");

    const bad = { ...receiptOf("GR-BAD", "4500000303"), receivedOn: "yesterday" };
    const good = receiptOf("GR-303", "4500000303");
    const first = await postReceipts(hub.url, [bad, good, { kind: "receipt" }]);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ accepted: 1, duplicate: 0, rejected: 2 });
    expect(first.body.results[0]).toMatchObject({
      index: 0,
      id: "GR-BAD",
      status: "rejected",
      problem: { status: 400, code: "CONCORD_ERR_INPUT_SCHEMA", issues: [{ path: "/receivedOn" }] },
    });
    expect(first.body.results[0].problem.detail).toMatch(/receivedOn/);
    expect(first.body.results[1]).toMatchObject({ index: 1, id: "GR-303", status: "accepted" });
    expect(first.body.results[2]).toMatchObject({ status: "rejected", problem: { status: 400 } });

    const again = await postReceipts(hub.url, [good]);
    expect(again.body).toMatchObject({ accepted: 0, duplicate: 1, results: [{ id: "GR-303", status: "duplicate" }] });
    const changed = await postReceipts(hub.url, [receiptOf("GR-303", "4500000303", "9")]);
    expect(changed.body.results[0]).toMatchObject({
      status: "rejected",
      problem: { status: 409, code: "CONCORD_ERR_RECEIPT_CONFLICT" },
    });
    const kept = await hub.store.query(
      "SELECT 1 FROM trade_documents WHERE kind = 'receipt' AND document_id = 'GR-303'",
    );
    expect(kept).toHaveLength(1);
    expect((await postReceipts(hub.url, [good], "clm")).status).toBe(403);

    // The receipt re-queued the held match: the exception is closed by concord, the invoice approved and released.
    const cured = await waitFor(
      async () => {
        const [e] = await exceptionsOf("INV-303", "&status=resolved");
        return e;
      },
      20_000,
      "cured exception",
    );
    expect(cured).toMatchObject({ id: raised.id, resolution: { code: "receipt-recorded", resolvedBy: "concord" } });
    // Announced like a person's resolution, for the systems that follow exceptions.
    const announced = await fetch(`${hub.url}/v1/events?businessKey=invoice-exception:${raised.id}`, {
      headers: hubHeaders(),
    });
    expect(((await announced.json()) as { items: { type: string }[] }).items.map((e) => e.type)).toEqual([
      "invoice.exception.resolved",
    ]);
    expect(await matchStatus("INV-303")).toBe("approved");
    await waitFor(() => payable("INV-303"), 20_000, "write-back of INV-303");
    expect(payable("INV-303")!.decisions[0]!.body).toMatchObject({
      ACTION: "RELEASE",
      DECIDED_BY: "concord",
      APPROVED_AMOUNT: "82.00",
    });
    const timer = await hub.store.query<{ status: string }>(
      "SELECT status FROM workflow_timers WHERE workflow = 'invoice-exception' AND timer_key = $1",
      [`${raised.id}:level-0`],
    );
    expect(timer).toEqual([{ status: "cancelled" }]);
  });
});
