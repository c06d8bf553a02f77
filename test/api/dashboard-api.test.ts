import { beforeAll, describe, expect, it } from "vitest";
import { CONTRACT_VERSION_EVENT } from "../../src/model/index.js";
import { MEDLINE, seedDashboardData } from "../support/dashboard-data.js";
import { supplierRecord } from "../support/records.js";
import { STORE_KINDS } from "../support/stores.js";
import { hubHeaders, useRecordingHub } from "../support/test-hub.js";

const OPS_READER_KEY = "ck_dash-reader.ops0123456789abcdef0123456789";
const CLIENTS = [{ id: "dash-reader", scopes: ["operations:read"], systems: [], apiKeys: [OPS_READER_KEY] }];

async function get(url: string, key?: string) {
  const res = await fetch(url, { headers: hubHeaders(key ? { "x-api-key": key } : {}) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** The dashboard's API computes its figures from the store, on both stores. */
describe.each(STORE_KINDS)("dashboard API ($name)", (kind) => {
  const env = useRecordingHub(kind, {
    retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 20 },
    partners: [MEDLINE],
    clients: CLIENTS,
    // Tighter than the 4 h default: the requisition ordered after 30 minutes misses it.
    dashboard: { slaMs: { "requisition-to-po": 20 * 60_000 } },
  });
  let seeded: Awaited<ReturnType<typeof seedDashboardData>>;
  beforeAll(async () => {
    seeded = await seedDashboardData(env.hub, env.target, "a");
  }, 60_000);

  it("measures each business process per bucket", async () => {
    // Two requisitions as the workflow keeps them: one ordered 30 minutes after it came, one blocked.
    await env.hub.store.query(
      `INSERT INTO requisitions (id, status, body, facility_id, cost_center_id, fiscal_year, total, currency, checks,
         correlation_id, submitted_at, ordered_at)
       VALUES ('req-dash-1', 'ordered', '{}', 'fac-1', 'cc-1', 2027, 100, 'USD', '[]', 'c-r1',
               now() - interval '40 minutes', now() - interval '10 minutes'),
              ('req-dash-2', 'blocked', '{}', 'fac-1', 'cc-1', 2027, 900, 'USD', '[]', 'c-r2', now() - interval '5 minutes', NULL)
       ON CONFLICT DO NOTHING`,
    );
    const { status, body } = await get(`${env.hub.url}/v1/dashboard/processes?window=1h&bucket=5m`);
    expect(status).toBe(200);
    expect(body.processes.map((p: any) => p.process)).toEqual([
      "contract-propagation",
      "supplier-onboarding",
      "requisition-to-po",
      "invoice-match",
    ]);
    const contracts = body.processes[0];
    expect(contracts.series).toHaveLength(12);
    // One delivery acknowledged, one dead: half succeeded.
    expect(contracts.totals).toMatchObject({ started: 2, succeeded: 1, failed: 1, running: 0, successRate: 0.5 });
    expect(contracts.totals.p50Ms).toBeGreaterThanOrEqual(0);
    expect(contracts.totals.p95Ms).toBeGreaterThanOrEqual(contracts.totals.p50Ms);
    // Within the hour's SLA: the delivered one; the dead one is a breach.
    expect(contracts.totals.slaCompliance).toBe(0.5);
    expect(contracts.series.reduce((n: number, s: any) => n + s.started, 0)).toBe(2);
    expect(contracts.series.at(-1).started).toBe(2);
    expect(body.processes[2].totals).toMatchObject({ started: 2, succeeded: 1, failed: 1, successRate: 0.5 });
    expect(body.processes[2].totals.p50Ms).toBeCloseTo(30 * 60_000, -3);
    expect(body.processes[2].slaMs).toBe(20 * 60_000);
    expect(body.processes[2].totals.slaCompliance).toBe(0);
    expect(contracts.slaMs).toBe(60 * 60_000);
    const invoices = body.processes[3];
    expect(invoices.totals).toMatchObject({ started: 1, failed: 1, successRate: 0 });
  });

  it("refuses windows no chart can show with 400, naming the parameter", async () => {
    for (const [q, name] of [
      ["window=0h", "/window"],
      ["window=91d", "/window"],
      ["window=1h&bucket=2h", "/bucket"],
      ["window=30d&bucket=1m", "/bucket"],
      ["colour=red", "colour"],
    ]) {
      const res = await get(`${env.hub.url}/v1/dashboard/processes?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.code, q).toBe("CONCORD_ERR_INPUT_QUERY");
      expect(res.body.detail, q).toContain(name);
    }
  });

  it("shows each target's health and names the system holding work back as the bottleneck", async () => {
    const { body } = await get(`${env.hub.url}/v1/dashboard/targets?window=1h`);
    const procurement = body.items.find((t: any) => t.target === "procurement");
    // Attempts: 1 delivered + 3 failed for the dead letter (the 997-less catalog acknowledges at once).
    expect(procurement).toMatchObject({ attempts: 4, errors: 3, errorRate: 0.75, deadLetters: 1, status: "degraded" });
    expect(procurement.circuit.state).toBe("closed");
    expect(body.bottleneck).toBeNull();
    // Work waiting for a target makes it the bottleneck.
    await env.hub.dispatcher.stop();
    try {
      env.target.enqueue({ status: 503 });
      const res = await fetch(`${env.hub.url}/v1/contracts/ctr-dash-wait/versions`, {
        method: "POST",
        headers: { ...hubHeaders(), "content-type": "application/json", "x-concord-system": "clm" },
        body: JSON.stringify({ ...seeded.ok, id: "ctr-dash-wait", number: "AGR-DASH-WAIT" }),
      });
      expect(res.status).toBe(202);
      const after = await get(`${env.hub.url}/v1/dashboard/targets`);
      expect(after.body.bottleneck).toMatchObject({ target: "procurement", backlog: 1 });
    } finally {
      env.hub.dispatcher.start();
    }
    // Retried after its 503 and released: nothing of this case is left pending for the next.
    await expect
      .poll(async () => (await get(`${env.hub.url}/v1/dashboard/targets`)).body.bottleneck, { timeout: 15_000 })
      .toBeNull();
    await expect
      .poll(
        async () => (await get(`${env.hub.url}/v1/contracts/ctr-dash-wait/propagation`)).body.versions?.[0]?.status,
        { timeout: 15_000 },
      )
      .toBe("released");
  });

  it("lists dead letters and exceptions as one filtered work list, and masks what a detail shows", async () => {
    const all = await get(`${env.hub.url}/v1/dashboard/failures`);
    expect(all.status).toBe(200);
    const kinds = all.body.items.map((f: any) => f.kind);
    expect(kinds).toContain("dead-letter");
    expect(kinds).toContain("exception");
    expect(all.body.facets.systems).toContain("procurement");
    const dead = await get(`${env.hub.url}/v1/dashboard/failures?kind=dead-letter&system=procurement&type=contract.`);
    expect(dead.body.items.map((f: any) => f.id)).toEqual([seeded.letter.id]);
    expect(dead.body.items[0]).toMatchObject({ type: CONTRACT_VERSION_EVENT, urgency: "financial", status: "dead" });
    const invoices = await get(`${env.hub.url}/v1/dashboard/failures?kind=exception&type=invoice-match`);
    expect(invoices.body.items.map((f: any) => f.id)).toContain(seeded.exception.id);
    expect((await get(`${env.hub.url}/v1/dashboard/failures?urgency=clinical`)).body.items).toEqual([]);
    expect((await get(`${env.hub.url}/v1/dashboard/failures?olderThanHours=1`)).body.items).toEqual([]);
    expect((await get(`${env.hub.url}/v1/dashboard/failures?type=%25`)).body.items).toEqual([]);
    expect((await get(`${env.hub.url}/v1/dashboard/failures?urgency=urgent`)).status).toBe(400);

    const letter = await get(`${env.hub.url}/v1/dashboard/failures/dead-letter/${seeded.letter.id}`);
    expect(letter.body.payload.contract.number).toBe(seeded.dead.number);
    // The procurement catalog's mapping, recomputed from the payload: what the target was sent.
    expect(letter.body.mappedPayload.mapping).toMatch(/^procurement/);
    expect(JSON.stringify(letter.body.mappedPayload.body)).toContain(seeded.dead.number);
    const x = await get(`${env.hub.url}/v1/dashboard/failures/exception/${seeded.exception.id}`);
    expect(x.body).toMatchObject({ id: seeded.exception.id, status: "open", original: { system: "medline" } });
    expect(x.body.original.body).toContain("ISA*");
    expect((await get(`${env.hub.url}/v1/dashboard/failures/exception/999999`)).status).toBe(404);
  });

  it("counts ownership violations and refused API calls per bucket", async () => {
    expect((await get(`${env.hub.url}/v1/dashboard/processes`, "ck_not-a-key.0000000000000000000000000")).status).toBe(
      401,
    );
    const { body } = await get(`${env.hub.url}/v1/dashboard/violations?window=1h&bucket=10m`);
    expect(body.series).toHaveLength(6);
    expect(body.totals.ownership).toBe(1);
    expect(body.byRule).toEqual([{ rule: "ownership.system-of-record", system: "procurement", count: 1 }]);
    expect(body.recent[0]).toMatchObject({ entityType: "supplier", entityId: "sup-1" });
    // Audit records of calls are batched: the refused call shows once written.
    await expect
      .poll(async () => (await get(`${env.hub.url}/v1/dashboard/violations?window=1h&bucket=10m`)).body.totals.refused)
      .toBeGreaterThanOrEqual(1);
  });

  it("computes business outcomes: disputes, activation time, touches, duplicates, pricing leakage and time to payment", async () => {
    const { status, body } = await get(`${env.hub.url}/v1/outcomes?window=1d`);
    expect(status).toBe(200);
    expect(body.invoiceDisputes).toMatchObject({ invoicesReceived: 1, disputed: 1, disputeRate: 1 });
    const activation = body.contractActivation;
    // The dead one waits for its required target: pending, not released.
    expect(activation.pending).toBe(1);
    expect(activation.released).toBe(activation.versionsReceived - activation.pending - activation.parked);
    expect(body.contractActivation.p50Ms).toBeGreaterThanOrEqual(0);
    expect(body.duplicateVendors).toMatchObject({ onboardingsChecked: 0, duplicateRate: null });
    // 10 boxes of itm-1 at 12.00 where the contract's fac-1 tier price is 10.25: 17.50 leaked.
    expect(body.pricingLeakage).toMatchObject({ estimatedLeakage: "17.50", linesAboveContract: 1, linesChecked: 1 });
    expect(body.pricingLeakage.topLines[0]).toMatchObject({ itemId: "itm-1", facilityId: "fac-1", paid: "12.0000" });
    expect(body.invoiceToPayment).toMatchObject({ paymentsReceived: 0, invoicesPaid: 0, p50Days: null });
    // Accounts payable pays the invoice three days after it arrived, taking a discount, in one
    // payment with an invoice Concord never saw.
    const [arrived] = await env.hub.store.query<{ day: string }>(
      "SELECT received_at::date::text AS day FROM trade_documents WHERE kind = 'invoice' AND document_id = 'INV-a'",
    );
    const paidOn = new Date(Date.parse(`${arrived!.day}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    const paid = await fetch(`${env.hub.url}/v1/payments`, {
      method: "POST",
      headers: { ...hubHeaders(), "content-type": "application/json", "x-concord-system": "erp" },
      body: JSON.stringify({
        payments: [
          {
            kind: "payment",
            id: "CHK-20001",
            paymentDate: paidOn,
            method: "check",
            currency: "USD",
            amount: "125.00",
            parties: [],
            remittances: [
              { invoiceId: "INV-a", paid: "117.60", invoiced: "120.00", discount: "2.40" },
              { invoiceId: "INV-ELSEWHERE", paid: "7.40" },
            ],
          },
        ],
      }),
    });
    expect(((await paid.json()) as { accepted: number }).accepted).toBe(1);
    expect((await get(`${env.hub.url}/v1/outcomes?window=1d`)).body.invoiceToPayment).toEqual({
      paymentsReceived: 1,
      invoicesPaid: 2,
      invoicesWithWait: 1,
      p50Days: 3,
      p95Days: 3,
      discountTaken: "2.40",
    });
    const before = body.manualTouches.total;
    const replay = await fetch(`${env.hub.url}/v1/dead-letters/replay`, {
      method: "POST",
      headers: { ...hubHeaders(), "content-type": "application/json" },
      body: JSON.stringify({ ids: [seeded.letter.id] }),
    });
    expect(replay.status).toBe(200);
    // Replayed, delivered and released: one more activation, measured from its reception.
    const after = await expect
      .poll(async () => (await get(`${env.hub.url}/v1/outcomes?window=1d`)).body, { timeout: 15_000 })
      .toSatisfy((o: any) => o.contractActivation.released === activation.released + 1);
    void after;
    const now = (await get(`${env.hub.url}/v1/outcomes?window=1d`)).body;
    expect(now.contractActivation.pending).toBe(0);
    expect(now.manualTouches.total).toBe(before + 1);
    expect(now.manualTouches.byAction).toContainEqual({ action: "dead-letters.replayed", count: 1 });
  });

  it("needs operations:read, and streams a pulse that changes when operations data changes", async () => {
    expect((await fetch(`${env.hub.url}/v1/dashboard/stream`)).status).toBe(401);
    expect((await get(`${env.hub.url}/v1/outcomes`, OPS_READER_KEY)).status).toBe(200);
    const controller = new AbortController();
    const res = await fetch(`${env.hub.url}/v1/dashboard/stream`, { headers: hubHeaders(), signal: controller.signal });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    const pulses: any[] = [];
    const next = async () => {
      let text = "";
      while (!text.includes("event: pulse")) text += (await reader.read()).value ?? "";
      const data = text.split("\n").find((l) => l.startsWith("data: "))!;
      return JSON.parse(data.slice(6));
    };
    pulses.push(await next());
    expect(pulses[0].policyViolations ?? pulses[0].lastViolationId).toBeGreaterThan(0);
    await fetch(`${env.hub.url}/v1/imports/suppliers`, {
      method: "POST",
      headers: { ...hubHeaders(), "content-type": "application/json", "x-concord-system": "procurement" },
      body: JSON.stringify({ records: [{ ...supplierRecord(1), name: "Renamed again by procurement" }] }),
    });
    pulses.push(await next());
    expect(pulses[1]).not.toEqual(pulses[0]);
    controller.abort();
  });
});

describe("the dashboard's pages", () => {
  const env = useRecordingHub(STORE_KINDS[0]!);
  it("are public and hold no data; uPlot is served beside them", async () => {
    const page = await fetch(`${env.hub.url}/dashboard/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('src="./app.js"');
    expect((await fetch(`${env.hub.url}/dashboard/app.js`)).headers.get("content-type")).toContain("javascript");
    expect((await fetch(`${env.hub.url}/dashboard/vendor/uplot/uPlot.esm.js`)).status).toBe(200);
    expect((await fetch(`${env.hub.url}/dashboard/vendor/uplot/package.json`)).status).toBe(404);
    expect((await fetch(`${env.hub.url}/dashboard`, { redirect: "manual" })).headers.get("location")).toBe(
      "/dashboard/",
    );
  });
});
