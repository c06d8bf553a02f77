import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpJsonConnector } from "../../src/connectors/http-json/index.js";
import { compileRetryPolicy, Dispatcher } from "../../src/events/index.js";
import {
  CONTRACT_VERSION_EVENT,
  type OrderConfirmation,
  type Receipt,
  type ShipNotice,
} from "../../src/model/index.js";
import { compileHubConfig, type Hub, startHub } from "../../src/server/index.js";
import type { Store } from "../../src/store/index.js";
import { runInvoiceMatches } from "../../src/workflows/invoice-match/index.js";
import { invoiceOf, MEDLINE, purchaseOrder, sendAsMedline } from "../support/invoice-documents.js";
import { RecordingTarget } from "../support/recording-target.js";
import { contractV1, smallHealthSystem } from "../support/small-health-system.js";
import { STORE_KINDS, type StoreKind } from "../support/stores.js";
import { TEST_ENCRYPTION } from "../support/test-encryption.js";
import { hubHeaders, testAuth, useRecordingHub, waitFor } from "../support/test-hub.js";

const AP_KEY = "ck_ap-desk.ap0123456789abcdef0123456789";
const AP_READER_KEY = "ck_ap-reader.ap0123456789abcdef0123456789";
const OPS_READER_KEY = "ck_ops-reader.ops0123456789abcdef012345678";
const CLIENTS = [
  { id: "ap-desk", scopes: ["invoices:read", "invoices:write"], systems: [], apiKeys: [AP_KEY] },
  { id: "ap-reader", scopes: ["invoices:read"], systems: [], apiKeys: [AP_READER_KEY] },
  { id: "ops-reader", scopes: ["operations:read"], systems: [], apiKeys: [OPS_READER_KEY] },
];

type Answer = { status: number; body: Record<string, any> };

async function call(
  hubUrl: string,
  path: string,
  init: { method?: string; body?: unknown; key?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const res = await fetch(`${hubUrl}${path}`, {
    method: init.method ?? "GET",
    headers: {
      ...hubHeaders(init.key ? { "x-api-key": init.key } : {}),
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** Every item of a paginated list, following `next` page by page. */
async function allPages(hubUrl: string, path: string): Promise<{ items: any[]; pages: number }> {
  const items: any[] = [];
  let pages = 0;
  let next: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const page = await call(hubUrl, `${path}${next ? `${sep}cursor=${encodeURIComponent(next)}` : ""}`);
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    next = page.body.next;
    pages++;
  } while (next);
  return { items, pages };
}

const auditOf = (store: Store, action: string) =>
  store.query<{ actor: string; subject_id: string; detail: Record<string, any> }>(
    "SELECT actor, subject_id, detail FROM audit_log WHERE action = $1 ORDER BY seq",
    [action],
  );

describe.each(STORE_KINDS)("operations API: events, dead letters, replay and traces ($name)", (kind) => {
  const env = useRecordingHub(kind, {
    retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 20 },
    clients: CLIENTS,
  });

  /** A contract version whose delivery to the catalog died after three 503s, sent under its own correlation id. */
  const deadContract = async (n: string) => {
    env.target.enqueue({ status: 503 }, { status: 503 }, { status: 503 });
    const c = contractV1({ id: `ctr-ops-${n}`, number: `AGR-OPS-${n}` });
    const correlationId = `corr-ops-${n}-${kind.name}`;
    const posted = await call(env.hub.url, `/v1/contracts/${c.id}/versions`, {
      method: "POST",
      body: c,
      headers: { "x-concord-system": "clm", "x-correlation-id": correlationId },
    });
    expect(posted.status).toBe(202);
    const letter = await waitFor(
      async () =>
        (await call(env.hub.url, `/v1/dead-letters?target=procurement`)).body.items.find(
          (d: any) => d.businessKey === `contract:${c.id}`,
        ),
      10_000,
      `${c.id} dead`,
    );
    return { contract: c, correlationId, letter };
  };

  it("lists events by business key and correlation id, and shows one with its payload and every delivery", async () => {
    const { contract, correlationId } = await deadContract("a");
    const listed = await call(env.hub.url, `/v1/events?businessKey=contract:${contract.id}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    const summary = listed.body.items[0];
    expect(summary).toMatchObject({
      type: CONTRACT_VERSION_EVENT,
      businessKey: `contract:${contract.id}`,
      keyVersion: 1,
      correlationId,
      deliveries: { dead: 1 },
    });
    expect(summary.payload).toBeUndefined();
    expect(
      (await call(env.hub.url, `/v1/events?correlationId=${correlationId}`)).body.items.map((e: any) => e.id),
    ).toEqual([summary.id]);

    const detail = await call(env.hub.url, `/v1/events/${summary.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.payload.contract).toMatchObject({ id: contract.id, number: contract.number, version: 1 });
    expect(detail.body.deliveries).toHaveLength(1);
    const delivery = detail.body.deliveries[0];
    expect(delivery).toMatchObject({
      target: "procurement",
      status: "dead",
      attempts: 3,
      lastErrorCode: "CONCORD_ERR_CONNECTOR_TRANSIENT",
    });
    expect(delivery.lastError).toContain("503");
    expect(delivery.history.map((a: any) => a.outcome)).toEqual(["retry", "retry", "dead"]);

    const missing = await call(env.hub.url, "/v1/events/999999");
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe("CONCORD_ERR_NOT_FOUND");
  });

  it("pages events newest first with an opaque cursor, without repeats or gaps, and filters by time", async () => {
    const before = new Date(Date.now() - 1_000).toISOString();
    for (const n of ["p1", "p2", "p3"]) {
      const c = contractV1({ id: `ctr-ops-${n}`, number: `AGR-OPS-${n}` });
      const posted = await call(env.hub.url, `/v1/contracts/${c.id}/versions`, {
        method: "POST",
        body: c,
        headers: { "x-concord-system": "clm" },
      });
      expect(posted.status).toBe(202);
    }
    const everything = (await call(env.hub.url, `/v1/events?type=${CONTRACT_VERSION_EVENT}&limit=500`)).body.items;
    const paged = await allPages(env.hub.url, `/v1/events?type=${CONTRACT_VERSION_EVENT}&limit=1`);
    expect(paged.pages).toBe(everything.length);
    expect(paged.items.map((e) => e.id)).toEqual(everything.map((e: any) => e.id));
    const ids = paged.items.map((e) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);

    const recent = await call(env.hub.url, `/v1/events?since=${encodeURIComponent(before)}&limit=500`);
    expect(recent.body.items.map((e: any) => e.businessKey)).toEqual(
      expect.arrayContaining(["contract:ctr-ops-p1", "contract:ctr-ops-p2", "contract:ctr-ops-p3"]),
    );
    const old = await call(env.hub.url, `/v1/events?until=${encodeURIComponent(before)}&limit=500`);
    expect(old.body.items.map((e: any) => e.businessKey)).not.toContain("contract:ctr-ops-p1");
  });

  it("refuses bad query parameters with 400, naming the parameter and why", async () => {
    const cases: [string, string][] = [
      ["/v1/events?limit=0", "/limit"],
      ["/v1/events?limit=501", "/limit"],
      ["/v1/events?since=yesterday", "/since"],
      ["/v1/events?since=2026-02-30T00:00:00Z", "/since"],
      ["/v1/events?cursor=bm90LWEtY3Vyc29y", "/cursor"],
      ["/v1/events?colour=red", "colour"],
      ["/v1/dead-letters?olderThanHours=-1", "/olderThanHours"],
      ["/v1/events/abc", "/id"],
    ];
    for (const [path, names] of cases) {
      const res = await call(env.hub.url, path);
      expect(res.status, path).toBe(400);
      expect(res.body.code, path).toBe("CONCORD_ERR_INPUT_QUERY");
      expect(res.body.detail, path).toContain(names);
    }
  });

  it("lists dead letters by target, event type and age, and shows one with its event payload and attempts", async () => {
    const { contract, letter } = await deadContract("b");
    expect(letter).toMatchObject({ eventType: CONTRACT_VERSION_EVENT, attempts: 3, ageHours: 0, replays: 0 });
    const byType = await call(env.hub.url, `/v1/dead-letters?eventType=${CONTRACT_VERSION_EVENT}&target=procurement`);
    expect(byType.body.items.map((d: any) => d.id)).toContain(letter.id);
    expect((await call(env.hub.url, "/v1/dead-letters?eventType=supplier.changed")).body.items).toEqual([]);
    // It died seconds ago: not older than an hour.
    expect((await call(env.hub.url, "/v1/dead-letters?olderThanHours=1")).body.items).toEqual([]);

    const detail = await call(env.hub.url, `/v1/dead-letters/${letter.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      id: letter.id,
      status: "dead",
      target: "procurement",
      mappedPayload: null,
      idempotencyKey: `concord/procurement/contract:${contract.id}/v1`,
    });
    expect(detail.body.payload.contract.number).toBe(contract.number);
    expect(detail.body.history).toHaveLength(3);
    expect(detail.body.history[0]).toMatchObject({ attempt: 1, outcome: "retry" });
    expect((await call(env.hub.url, "/v1/dead-letters/999999")).status).toBe(404);
  });

  it("answers a dry run with what would be replayed, changing nothing; the real replay moves exactly that and audits who asked", async () => {
    const { contract } = await deadContract("c");
    const stillDead = (await call(env.hub.url, "/v1/dead-letters?target=procurement&limit=500")).body.items;
    const dry = await call(env.hub.url, "/v1/dead-letters/replay", {
      method: "POST",
      body: { target: "procurement", dryRun: true },
    });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, wouldReplay: stillDead.length });
    expect([...dry.body.ids].sort()).toEqual(stillDead.map((d: any) => d.id).sort());
    expect(dry.body.byTarget).toEqual([
      { target: "procurement", count: stillDead.length, ids: [...dry.body.ids].sort((a: number, b: number) => a - b) },
    ]);
    // Nothing moved: the same letters are dead, none replayed, nothing audited.
    const after = (await call(env.hub.url, "/v1/dead-letters?target=procurement&limit=500")).body.items;
    expect(after.map((d: any) => [d.id, d.replays])).toEqual(stillDead.map((d: any) => [d.id, 0]));
    expect(await auditOf(env.hub.store, "dead-letters.replayed")).toEqual([]);
    expect(env.target.appliedRevisions(contract.number)).toEqual([]);

    const real = await call(env.hub.url, "/v1/dead-letters/replay", {
      method: "POST",
      body: { target: "procurement" },
    });
    expect(real.status).toBe(200);
    expect(real.body.replayed).toBe(dry.body.wouldReplay);
    expect([...real.body.ids].sort()).toEqual([...dry.body.ids].sort());
    expect(real.body.byTarget).toEqual(dry.body.byTarget);
    const [record] = await auditOf(env.hub.store, "dead-letters.replayed");
    expect(record).toMatchObject({
      actor: "test-operator",
      detail: { clientId: "test-operator", replayed: real.body.replayed },
    });
    expect([...record!.detail.ids].sort()).toEqual([...real.body.ids].sort());
    await waitFor(() => env.target.appliedRevisions(contract.number).length === 1, 10_000, "replayed delivery applied");
  });

  it("traces one contract amendment end to end: inbound, canonical change, event, each attempt, release, audit", async () => {
    // ctr-ops-a died in the first test; replay it so its trace runs to the end.
    const correlationId = `corr-ops-a-${kind.name}`;
    const [letter] = (await call(env.hub.url, "/v1/dead-letters?target=procurement&limit=500")).body.items.filter(
      (d: any) => d.businessKey === "contract:ctr-ops-a",
    );
    if (letter) await call(env.hub.url, "/v1/dead-letters/replay", { method: "POST", body: { ids: [letter.id] } });
    const trace = (await waitFor(
      async () => {
        const t = await call(env.hub.url, `/v1/traces/${correlationId}`);
        return t.body.summary?.outcome === "completed" ? t : undefined;
      },
      10_000,
      "trace completed",
    ))!;
    expect(trace.status).toBe(200);
    const { steps, summary } = trace.body;
    expect(summary.systems).toEqual(["clm", "procurement"]);
    expect(summary.actors).toEqual(expect.arrayContaining(["clm", "test-operator"]));
    const kinds = steps.map((s: any) => s.kind);
    expect(kinds[0]).toBe("inbound-message");
    expect(steps[0]).toMatchObject({ system: "clm", status: "accepted" });
    expect(steps.find((s: any) => s.kind === "canonical-change")).toMatchObject({
      entity: "contract-version",
      contractId: "ctr-ops-a",
      version: 1,
      system: "clm",
    });
    expect(steps.find((s: any) => s.kind === "event")).toMatchObject({ type: CONTRACT_VERSION_EVENT });
    const attempts = steps.filter((s: any) => s.kind === "delivery-attempt");
    expect(attempts.map((a: any) => `${a.attempt}:${a.outcome}:${a.httpStatus}`)).toEqual([
      "1:retry:503",
      "2:retry:503",
      "3:dead:503",
      "4:acknowledged:200",
    ]);
    for (const a of attempts) {
      expect(a.system).toBe("procurement");
      expect(Date.parse(a.endedAt) - Date.parse(a.at)).toBe(a.durationMs);
    }
    expect(kinds).toContain("contract-released");
    expect(steps.filter((s: any) => s.kind === "audit").map((s: any) => s.action)).toContain(
      "contract.version.accepted",
    );
    // In time order, and the summary spans them.
    const times = steps.map((s: any) => Date.parse(s.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(summary.firstAt).toBe(steps[0].at);
    expect(Date.parse(summary.lastAt)).toBeGreaterThanOrEqual(times[times.length - 1]);
    expect(summary.durationMs).toBe(Date.parse(summary.lastAt) - Date.parse(summary.firstAt));
    expect(trace.body.deliveries).toEqual([
      expect.objectContaining({ target: "procurement", status: "acknowledged", attempts: 4 }),
    ]);

    const unknown = await call(env.hub.url, "/v1/traces/no-such-correlation");
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("CONCORD_ERR_NOT_FOUND");
  });

  it("says a transaction whose delivery is dead has failed", async () => {
    const { correlationId } = await deadContract("d");
    const trace = await call(env.hub.url, `/v1/traces/${correlationId}`);
    expect(trace.body.summary.outcome).toBe("failed");
    expect(trace.body.deliveries).toEqual([expect.objectContaining({ status: "dead" })]);
  });

  it("keeps each route behind its scope", async () => {
    const asOps = await call(env.hub.url, "/v1/events", { key: OPS_READER_KEY });
    expect(asOps.status).toBe(200);
    const replay = await call(env.hub.url, "/v1/dead-letters/replay", {
      method: "POST",
      body: { all: true, dryRun: true },
      key: OPS_READER_KEY,
    });
    expect(replay.status).toBe(403);
    expect((await call(env.hub.url, "/v1/traces/x", { key: AP_KEY })).status).toBe(403);
    expect((await call(env.hub.url, "/v1/invoice-exceptions", { key: OPS_READER_KEY })).status).toBe(403);
    expect((await call(env.hub.url, "/v1/purchase-orders", { key: AP_KEY })).status).toBe(403);
  });
});

// ---------------------------------------------------------------------------------------------
// Purchase orders and invoice exceptions, from real X12 documents through the partner intake.

const AP_TARGET = "accounts-payable";

const confirmation = (poId: string): OrderConfirmation => ({
  kind: "order-confirmation",
  purchaseOrderId: poId,
  confirmationDate: "2026-06-02",
  status: "accepted-with-changes",
  parties: [],
  lines: [{ lineId: "1", status: "backordered", quantity: "10", uom: "box", scheduledShipDate: "2026-06-05" }],
});
const shipNotice = (id: string, poId: string): ShipNotice => ({
  kind: "ship-notice",
  id,
  purpose: "original",
  noticeDate: "2026-06-05",
  shipDate: "2026-06-05",
  trackingNumbers: ["1Z999AA10123456784"],
  parties: [],
  orders: [
    {
      purchaseOrderId: poId,
      lines: [{ lineId: "1", item: { supplierPartNo: "MED-1" }, quantityShipped: "10", uom: "box" }],
    },
  ],
});

/**
 * A hub whose accounts-payable target subscribes to invoice.exception.resolved (its `events` config)
 * and nothing else. The hub's own dispatcher is off: the shipped HTTP connectors map contract
 * versions only, so this worker's dispatcher carries the event over the shared HTTP transport as a
 * plain JSON envelope to a RecordingTarget. The invoice match is run by the test, with its clock.
 */
async function startInvoiceHub(kind: StoreKind, apUrl: string) {
  const url = kind.url();
  const hub = await startHub(
    compileHubConfig({
      storeUrl: url,
      port: 0,
      targets: [
        {
          system: AP_TARGET,
          kind: "erp-purchasing",
          baseUrl: apUrl,
          required: false,
          events: ["invoice.exception.resolved"],
        },
        { system: "procurement", kind: "procurement-catalog", baseUrl: apUrl },
      ],
      partners: [MEDLINE],
      dispatcher: { pollIntervalMs: 25, deliveryTimeoutMs: 2_000, leaseMs: 5_000 },
      auth: testAuth(CLIENTS),
      encryption: TEST_ENCRYPTION,
    }),
    { seed: smallHealthSystem(), dispatch: false },
  );
  const port = createHttpJsonConnector({
    system: AP_TARGET,
    baseUrl: apUrl,
    // The RecordingTarget applies each business key in version order (contractRef/revision).
    plan: (m) => ({
      method: "POST",
      path: "/events",
      body: { eventType: m.eventType, contractRef: m.businessKey, revision: m.keyVersion, payload: m.payload },
    }),
    outcome: () => ({ kind: "acknowledged" }),
  });
  const worker = new Dispatcher({
    store: hub.store,
    ports: new Map([[AP_TARGET, port]]),
    retryPolicy: compileRetryPolicy({ initialDelayMs: 20, maxDelayMs: 200, maxAttempts: 5 }),
    workerId: "ap-worker",
    concurrency: 4,
    leaseMs: 5_000,
    deliveryTimeoutMs: 2_000,
    pollIntervalMs: 25,
  });
  worker.start();
  return {
    hub,
    async dispose() {
      await worker.stop();
      await port.close?.();
      await hub.close();
      await kind.cleanup(url);
    },
  };
}

describe.each(STORE_KINDS)("operations API: purchase orders and invoice exceptions ($name)", (kind) => {
  let hub: Hub;
  let ap: RecordingTarget;
  let dispose: (() => Promise<void>) | undefined;

  const sendX12 = (docs: Parameters<typeof sendAsMedline>[1], correlationId?: string) =>
    sendAsMedline(hub.url, docs, correlationId);
  const match = (now: Date) =>
    runInvoiceMatches({ store: hub.store, workerId: "test", leaseMs: 60_000, now: () => now });
  const receipt = (id: string, poId: string): Receipt => ({
    kind: "receipt",
    id,
    purchaseOrderId: poId,
    facilityId: "fac-1",
    receivedOn: "2026-06-06",
    lines: [{ purchaseOrderLineId: "1", itemId: "itm-1", quantityAccepted: "10", quantityRejected: "0", uom: "box" }],
  });

  beforeAll(async () => {
    ap = await new RecordingTarget().start();
    ({ hub, dispose } = await startInvoiceHub(kind, ap.url));
    await hub.store.query(
      "INSERT INTO xrefs (system, entity_type, local_id, canonical_id) VALUES ('medline', 'item', 'MED-1', 'itm-1')",
    );
    // PO 201 goes the whole way; 202 is invoiced without a receipt; 203 is only ordered.
    await sendX12([purchaseOrder("4500000201")], "corr-po-201");
    await sendX12([confirmation("4500000201")]);
    await sendX12([shipNotice("ASN-201", "4500000201")]);
    // Receipts are the ERP's; there is no inbound flow for them yet, so the dock's record is written as the ERP would.
    await hub.store.query(
      `INSERT INTO trade_documents (kind, partner, direction, document_id, format, body, warnings, unresolved, correlation_id)
       VALUES ('receipt', 'erp', 'inbound', 'GR-201', 'test', $1, '[]', '[]', 'corr-gr-201')`,
      [JSON.stringify(receipt("GR-201", "4500000201"))],
    );
    await sendX12([invoiceOf("INV-201", "4500000201", 10, "12.0000")], "corr-inv-201");
    expect(await match(new Date())).toBe(1);
    await sendX12([purchaseOrder("4500000202"), purchaseOrder("4500000203")]);
    await sendX12([invoiceOf("INV-202", "4500000202", 10, "10.2500")], "corr-inv-202");
    // Matched as if four days ago: its 72-hour SLA has run out.
    const fourDaysAgo = new Date(Date.now() - 96 * 3_600_000);
    expect(await match(fourDaysAgo)).toBe(1);
    await hub.store.query(
      `UPDATE exceptions SET created_at = $1 WHERE correlation_id = 'corr-inv-202' AND rule LIKE 'invoice-match.%'`,
      [fourDaysAgo],
    );
  });
  afterAll(async () => {
    await dispose?.();
    await ap?.stop();
  });

  it("shows a purchase order's status across systems, each stage with its source document", async () => {
    const res = await call(hub.url, "/v1/purchase-orders/4500000201/status");
    expect(res.status).toBe(200);
    const { stages } = res.body;
    expect(res.body).toMatchObject({ purchaseOrderId: "4500000201", supplier: "medline", status: "invoiced" });
    expect(stages.ordered).toMatchObject({ state: "done" });
    expect(stages.ordered.documents[0]).toMatchObject({
      documentId: "4500000201",
      system: "medline",
      purpose: "original",
      correlationId: "corr-po-201",
    });
    expect(stages.acknowledged.state).toBe("done");
    expect(stages.acknowledged.documents[0]).toMatchObject({ system: "medline", status: "accepted-with-changes" });
    expect(stages.acknowledged.documents[0].lines).toEqual([
      expect.objectContaining({ lineId: "1", status: "backordered" }),
    ]);
    expect(stages.acknowledged.documents[0].format).toMatch(/855/);
    expect(stages.shipped.documents[0]).toMatchObject({ documentId: "ASN-201", system: "medline" });
    expect(stages.shipped.documents[0].format).toMatch(/856/);
    expect(stages.received.documents[0]).toMatchObject({
      documentId: "GR-201",
      system: "erp",
      receivedOn: "2026-06-06",
    });
    expect(stages.invoiced.documents[0]).toMatchObject({ documentId: "INV-201", system: "medline", match: "held" });
    expect(stages.invoiced.documents[0].format).toMatch(/810/);
    expect(stages.paid).toMatchObject({ state: "pending", documents: [] });
    for (const s of ["ordered", "acknowledged", "shipped", "received", "invoiced"]) {
      expect(Number.isNaN(Date.parse(stages[s].at)), s).toBe(false);
    }

    const ordered = await call(hub.url, "/v1/purchase-orders/4500000203/status");
    expect(ordered.body.status).toBe("ordered");
    expect(ordered.body.stages.acknowledged).toMatchObject({ state: "pending", at: null, documents: [] });
    expect((await call(hub.url, "/v1/purchase-orders/NOPE/status")).status).toBe(404);
  });

  it("lists purchase orders by supplier and status, the same status the detail shows, a page at a time", async () => {
    const all = await allPages(hub.url, "/v1/purchase-orders?supplier=medline&limit=1");
    expect(all.items.map((p) => [p.purchaseOrderId, p.status])).toEqual([
      ["4500000201", "invoiced"],
      ["4500000202", "invoiced"],
      ["4500000203", "ordered"],
    ]);
    expect(all.pages).toBe(3);
    expect(
      (await call(hub.url, "/v1/purchase-orders?status=ordered")).body.items.map((p: any) => p.purchaseOrderId),
    ).toEqual(["4500000203"]);
    expect((await call(hub.url, "/v1/purchase-orders?supplier=acme")).body.items).toEqual([]);
    const bad = await call(hub.url, "/v1/purchase-orders?status=lost");
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain("/status");
  });

  it("lists invoice exceptions by type, urgency, owner, age and status, each with its aging", async () => {
    // The seed's contract AGR-1 prices itm-1 at 10.25 for fac-1: 12.00 is off contract before it is off the PO.
    const price = await call(hub.url, "/v1/invoice-exceptions?type=off-contract", { key: AP_READER_KEY });
    expect(price.status).toBe(200);
    expect(price.body.items).toHaveLength(1);
    expect(price.body.items[0]).toMatchObject({
      type: "off-contract",
      rule: "contract.price-above-contract",
      urgency: "compliance",
      owner: "contract-compliance",
      status: "open",
      invoice: { invoiceId: "INV-201", partner: "medline" },
      purchaseOrderId: "4500000201",
      correlationId: "corr-inv-201",
      aging: { hoursOpen: 0, slaHours: 24, overdue: false, hoursOverdue: 0 },
      resolution: null,
    });
    expect(Date.parse(price.body.items[0].aging.dueAt)).toBeGreaterThan(Date.now());

    const late = await call(hub.url, "/v1/invoice-exceptions?type=missing-receipt&owner=receiving");
    expect(late.body.items).toHaveLength(1);
    expect(late.body.items[0]).toMatchObject({
      invoice: { invoiceId: "INV-202" },
      aging: { slaHours: 72, overdue: true, hoursOpen: 96, hoursOverdue: 24 },
    });
    expect((await call(hub.url, "/v1/invoice-exceptions?overdue=true")).body.items.map((e: any) => e.id)).toEqual([
      late.body.items[0].id,
    ]);
    expect((await call(hub.url, "/v1/invoice-exceptions?olderThanHours=90")).body.items.map((e: any) => e.id)).toEqual([
      late.body.items[0].id,
    ]);
    expect((await call(hub.url, "/v1/invoice-exceptions?urgency=compliance")).body.items.map((e: any) => e.id)).toEqual(
      [price.body.items[0].id],
    );
    expect((await call(hub.url, "/v1/invoice-exceptions?urgency=clinical")).body.items).toEqual([]);
    expect((await call(hub.url, "/v1/invoice-exceptions?type=price")).body.items).toEqual([]);
    expect((await call(hub.url, "/v1/invoice-exceptions?type=duplicate")).body.items).toEqual([]);
    const paged = await allPages(hub.url, "/v1/invoice-exceptions?status=open&limit=1");
    expect(paged.items.map((e) => e.id)).toEqual([price.body.items[0].id, late.body.items[0].id]);
    expect((await call(hub.url, "/v1/invoice-exceptions?type=typo")).status).toBe(400);
  });

  it("resolves an exception once, recording the client, an audit record and an event its subscriber receives", async () => {
    const [open] = (await call(hub.url, "/v1/invoice-exceptions?type=off-contract")).body.items;
    const path = `/v1/invoice-exceptions/${open.id}/resolve`;
    const short = await call(hub.url, path, {
      method: "POST",
      key: AP_KEY,
      body: { resolution: "accept-variance", reason: "ok" },
    });
    expect(short.status).toBe(400);
    expect(short.body.detail).toContain("/reason");
    const blank = await call(hub.url, path, {
      method: "POST",
      key: AP_KEY,
      body: { resolution: "accept-variance", reason: "            " },
    });
    expect(blank.status).toBe(400);
    const badCode = await call(hub.url, path, {
      method: "POST",
      key: AP_KEY,
      body: { resolution: "ignore", reason: "because I said so" },
    });
    expect(badCode.status).toBe(400);
    expect(badCode.body.detail).toContain("/resolution");
    const readerOnly = await call(hub.url, path, {
      method: "POST",
      key: AP_READER_KEY,
      body: { resolution: "accept-variance", reason: "price increase agreed by phone" },
    });
    expect(readerOnly.status).toBe(403);

    const reason = "Price increase agreed with Medline on 2026-06-09, PO to be amended";
    const resolved = await call(hub.url, path, {
      method: "POST",
      key: AP_KEY,
      body: { resolution: "accept-variance", reason },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      id: open.id,
      status: "resolved",
      resolution: { code: "accept-variance", reason, resolvedBy: "ap-desk" },
    });
    const [audit] = await auditOf(hub.store, "invoice.exception.resolved");
    expect(audit).toMatchObject({
      actor: "ap-desk",
      subject_id: String(open.id),
      detail: { code: "accept-variance", correlationId: "corr-inv-201", eventId: resolved.body.eventId },
    });

    // The write-back: an outbox event delivered to the subscribed target only.
    const businessKey = `invoice-exception:${open.id}`;
    await waitFor(() => ap.applied.some((a) => a.contract === businessKey), 10_000, "resolution delivered");
    expect(ap.applied.filter((a) => a.contract === businessKey)).toEqual([
      expect.objectContaining({ key: `concord/${AP_TARGET}/${businessKey}/v1`, revision: 1 }),
    ]);
    const event = (await waitFor(async () => {
      const e = await call(hub.url, `/v1/events/${resolved.body.eventId}`);
      return e.body.deliveries?.[0]?.status === "acknowledged" ? e : undefined;
    }))!;
    expect(event.body).toMatchObject({
      type: "invoice.exception.resolved",
      businessKey,
      correlationId: "corr-inv-201",
    });
    expect(event.body.payload).toMatchObject({
      exceptionId: open.id,
      rule: "contract.price-above-contract",
      resolution: { code: "accept-variance", resolvedBy: "ap-desk" },
    });
    expect(event.body.deliveries.map((d: any) => d.target)).toEqual([AP_TARGET]);

    const again = await call(hub.url, path, {
      method: "POST",
      key: AP_KEY,
      body: { resolution: "rejected", reason: "changed my mind entirely" },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "CONCORD_ERR_EXCEPTION_RESOLVED", resolution: { resolvedBy: "ap-desk" } });
    expect(again.body.detail).toContain("already resolved by ap-desk");
    expect(await auditOf(hub.store, "invoice.exception.resolved")).toHaveLength(1);
    expect((await call(hub.url, "/v1/events?type=invoice.exception.resolved")).body.items).toHaveLength(1);
    expect((await call(hub.url, "/v1/invoice-exceptions?status=resolved")).body.items.map((e: any) => e.id)).toEqual([
      open.id,
    ]);
    expect(
      (
        await call(hub.url, "/v1/invoice-exceptions/999999/resolve", {
          method: "POST",
          key: AP_KEY,
          body: { resolution: "rejected", reason: "no such exception here" },
        })
      ).status,
    ).toBe(404);
  });

  it("traces an invoice from the partner's interchange through the match to its exception and resolution", async () => {
    const trace = await call(hub.url, "/v1/traces/corr-inv-201");
    expect(trace.status).toBe(200);
    const kinds = trace.body.steps.map((s: any) => s.kind);
    // The 997 goes back in the answer, after the documents (and their trade.invoice.received event) are kept.
    expect(kinds.slice(0, 4)).toEqual(["inbound-message", "canonical-change", "event", "acknowledgment"]);
    expect(trace.body.steps[0]).toMatchObject({
      system: "medline",
      messageType: "x12-interchange",
      status: "accepted",
    });
    expect(trace.body.steps[1]).toMatchObject({
      entity: "trade-document",
      documentKind: "invoice",
      documentId: "INV-201",
    });
    expect(trace.body.steps[2]).toMatchObject({ type: "trade.invoice.received" });
    expect(trace.body.steps[3]).toMatchObject({ type: "x12-997", direction: "outbound" });
    expect(kinds).toEqual(
      expect.arrayContaining(["invoice-match", "exception", "exception-resolved", "event", "audit"]),
    );
    expect(trace.body.steps.find((s: any) => s.kind === "exception-resolved")).toMatchObject({ resolvedBy: "ap-desk" });
    expect(trace.body.summary.systems).toEqual([AP_TARGET, "medline"]);
    expect(trace.body.summary.actors).toEqual(expect.arrayContaining(["ap-desk", "medline"]));
  });

  it("takes accounts payable's payments once each, shows the purchase order paid, and refuses what does not add up", async () => {
    const payment = (id: string, amount: string, remittances: object[]) => ({
      kind: "payment",
      id,
      paymentDate: "2026-07-01",
      method: "ach",
      currency: "USD",
      amount,
      parties: [],
      remittances,
    });
    const pay = (payments: object[], system = AP_TARGET) =>
      call(hub.url, "/v1/payments", {
        method: "POST",
        body: { payments },
        headers: { "x-concord-system": system },
      });
    const first = payment("ACH-7001", "102.50", [{ invoiceId: "INV-201", paid: "102.50", invoiced: "120.00" }]);
    const res = await pay([
      first,
      payment("ACH-7002", "50.00", [{ invoiceId: "INV-201", paid: "40.00" }]),
      payment("ACH-7003", "5.00", [{ invoiceId: "INV-NEVER-SENT", paid: "5.00" }]),
      { kind: "payment", id: "ACH-7004" },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 2, duplicate: 0, rejected: 2 });
    expect(res.body.results[0]).toMatchObject({
      status: "accepted",
      remittances: [{ invoiceId: "INV-201", partner: "medline" }],
    });
    expect(res.body.results[1].problem).toMatchObject({
      code: "CONCORD_ERR_PAYMENT_TOTAL",
      amount: "50.00",
      remitted: "40.00",
    });
    // Kept, but told to nobody: no partner sent that invoice.
    expect(res.body.results[2]).toMatchObject({
      status: "accepted",
      remittances: [{ invoiceId: "INV-NEVER-SENT", partner: null, reason: "unknown-invoice" }],
    });
    expect(res.body.results[3].problem.code).toBe("CONCORD_ERR_INPUT_SCHEMA");

    // Sent again: a duplicate; changed under the same id: a conflict. Nothing is kept twice.
    const again = await pay([
      first,
      { ...first, amount: "1.00", remittances: [{ invoiceId: "INV-201", paid: "1.00" }] },
    ]);
    expect(again.body.results.map((r: any) => r.status)).toEqual(["duplicate", "rejected"]);
    expect(again.body.results[1].problem.code).toBe("CONCORD_ERR_PAYMENT_CONFLICT");
    // Payments are accounts payable's: medline may not send one.
    const foreign = await pay([payment("ACH-7005", "1.00", [{ invoiceId: "INV-201", paid: "1.00" }])], "medline");
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe("CONCORD_ERR_POLICY_OWNERSHIP");

    const status = await call(hub.url, "/v1/purchase-orders/4500000201/status");
    expect(status.body.status).toBe("paid");
    expect(status.body.stages.paid.state).toBe("done");
    expect(status.body.stages.paid.documents).toEqual([
      expect.objectContaining({
        documentId: "ACH-7001",
        system: AP_TARGET,
        paymentDate: "2026-07-01",
        method: "ach",
        remittances: [{ invoiceId: "INV-201", paid: "102.50", invoiced: "120.00" }],
      }),
    ]);
    const paid = await allPages(hub.url, "/v1/purchase-orders?status=paid");
    expect(paid.items.map((p) => p.purchaseOrderId)).toEqual(["4500000201"]);
    const kept = await hub.store.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM trade_documents WHERE kind = 'payment'",
    );
    expect(kept[0]!.n).toBe(2);
  });
});
