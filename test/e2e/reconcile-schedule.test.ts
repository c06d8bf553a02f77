import { beforeAll, describe, expect, it } from "vitest";
import { sandboxReconcileSystems } from "../../src/cli/start-command.js";
import { requestReconcileRun } from "../../src/reconcile/index.js";
import type { Hub } from "../../src/server/index.js";
import { ManualClock } from "../../src/workflows/timers/index.js";
import { useSandboxHub } from "../support/sandbox-hub.js";
import { STORE_KINDS } from "../support/stores.js";
import { waitFor } from "../support/test-hub.js";

/**
 * Reconciliation run by the hub: requested through the API or by the schedule's timer, run by a
 * worker (one at a time, cluster-wide), taken over from a worker that died, and served as runs
 * and as consistency.
 */
describe.each(STORE_KINDS)("reconciliation from the hub ($name)", (kind) => {
  const clock = new ManualClock("2026-11-25T01:00:00Z");
  const env = useSandboxHub(kind, {
    sandbox: { seed: 11, scale: { facilities: 4, suppliers: 10, items: 60, contracts: 6, preloadTargets: true } },
    start: { clock },
    config: (sandbox) => ({
      retry: { initialDelayMs: 20, maxDelayMs: 200, maxAttempts: 3 },
      dispatcher: { pollIntervalMs: 25 },
      supplierOnboarding: { timerPollMs: 25 },
      reconcile: {
        systems: sandboxReconcileSystems(sandbox.urls),
        schedule: { everyHours: 24, at: "02:00" },
        heartbeatMs: 100,
      },
    }),
  });
  const { access } = env;
  let hub: Hub;
  beforeAll(() => {
    ({ hub } = env);
  });
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${hub.url}${path}`, {
      ...init,
      headers: { "x-api-key": access.keys.operator, "content-type": "application/json", ...init.headers },
    });
  const runOf = async (id: number) =>
    (await (await api(`/v1/reconciliation-runs/${id}`)).json()) as Record<string, any>;
  const finished = (id: number) =>
    waitFor(
      async () => {
        const run = await runOf(id);
        return run.status === "completed" || run.status === "failed" ? run : undefined;
      },
      120_000,
      `run ${id} finished`,
    );

  it("runs a run requested through the API in a worker, and serves it and its consistency", async () => {
    const res = await api("/v1/reconciliation-runs", {
      method: "POST",
      body: JSON.stringify({ entityTypes: ["supplier", "item"] }),
    });
    expect(res.status).toBe(202);
    const requested = (await res.json()) as Record<string, any>;
    // A worker may already have claimed it by the time the answer is read.
    expect(["requested", "running"]).toContain(requested.status);
    expect(requested).toMatchObject({ trigger: "api", requestedBy: "sandbox-operator", heal: false });
    expect(res.headers.get("location")).toBe(`/v1/reconciliation-runs/${requested.id}`);

    const run = await finished(requested.id);
    expect(run).toMatchObject({ status: "completed", attempts: 1, entityTypes: ["supplier", "item"] });
    const consistency = (await (await api("/v1/consistency")).json()) as Record<string, any>;
    expect(consistency.run.id).toBe(requested.id);
    expect(new Set(consistency.consistency.map((c: { entityType: string }) => c.entityType))).toEqual(
      new Set(["supplier", "item"]),
    );
    const erpSuppliers = consistency.consistency.find(
      (c: { system: string; entityType: string }) => c.system === "erp" && c.entityType === "supplier",
    );
    expect(erpSuppliers).toMatchObject({ compared: 10, agreeing: 10 });
  });

  it("keeps one run open at a time: a second request names the open one", async () => {
    await expect(
      hub.store.transaction(async (tx) => {
        const first = await requestReconcileRun(tx, { trigger: "api", requestedBy: "a", heal: false });
        const second = await requestReconcileRun(tx, { trigger: "schedule", requestedBy: "concord", heal: true });
        expect(first.created).toBe(true);
        expect(second).toEqual({ id: first.id, created: false });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
  });

  it("refuses a bad request with the field named", async () => {
    const res = await api("/v1/reconciliation-runs", {
      method: "POST",
      body: JSON.stringify({ entityTypes: ["invoice"] }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toContain("entityTypes");
    const nope = await fetch(`${hub.url}/v1/reconciliation-runs`, {
      method: "POST",
      headers: { "x-api-key": access.keys.procurement, "content-type": "application/json" },
      body: "{}",
    });
    expect(nope.status).toBe(403);
  });

  it("starts again, from nothing, a run whose worker died", async () => {
    const [dead] = await hub.store.query<{ id: number }>(
      `INSERT INTO reconciliation_runs (status, heal, systems, trigger, requested_by, claimed_by, lease_until, attempts, entity_types)
       VALUES ('running', false, '[]', 'api', 'operator', 'worker-that-died', now() - interval '1 minute', 1, '["supplier"]')
       RETURNING id`,
    );
    // The dead worker's partial findings must not survive the re-run.
    await hub.store.query(
      `INSERT INTO reconciliation_findings (run_id, seq, system, entity_type, kind, record_key, canonical_id, finding)
       VALUES ($1, 1, 'erp', 'supplier', 'missing', 'GHOST', NULL, '{}')`,
      [dead!.id],
    );
    const run = await finished(dead!.id);
    expect(run).toMatchObject({ status: "completed", attempts: 2 });
    const ghosts = await hub.store.query(
      "SELECT 1 FROM reconciliation_findings WHERE run_id = $1 AND record_key = 'GHOST'",
      [dead!.id],
    );
    expect(ghosts).toEqual([]);
  });

  it("requests a run when the schedule's time comes, once, and schedules the next", async () => {
    const scheduled = () =>
      hub.store.query<{ fire_at: Date }>(
        "SELECT fire_at FROM workflow_timers WHERE workflow = 'reconciliation' AND status = 'scheduled'",
      );
    expect((await scheduled()).map((t) => new Date(t.fire_at).toISOString())).toEqual(["2026-11-25T02:00:00.000Z"]);
    clock.set("2026-11-25T02:00:05Z");
    const run = await waitFor(
      async () =>
        ((await (await api("/v1/reconciliation-runs")).json()) as { items: Record<string, any>[] }).items.find(
          (r) => r.trigger === "schedule",
        ),
      30_000,
      "the scheduled run requested",
    );
    expect(await finished(run!.id)).toMatchObject({ status: "completed", requestedBy: "concord" });
    expect((await scheduled()).map((t) => new Date(t.fire_at).toISOString())).toEqual(["2026-11-26T02:00:00.000Z"]);
    const fromSchedule = await hub.store.query("SELECT id FROM reconciliation_runs WHERE trigger = 'schedule'");
    expect(fromSchedule).toHaveLength(1);
  });
});
