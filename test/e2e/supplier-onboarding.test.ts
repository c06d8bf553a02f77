import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type VendorDesk, vendorDeskOf } from "../../sandbox/erp/vendors.js";
import { type Sandbox, startSandbox } from "../../sandbox/index.js";
import { sandboxTargets } from "../../src/cli/start-command.js";
import { compileHubConfig, type Hub, startHub } from "../../src/server/index.js";
import { loadExclusionListFile } from "../../src/workflows/supplier-onboarding/index.js";
import { DAY_MS, OffsetClock } from "../../src/workflows/timers/index.js";
import { STORE_KINDS, type StoreKind } from "../support/stores.js";
import { TEST_ENCRYPTION } from "../support/test-encryption.js";
import { TEST_API_KEY, testAuth, waitFor } from "../support/test-hub.js";

const FIXTURES = fileURLToPath(new URL("../../src/workflows/supplier-onboarding/screening/fixtures/", import.meta.url));
const KEYS = {
  procurement: "ck_procurement-app.0123456789abcdef0123456789abcdef",
  treasurerA: "ck_treasurer-a.0123456789abcdef0123456789abcdef",
  treasurerB: "ck_treasurer-b.0123456789abcdef0123456789abcdef",
  erp: "ck_erp-callback.0123456789abcdef0123456789abcdef",
  operator: TEST_API_KEY,
} as const;
/** Procurement starts onboardings; two treasurers approve bank changes; the ERP posts vendor numbers. */
const CLIENTS = [
  {
    id: "procurement-app",
    scopes: ["suppliers:write", "suppliers:read", "onboarding:approve"],
    systems: ["procurement"],
    apiKeys: [KEYS.procurement],
  },
  { id: "treasurer-a", scopes: ["onboarding:approve", "suppliers:read"], apiKeys: [KEYS.treasurerA] },
  { id: "treasurer-b", scopes: ["onboarding:approve", "suppliers:read"], apiKeys: [KEYS.treasurerB] },
  { id: "erp-callback", scopes: ["suppliers:write"], systems: ["erp"], apiKeys: [KEYS.erp] },
];
const VENDOR_TIMEOUT_MS = 60 * 60_000;

function hubConfig(sandbox: Sandbox, storeUrl: string) {
  return compileHubConfig({
    storeUrl,
    port: 0,
    targets: sandboxTargets(sandbox.urls),
    retry: { initialDelayMs: 20, maxDelayMs: 200, maxAttempts: 5 },
    dispatcher: { pollIntervalMs: 25, deliveryTimeoutMs: 2_000, leaseMs: 5_000, circuit: { failureThreshold: 1_000 } },
    auth: testAuth(CLIENTS),
    encryption: TEST_ENCRYPTION,
    supplierOnboarding: {
      vendorNumberTimeoutMs: VENDOR_TIMEOUT_MS,
      timerPollMs: 25,
      screening: { leie: join(FIXTURES, "leie-updated.csv"), sam: join(FIXTURES, "sam-exclusions.csv") },
    },
  });
}

/** A complete onboarding as procurement sends it; `n` keeps tax ids, accounts and addresses apart. */
function onboarding(n: number, name: string, clock: OffsetClock, over: Record<string, unknown> = {}) {
  return {
    name,
    address: {
      line1: `${100 + n} Commerce Way`,
      city: "Springfield",
      region: "IL",
      postalCode: `627${String(n).padStart(2, "0")}`,
      country: "US",
    },
    taxId: `12-${String(3_000_000 + n)}`,
    w9: { onFile: true, documentRef: `DMS-W9-${n}` },
    bankAccount: { routingNumber: "011000015", accountNumber: String(100_200_300 + n), accountType: "checking" },
    insurance: { certificateExpiresOn: isoDay(clock, 365) },
    contacts: [{ name: "Pat Lee", email: `ap${n}@example.com`, phone: "+1 217 555 0100" }],
    ...over,
  };
}
const isoDay = (clock: OffsetClock, days: number) =>
  new Date(clock.now().getTime() + days * DAY_MS).toISOString().slice(0, 10);

function api(hubUrl: () => string) {
  const call = async (method: string, path: string, key: string, body?: unknown) => {
    const res = await fetch(`${hubUrl()}${path}`, {
      method,
      headers: { "x-api-key": key, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as any };
  };
  return {
    get: (path: string, key: string = KEYS.operator) => call("GET", path, key),
    post: (path: string, body: unknown, key: string = KEYS.procurement) => call("POST", path, key, body),
    async start(body: unknown) {
      const res = await call("POST", "/v1/suppliers/onboarding", KEYS.procurement, body);
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      return res.body as { id: string; supplierId: string };
    },
    async settled(id: string, status: string | string[]) {
      const wanted = typeof status === "string" ? [status] : status;
      return waitFor(
        async () => {
          const { body } = await call("GET", `/v1/suppliers/onboarding/${id}`, KEYS.operator);
          return wanted.includes(body?.status) ? body : undefined;
        },
        60_000,
        `onboarding ${id} to be ${wanted.join(" or ")}`,
      );
    },
  };
}

describe.each(STORE_KINDS)("supplier onboarding end to end ($name)", (kind) => {
  let sandbox: Sandbox;
  let hub: Hub;
  let desk: VendorDesk;
  let storeUrl: string;
  const clock = new OffsetClock();
  const http = api(() => hub.url);
  const exceptionsOf = (subjectId: string) =>
    hub.store.query<{ rule: string; code: string; status: string; urgency: string; details: Record<string, any> }>(
      "SELECT rule, code, status, urgency, details FROM exceptions WHERE subject_id = $1 ORDER BY id",
      [subjectId],
    );

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 7, scale: { facilities: 6, suppliers: 20, items: 300, contracts: 20 } });
    storeUrl = kind.url();
    hub = await startHub(hubConfig(sandbox, storeUrl), { seed: sandbox.dataset.canonical, clock });
    desk = vendorDeskOf(sandbox.systems.erp);
    desk.setHub(hub.url, KEYS.erp);
  }, 180_000);
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
    await kind.cleanup(storeUrl);
  });

  let happy: { id: string; supplierId: string };

  it("takes a clean supplier to payable through the ERP, measured, with its history and every check passed", async () => {
    const created = desk.created.length;
    const res = await http.post("/v1/suppliers/onboarding", onboarding(1, "Lakeview Surgical Instruments Inc", clock));
    expect(res.status).toBe(202);
    expect(res.headers.get("location")).toBe(`/v1/suppliers/onboarding/${res.body.id}`);
    happy = res.body;
    const done = await http.settled(happy.id, "payable");
    expect(desk.created.length).toBe(created + 1);
    const vendor = desk.created.at(-1)!;
    expect(done.erpVendorNumber).toBe(vendor.VENDOR_NUM);
    expect(vendor.VENDOR_NAME).toBe("Lakeview Surgical Instruments Inc");
    expect(done.completionMs).toBeGreaterThanOrEqual(0);
    expect(done.payableAt).toBeTruthy();
    expect(Object.fromEntries(done.checks.map((c: any) => [c.check, c.outcome]))).toEqual({
      tin: "passed",
      w9: "passed",
      "bank-routing": "passed",
      "bank-change-approval": "not-applicable",
      "exclusion-leie": "passed",
      "exclusion-sam": "passed",
      insurance: "passed",
      "duplicate-vendor": "passed",
    });
    const ready = await http.get(`/v1/suppliers/${happy.supplierId}/payment-readiness`);
    expect(ready.body).toMatchObject({ payable: true, reasons: [], vendorNumber: vendor.VENDOR_NUM });
    const history = await http.get(`/v1/suppliers/${happy.supplierId}/history`);
    expect(history.body.transitions.map((t: any) => t.to)).toEqual(["requested", "vendor_requested", "payable"]);
    const supplier = await http.get(`/v1/suppliers/${happy.supplierId}`);
    expect(supplier.body.status).toBe("active");
  });

  it("finds suppliers by name, GLN, vendor number and (with pii:read only) tax id, masking PII without it", async () => {
    const byName = await http.get("/v1/suppliers?name=lakeview surgical");
    expect(byName.body.items.map((s: any) => s.id)).toEqual([happy.supplierId]);
    const vendorNumber = (await http.get(`/v1/suppliers/onboarding/${happy.id}`)).body.erpVendorNumber;
    const byVendor = await http.get(`/v1/suppliers?vendorNumber=${vendorNumber}`);
    expect(byVendor.body.items.map((s: any) => s.id)).toEqual([happy.supplierId]);
    const byGln = await http.get("/v1/suppliers?gln=0307276049239");
    expect(byGln.body.items.map((s: any) => s.id)).toEqual(["sup-0001"]);
    const byTin = await http.get("/v1/suppliers?taxId=12-3000001");
    expect(byTin.body.items.map((s: any) => s.id)).toEqual([happy.supplierId]);
    const refused = await http.get("/v1/suppliers?taxId=12-3000001", KEYS.treasurerA);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("CONCORD_ERR_AUTH_SCOPE");

    const masked = await http.get(`/v1/suppliers/onboarding/${happy.id}`, KEYS.treasurerA);
    expect(masked.body.request.taxId).toBe("*****0001");
    expect(masked.body.request.bankAccount.accountNumber).toBe("****0301");
    const clear = await http.get(`/v1/suppliers/onboarding/${happy.id}`);
    expect(clear.body.request.taxId).toBe("12-3000001");
    expect(clear.body.request.bankAccount).toMatchObject({ routingNumber: "011000015", accountNumber: "100200301" });
    // The supplier record carries them now too (sealed), masked for a reader without pii:read.
    expect((await http.get(`/v1/suppliers/${happy.supplierId}`, KEYS.treasurerA)).body.taxId).toBe("*****0001");
  });

  it("keeps the tax id and bank account out of every table, event, exception and audit record in clear", async () => {
    for (const table of [
      "supplier_onboardings",
      "supplier_onboarding_transitions",
      "events",
      "exceptions",
      "audit_log",
      "canonical_records",
      "sensitive_fields",
      "workflow_timers",
    ]) {
      const leaks = await hub.store.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} t
         WHERE t::text LIKE '%123000001%' OR t::text LIKE '%12-3000001%' OR t::text LIKE '%100200301%'`,
      );
      expect(leaks[0]!.n, table).toBe(0);
    }
  });

  const blockedBy = async (id: string, check: string) => {
    const done = await http.settled(id, "blocked");
    const failed = done.checks.filter((c: any) => c.outcome === "failed");
    expect(failed.map((c: any) => c.check)).toEqual([check]);
    expect(failed[0].owner).toBeTruthy();
    expect(Date.parse(failed[0].dueAt)).toBeGreaterThan(clock.now().getTime());
    const raised = (await exceptionsOf(id)).filter((e) => e.rule === `onboarding.${check}`);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({
      code: "CONCORD_ERR_ONBOARDING_CHECK",
      status: "open",
      details: { check, owner: failed[0].owner, dueAt: failed[0].dueAt, onboardingId: id },
    });
    return { done, failed: failed[0], exception: raised[0]! };
  };

  it.each([
    ["a TIN no one was ever issued", 2, "Quarry Hill Orthopedics", { taxId: "00-1234567" }, "tin", "procurement"],
    ["no W-9 on file", 3, "Tidewater Sterile Products", { w9: { onFile: false } }, "w9", "procurement"],
    [
      "a routing number failing the ABA checksum",
      4,
      "Copperline Diagnostics",
      { bankAccount: { routingNumber: "011000016", accountNumber: "55501234", accountType: "checking" } },
      "bank-routing",
      "treasury",
    ],
    ["a name on the OIG LEIE", 5, "Shady Medical Supply LLC", {}, "exclusion-leie", "compliance"],
    ["a name on the SAM exclusions", 6, "Debarred Devices Corp.", {}, "exclusion-sam", "compliance"],
  ])(
    "blocks an onboarding with %s, raising one exception routed to its owner with a due date",
    async (_what, n, name, over, check, owner) => {
      const started = await http.start(onboarding(n, name, clock, over));
      const { failed } = await blockedBy(started.id, check);
      expect(failed.owner).toBe(owner);
      const ready = await http.get(`/v1/suppliers/${started.supplierId}/payment-readiness`);
      expect(ready.body.payable).toBe(false);
      expect(ready.body.reasons.map((r: any) => r.code)).toContain(
        check.startsWith("exclusion") ? "excluded" : `check-failed:${check}`,
      );
      expect(ready.body.reasons.map((r: any) => r.code)).toContain("vendor-number-missing");
    },
  );

  it("blocks an onboarding whose insurance certificate has expired", async () => {
    const started = await http.start(
      onboarding(7, "Meridian Wound Care", clock, { insurance: { certificateExpiresOn: isoDay(clock, -1) } }),
    );
    await blockedBy(started.id, "insurance");
    const ready = await http.get(`/v1/suppliers/${started.supplierId}/payment-readiness`);
    expect(ready.body.reasons.map((r: any) => r.code)).toContain("insurance-expired");
  });

  it("blocks a duplicate vendor: the same tax id as another supplier, or a similar name at a similar address", async () => {
    const sameTin = await http.start(onboarding(8, "Saltmarsh Respiratory", clock, { taxId: "12-3000001" }));
    const { failed } = await blockedBy(sameTin.id, "duplicate-vendor");
    expect(failed.details.duplicates).toEqual([
      { supplierId: happy.supplierId, name: "Lakeview Surgical Instruments Inc", why: ["same tax id"] },
    ]);
    // The seeded Northstar Biomedical Inc. (sup-0001) at its own remit-to address, under another suffix.
    const seeded = sandbox.dataset.canonical.suppliers.find((s) => s.id === "sup-0001")!;
    const lookalike = await http.start(
      onboarding(9, "NORTHSTAR BIOMEDICAL, LLC", clock, { address: { ...seeded.remitTo } }),
    );
    const second = await blockedBy(lookalike.id, "duplicate-vendor");
    expect(second.failed.details.duplicates[0]).toMatchObject({ supplierId: "sup-0001" });
  });

  it("warns about insurance expiring within 30 days, and raises an exception when its timer finds it lapsed", async () => {
    const started = await http.start(
      onboarding(10, "Juniper Lab Supply", clock, { insurance: { certificateExpiresOn: isoDay(clock, 10) } }),
    );
    const done = await http.settled(started.id, "payable");
    expect(done.checks.find((c: any) => c.check === "insurance")).toMatchObject({ outcome: "warning" });
    expect(await exceptionsOf(started.id)).toEqual([]);
    clock.advance(12 * DAY_MS);
    const raised = await waitFor(
      async () => (await exceptionsOf(started.id)).find((e) => e.rule === "onboarding.insurance"),
      10_000,
      "the insurance exception",
    );
    expect(raised?.details.owner).toBe("procurement");
    const ready = await http.get(`/v1/suppliers/${started.supplierId}/payment-readiness`);
    expect(ready.body).toMatchObject({ payable: false, reasons: [{ code: "insurance-expired" }] });
  });

  it("raises an exception when the ERP's vendor number does not come in time, and completes when it comes late", async () => {
    desk.hold(true);
    try {
      const started = await http.start(onboarding(11, "Granite Peak Imaging", clock));
      await http.settled(started.id, "vendor_requested");
      await waitFor(
        () => [...desk.requests.values()].some((r) => r.body.REQUEST_REF === started.id),
        10_000,
        "the ERP request",
      );
      clock.advance(VENDOR_TIMEOUT_MS + 60_000);
      await http.settled(started.id, "vendor_overdue");
      const [overdue] = await exceptionsOf(started.id);
      expect(overdue).toMatchObject({
        rule: "onboarding.erp-vendor-number",
        code: "CONCORD_ERR_ONBOARDING_OVERDUE",
        status: "open",
        details: { owner: "vendor-master" },
      });
      desk.hold(false);
      await http.settled(started.id, "payable");
      expect((await exceptionsOf(started.id))[0]!.status).toBe("resolved");
      const history = await http.get(`/v1/suppliers/${started.supplierId}/history`);
      expect(history.body.transitions.map((t: any) => t.to)).toEqual([
        "requested",
        "vendor_requested",
        "vendor_overdue",
        "payable",
      ]);
    } finally {
      desk.hold(false);
    }
  });

  it("needs two different approvers for a bank change of an existing supplier, never the requester", async () => {
    const seeded = sandbox.dataset.canonical.suppliers.find((s) => s.id === "sup-0002")!;
    const vendors = desk.created.length;
    const started = await http.start(
      onboarding(12, seeded.name, clock, {
        supplierId: seeded.id,
        address: { ...seeded.remitTo },
        bankAccount: { routingNumber: "021000021", accountNumber: "987654321", accountType: "checking" },
      }),
    );
    const waiting = await http.settled(started.id, "awaiting_approval");
    expect(waiting.checks.find((c: any) => c.check === "bank-change-approval")).toMatchObject({
      outcome: "pending",
      owner: "treasury",
    });
    const readiness = await http.get(`/v1/suppliers/${seeded.id}/payment-readiness`);
    expect(readiness.body.reasons.map((r: any) => r.code)).toContain("approval-pending");

    const approve = (key: string) =>
      http.post(`/v1/suppliers/onboarding/${started.id}/approvals`, { decision: "approve" }, key);
    const own = await approve(KEYS.procurement);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe("CONCORD_ERR_ONBOARDING_APPROVER");
    const first = await approve(KEYS.treasurerA);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: "awaiting_approval", approvals: [{ approver: "treasurer-a" }] });
    const twice = await approve(KEYS.treasurerA);
    expect(twice.status).toBe(403);
    const second = await approve(KEYS.treasurerB);
    expect(second.body.status).toBe("vendor_requested");
    const done = await http.settled(started.id, "payable");
    // An update of the vendor the ERP already has: same number, no new vendor.
    expect(done.erpVendorNumber).toBe("100006");
    expect(desk.created.length).toBe(vendors);
    expect(done.approvals.map((a: any) => a.approver)).toEqual(["treasurer-a", "treasurer-b"]);
    const late = await approve(KEYS.operator);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("CONCORD_ERR_ONBOARDING_STATE");
  });

  it("ends a bank change one approver rejects", async () => {
    const seeded = sandbox.dataset.canonical.suppliers.find((s) => s.id === "sup-0003")!;
    const started = await http.start(
      onboarding(13, seeded.name, clock, { supplierId: seeded.id, address: { ...seeded.remitTo } }),
    );
    await http.settled(started.id, "awaiting_approval");
    const no = await http.post(
      `/v1/suppliers/onboarding/${started.id}/approvals`,
      { decision: "reject", comment: "call-back to the number on file failed" },
      KEYS.treasurerB,
    );
    expect(no.body.status).toBe("rejected");
    const ready = await http.get(`/v1/suppliers/${seeded.id}/payment-readiness`);
    expect(ready.body.reasons.map((r: any) => r.code)).toContain("bank-change-rejected");
  });

  it("re-screens every active supplier on its timer and finds one newly added to the exclusion list", async () => {
    const dir = await mkdtemp(join(tmpdir(), "concord-leie-"));
    try {
      const file = join(dir, "UPDATED.csv");
      await copyFile(join(FIXTURES, "leie-updated.csv"), file);
      const csv = await readFile(file, "utf8");
      await writeFile(
        file,
        `${csv},,,LAKEVIEW SURGICAL INSTRUMENTS,OTHER BUSINESS,,,0000000000,,9 LAKE RD,PEORIA,IL,61602,1128b7,${isoDay(clock, 0).replace(/-/g, "")},00000000,00000000,\n`,
      );
      const load = await loadExclusionListFile(hub.store, "leie", file, isoDay(clock, 0));
      expect(load).toMatchObject({ loaded: true, entries: 3 });
      expect((await http.get(`/v1/suppliers/${happy.supplierId}/payment-readiness`)).body.payable).toBe(true);
      clock.advance(31 * DAY_MS);
      const raised = await waitFor(
        async () => (await exceptionsOf(happy.supplierId)).find((e) => e.rule === "onboarding.exclusion-leie"),
        15_000,
        "the re-screening hit",
      );
      expect(raised).toMatchObject({ urgency: "compliance", details: { owner: "compliance", screening: "periodic" } });
      const ready = await http.get(`/v1/suppliers/${happy.supplierId}/payment-readiness`);
      expect(ready.body.payable).toBe(false);
      expect(ready.body.reasons).toEqual([expect.objectContaining({ code: "excluded" })]);
      // The next round is scheduled, once.
      const next = await hub.store.query(
        "SELECT fire_at FROM workflow_timers WHERE timer_key = 'rescreen' AND status = 'scheduled'",
      );
      expect(next).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Crash and resume: the hub stops after the vendor request was written (and the ERP took it, but
 * the hub never recorded the answer), the ERP assigns the number while no hub is up, and a new hub
 * on the same store finishes the onboarding exactly once.
 */
describe.each(STORE_KINDS)("supplier onboarding survives a hub restart mid-way ($name)", (kind: StoreKind) => {
  let sandbox: Sandbox;
  let dir: string;
  let storeUrl: string;
  let hub: Hub | undefined;

  beforeAll(async () => {
    // A small health system: the embedded store writes its seed to disk here.
    sandbox = await startSandbox({ seed: 7, scale: { facilities: 2, suppliers: 5, items: 20, contracts: 2 } });
    dir = await mkdtemp(join(tmpdir(), "concord-onboarding-crash-"));
    // One store two hubs share in turn: a PGlite folder, or a PostgreSQL schema.
    storeUrl = kind.name === "pglite" ? `pglite:${join(dir, "data")}` : kind.url();
  });
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
    if (kind.name === "postgres") await kind.cleanup(storeUrl);
    await rm(dir, { recursive: true, force: true });
  });

  it("finishes once after the restart: one vendor in the ERP, one payable transition", async () => {
    const clock = new OffsetClock();
    const desk = vendorDeskOf(sandbox.systems.erp);
    desk.hold(true);
    hub = await startHub(hubConfig(sandbox, storeUrl), { seed: sandbox.dataset.canonical, clock });
    desk.setHub(hub.url, KEYS.erp);
    const http = api(() => hub!.url);
    const started = await http.start(onboarding(1, "Foxglove Infusion Systems", clock));
    await http.settled(started.id, "vendor_requested");
    await waitFor(
      () => [...desk.requests.values()].find((r) => r.body.REQUEST_REF === started.id),
      10_000,
      "the ERP request",
    );
    // The hub dies before it recorded the ERP's answer: its delivery looks in flight, lease run out.
    await hub.store.query(
      `UPDATE deliveries SET status = 'in_flight', claimed_by = 'crashed', lease_until = now() - interval '1 second'
       WHERE business_key = $1`,
      [`supplier-vendor:${started.id}`],
    );
    await hub.close();
    hub = undefined;
    // The ERP assigns the number while no hub is up: its callback fails and is retried.
    desk.hold(false);
    await waitFor(() =>
      [...desk.requests.values()].find((r) => r.body.REQUEST_REF === started.id && r.state === "assigned"),
    );

    hub = await startHub(hubConfig(sandbox, storeUrl), { clock });
    desk.setHub(hub.url, KEYS.erp);
    const done = await http.settled(started.id, "payable");
    const requests = [...desk.requests.values()].filter((r) => r.body.REQUEST_REF === started.id);
    expect(requests).toHaveLength(1); // the re-sent request reused its idempotency key
    expect(desk.created.filter((v) => v.VENDOR_NUM === done.erpVendorNumber)).toHaveLength(1);
    await waitFor(
      async () =>
        (
          await hub!.store.query("SELECT 1 FROM deliveries WHERE business_key = $1 AND status = 'acknowledged'", [
            `supplier-vendor:${started.id}`,
          ])
        ).length === 1,
      10_000,
      "the re-sent delivery to settle",
    );
    const payable = await hub.store.query(
      "SELECT 1 FROM supplier_onboarding_transitions WHERE onboarding_id = $1 AND to_status = 'payable'",
      [started.id],
    );
    expect(payable).toHaveLength(1);
    // The ERP's callback is at-least-once: the same number again changes nothing.
    const again = await http.post(
      "/v1/inbound/erp/vendor-numbers",
      { REQUEST_REF: started.id, VENDOR_NUM: done.erpVendorNumber },
      KEYS.erp,
    );
    expect(again.body).toMatchObject({ status: "payable", repeated: true });
    const other = await http.post(
      "/v1/inbound/erp/vendor-numbers",
      { REQUEST_REF: started.id, VENDOR_NUM: "V1" },
      KEYS.erp,
    );
    expect(other.status).toBe(409);
    const notErp = await http.post(
      "/v1/inbound/erp/vendor-numbers",
      { REQUEST_REF: started.id, VENDOR_NUM: done.erpVendorNumber },
      KEYS.procurement,
    );
    expect(notErp.status).toBe(403);
  }, 300_000); // two hub starts on an embedded store written to disk
});
