import { beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../sandbox/index.js";
import { sandboxReconcileSystems } from "../../src/cli/start-command.js";
import { type Contract, formatDecimal, parseDecimal } from "../../src/model/index.js";
import { type DriftFinding, type ReconcileResult, type ReconcileSystem, reconcile } from "../../src/reconcile/index.js";
import type { Hub } from "../../src/server/index.js";
import { useSandboxHub } from "../support/sandbox-hub.js";
import { STORE_KINDS } from "../support/stores.js";
import { getJson, postVersion, waitFor } from "../support/test-hub.js";

const send = (method: string, body?: unknown, headers: Record<string, string> = {}) => ({
  method,
  headers: { "content-type": "application/json", ...headers },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

/**
 * Reconciliation against the sandbox systems through their own exports: a seeded health system
 * in sync agrees; drift injected through each system's own API is found as missing, extra,
 * different or unreadable, persisted and served; healing re-sends through the outbox until a
 * second run finds those keys in agreement.
 */
describe.each(STORE_KINDS)("reconciliation ($name)", (kind) => {
  const env = useSandboxHub(kind, {
    sandbox: { seed: 11, scale: { facilities: 6, suppliers: 20, items: 200, contracts: 12, preloadTargets: true } },
    config: () => ({
      retry: { initialDelayMs: 20, maxDelayMs: 200, maxAttempts: 3 },
      dispatcher: { pollIntervalMs: 25 },
    }),
  });
  let sb: Sandbox;
  let hub: Hub;
  let systems: ReconcileSystem[];
  beforeAll(() => {
    ({ sandbox: sb, hub } = env);
    systems = sandboxReconcileSystems(sb.urls);
  });

  const canonical = () => sb.dataset.canonical;
  const local = (system: string, type: string, id: string) =>
    canonical().xrefs.find((x) => x.system === system && x.entityType === type && x.canonicalId === id)!.localId;
  const run = async (heal = false): Promise<{ result: ReconcileResult; findings: DriftFinding[] }> => {
    const findings: DriftFinding[] = [];
    const result = await reconcile(
      { store: hub.store, onOutboxWrite: () => hub.dispatcher.wake() },
      { systems, heal, pageSize: 7, onFinding: (f) => void findings.push(f) },
    );
    return { result, findings };
  };
  const summary = (r: ReconcileResult, system: string, entityType: string) =>
    r.summaries.find((s) => s.system === system && s.entityType === entityType)!;

  it("a seeded health system in sync agrees everywhere but the items the procurement catalog never had", async () => {
    const { result, findings } = await run();
    const gaps = sb.dataset.gaps.itemsMissingFromProcurement;
    expect(gaps.length).toBeGreaterThan(0);
    expect(findings.map((f) => [f.system, f.entityType, f.kind, f.canonicalId])).toEqual(
      gaps.map((id) => ["procurement", "item", "missing", id]),
    );
    expect(findings[0]!.reason).toContain("no procurement cross-reference");
    const lines = canonical().contracts.reduce((n, c) => n + c.priceLines.length, 0);
    for (const system of ["clm", "procurement", "erp"]) {
      expect(summary(result, system, "contract")).toMatchObject({ compared: 12, agreeing: 12 });
      expect(summary(result, system, "contract-price")).toMatchObject({ compared: lines, agreeing: lines });
      expect(summary(result, system, "supplier")).toMatchObject({ compared: 20, agreeing: 20 });
    }
    expect(summary(result, "erp", "item")).toMatchObject({ compared: 200, agreeing: 200 });
    expect(summary(result, "procurement", "item")).toMatchObject({ compared: 200, missing: gaps.length });
  });

  it("finds drift of each kind injected through the systems' own APIs, names it and serves it", async () => {
    const [a, b] = canonical().contracts;
    const erpNum = local("erp", "contract", a!.id);
    // ERP: someone edits contract A's first price in the ERP (its API takes a new revision).
    const erpDoc = (await (
      await fetch(`${sb.urls.erp}/erp/api/purchasing/blanket-agreements/${erpNum}`)
    ).json()) as Record<string, any>;
    const { DOCUMENT_ID: _d, LAST_UPDATE_DATE: _l, ...erpBody } = erpDoc;
    erpBody.REVISION_NUM = 2;
    erpBody.LINES[0].UNIT_PRICE = "999.99";
    const edited = await fetch(
      `${sb.urls.erp}/erp/api/purchasing/blanket-agreements`,
      send("POST", erpBody, { "idempotency-key": "local-edit-1" }),
    );
    expect(edited.status).toBe(200);
    // Procurement: a catalog Concord never sent, and an item removed from its catalog.
    const prcDoc = (await (
      await fetch(`${sb.urls.procurement}/procurement/api/contract-catalogs/${b!.number}`)
    ).json()) as Record<string, any>;
    const { receiptId: _r, appliedAt: _a, ...prcBody } = prcDoc;
    const extra = await fetch(
      `${sb.urls.procurement}/procurement/api/contract-catalogs/AGR-LOCAL-1`,
      send("PUT", { ...prcBody, contractRef: "AGR-LOCAL-1", revision: 1 }, { "idempotency-key": "local-1" }),
    );
    expect(extra.status).toBe(200);
    const itemIds = [...sb.systems.procurement.sandbox.catalogItems.keys()].sort();
    const removed = itemIds[3]!;
    expect(
      (await fetch(`${sb.urls.procurement}/procurement/api/catalog-items/${removed}`, { method: "DELETE" })).status,
    ).toBe(204);
    // No API writes a malformed record, so this one is edited in the system's data directly.
    const broken = itemIds[5]!;
    sb.systems.procurement.sandbox.catalogItems.set(broken, {
      ...sb.systems.procurement.sandbox.catalogItems.get(broken)!,
      shortText: 42 as unknown as string,
    });

    const { result, findings } = await run();
    const of = (system: string, entityType: string, kindOf: string) =>
      findings.filter((f) => f.system === system && f.entityType === entityType && f.kind === kindOf);

    const erpContract = of("erp", "contract", "different");
    expect(erpContract).toHaveLength(1);
    expect(erpContract[0]).toMatchObject({ key: erpNum, contractId: a!.id, heal: { action: "none" } });
    expect(erpContract[0]!.fields).toEqual([{ field: "version", canonical: 1, system: 2 }]);
    expect(erpContract[0]!.heal!.reason).toContain("holds revision 2");
    const line = a!.priceLines.find((l) => l.lineNo === erpBody.LINES[0].LINE_NUM)!;
    expect(of("erp", "contract-price", "different")).toEqual([
      expect.objectContaining({
        key: `${erpNum}/${line.itemId}/${line.uom}`,
        fields: [{ field: "unitPrice", canonical: formatDecimal(parseDecimal(line.unitPrice)), system: "999.99" }],
      }),
    ]);

    expect(of("procurement", "contract", "extra")).toEqual([
      expect.objectContaining({ key: "AGR-LOCAL-1", heal: expect.objectContaining({ action: "none" }) }),
    ]);
    expect(of("procurement", "contract-price", "extra")).toHaveLength(b!.priceLines.length);
    const removedId = canonical().xrefs.find((x) => x.system === "procurement" && x.localId === removed)!.canonicalId;
    expect(of("procurement", "item", "missing").map((f) => f.key)).toContain(removed);
    expect(of("procurement", "item", "missing").find((f) => f.key === removed)!.canonicalId).toBe(removedId);
    const unreadable = of("procurement", "item", "unreadable");
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]).toMatchObject({ key: broken, code: "CONCORD_ERR_RECONCILE_RECORD" });
    expect(unreadable[0]!.reason).toMatch(
      new RegExp(`^procurement /exports/catalog-items record ${broken}: /shortText`),
    );
    // Everything else still agrees: one bad record stops nothing.
    expect(summary(result, "clm", "contract-price")).toMatchObject({ different: 0, missing: 0, extra: 0 });
    expect(summary(result, "erp", "item")).toMatchObject({ agreeing: 200 });

    const api = await getJson(`${hub.url}/v1/consistency`);
    expect(api.status).toBe(200);
    expect(api.body.run.id).toBe(result.runId);
    const erpPrices = api.body.consistency.find(
      (c: { system: string; entityType: string }) => c.system === "erp" && c.entityType === "contract-price",
    );
    const total = summary(result, "erp", "contract-price").compared;
    expect(erpPrices).toMatchObject({ compared: total, different: 1, agreeingShare: (total - 1) / total });
    const drill = await getJson(
      `${hub.url}/v1/consistency/${result.runId}/findings?system=erp&entityType=contract-price`,
    );
    expect(drill.body.items).toEqual([
      expect.objectContaining({ kind: "different", fields: of("erp", "contract-price", "different")[0]!.fields }),
    ]);
    const unauthorised = await fetch(`${hub.url}/v1/consistency`);
    expect(unauthorised.status).toBe(401);
  });

  it("heals what a re-send can fix through the outbox; a second run finds those keys in agreement", async () => {
    const [, , c] = canonical().contracts;
    const clmNo = local("clm", "contract", c!.id);
    const firstItem = c!.priceLines[0]!;
    const erpItem = local("erp", "item", firstItem.itemId);
    // The ERP refuses everything naming this item: version 2 of C fails there, and so does a new contract.
    await fetch(`${sb.urls.erp}/erp/_faults`, send("PUT", { rejectItems: [erpItem] }));
    const amended = await fetch(
      `${sb.urls.clm}/clm/api/agreements/${clmNo}/amendments`,
      send("POST", {
        effectiveDate: c!.effectiveFrom,
        priceChanges: [{ itemCode: local("clm", "item", firstItem.itemId), uom: "BX", price: "1.23" }].map((p) => ({
          ...p,
          uom: sb.dataset.clm.agreements.find((g) => g.agreementNo === clmNo)!.pricing[0]!.uom,
        })),
      }),
    );
    expect(amended.status).toBe(201);
    const fresh: Contract = { ...c!, id: "ctr-recon-new", number: "AGR-RECON-NEW", version: 1 };
    expect((await postVersion(hub.url, fresh, "clm")).status).toBe(202);
    const failedAtErp = async () =>
      (
        await hub.store.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM deliveries WHERE target = 'erp' AND status = 'failed'
             AND business_key IN ('contract:${c!.id}', 'contract:ctr-recon-new')`,
        )
      )[0]!.n === 2;
    await waitFor(failedAtErp, 20_000, "both ERP deliveries to fail");
    await fetch(`${sb.urls.erp}/erp/_faults`, { method: "DELETE" });

    const healed = await run(true);
    const erpFor = (id: string) =>
      healed.findings.filter((f) => f.system === "erp" && f.contractId === id && f.entityType === "contract");
    expect(erpFor(c!.id)).toEqual([
      expect.objectContaining({ kind: "different", heal: expect.objectContaining({ action: "resend-contract" }) }),
    ]);
    expect(erpFor(c!.id)[0]!.fields).toContainEqual({ field: "version", canonical: 2, system: 1 });
    expect(erpFor("ctr-recon-new")).toEqual([
      expect.objectContaining({ kind: "missing", heal: expect.objectContaining({ action: "resend-contract" }) }),
    ]);
    // The CLM is the source: Concord never writes to it, it only says so.
    const clmNew = healed.findings.find(
      (f) => f.system === "clm" && f.contractId === "ctr-recon-new" && f.entityType === "contract",
    );
    expect(clmNew).toMatchObject({ kind: "missing", heal: { action: "none" } });
    // One event per business key, whatever the number of drifted rows.
    expect(healed.result.repairEvents).toBe(2);

    await waitFor(
      async () =>
        (
          await hub.store.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM deliveries WHERE business_key LIKE 'repair:contract:%' AND status = 'acknowledged'",
          )
        )[0]!.n === 2,
      20_000,
      "the repairs to be acknowledged",
    );
    const again = await run();
    for (const id of [c!.id, "ctr-recon-new"]) {
      expect(again.findings.filter((f) => f.system !== "clm" && f.contractId === id)).toEqual([]);
    }
    const erpDoc = (await (
      await fetch(`${sb.urls.erp}/erp/api/purchasing/blanket-agreements/${local("erp", "contract", c!.id)}`)
    ).json()) as {
      REVISION_NUM: number;
    };
    expect(erpDoc.REVISION_NUM).toBe(2);
  });

  it("an export that cannot be read stops only that system's comparison", async () => {
    const findings: DriftFinding[] = [];
    const result = await reconcile(
      { store: hub.store },
      {
        systems: [{ system: "erp", kind: "erp", baseUrl: `${sb.urls.erp}/no-such/api`, target: true }, systems[0]!],
        entityTypes: ["supplier"],
        onFinding: (f) => void findings.push(f),
      },
    );
    expect(summary(result, "erp", "supplier").error).toMatch(
      /^erp: \/no-such\/api\/exports\/vendors answered HTTP 404/,
    );
    expect(summary(result, "clm", "supplier")).toMatchObject({ compared: 20, agreeing: 20 });
    expect(findings).toEqual([]);
  });
});

const MB = 1024 * 1024;

/**
 * 200,000 price rows through one system with flat memory: the heap may grow by what one page of
 * contracts and the cross-references of a batch need, never by what a side of the join holds
 * (200,000 mapped rows are well over 150 MB of objects).
 */
describe.each(STORE_KINDS)("reconciling 200,000 price rows ($name)", (kind) => {
  const env = useSandboxHub(kind, {
    sandbox: { seed: 5, scale: { suppliers: 20, items: 3000, contracts: 6_400, preloadTargets: true } },
    start: { dispatch: false },
  });
  let sb: Sandbox;
  let hub: Hub;
  let rows = 0;
  beforeAll(() => {
    ({ sandbox: sb, hub } = env);
    rows = sb.dataset.canonical.contracts.reduce((n, c) => n + c.priceLines.length, 0);
  });

  it("streams both sides holding one page at a time (heap growth bounded)", async () => {
    expect(rows).toBeGreaterThanOrEqual(200_000);
    (globalThis as { gc?: () => void }).gc?.();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const result = await reconcile(
      { store: hub.store },
      {
        systems: [{ system: "erp", kind: "erp", baseUrl: `${sb.urls.erp}/erp/api`, target: true }],
        entityTypes: ["contract", "contract-price"],
        onProgress: (p) => {
          if (p.rows % 5_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
        },
      },
    );
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    expect(result.summaries.find((s) => s.entityType === "contract-price")).toMatchObject({
      compared: rows,
      agreeing: rows,
    });
    process.stderr.write(`reconcile, ${rows} price rows: peak heap growth ${((peak - baseline) / MB).toFixed(1)} MB\n`);
    // heapUsed includes garbage not yet collected, and the sandbox serving the export lives in this
    // process too: growth has measured 87 MB alone and 152-158 MB inside the loaded full suite.
    // The benchmark (bench/reconcile.ts, 3,000,000 rows) shows the growth does not scale with rows.
    expect((peak - baseline) / MB).toBeLessThan(200);
  }, 600_000);
});
