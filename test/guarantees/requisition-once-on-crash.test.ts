import type { ChildProcess } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { REQ_KEYS, startErpRecorder } from "../support/requisition-hub.js";
import { spawnReady } from "../support/spawn-ready.js";
import { STORE_KINDS, type StoreKind } from "../support/stores.js";
import { TEST_API_KEY, waitFor } from "../support/test-hub.js";

const HUB_PROCESS = fileURLToPath(new URL("../support/requisition-hub-process.ts", import.meta.url));

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

const requisition = (id: string, itemId: string, quantity: string) => ({
  kind: "requisition",
  id,
  facilityId: "fac-1",
  costCenterId: "cc-1",
  requester: "RN Dana Ortiz",
  neededBy: "2026-12-06",
  lines: [{ lineId: "1", itemId, quantity, uom: "box" }],
});

/**
 * The hub is killed with SIGKILL (no shutdown hooks) after taking requisitions but before their PO
 * step ran, and again right after the POs went out. After each restart on the same store every
 * requisition is ordered exactly once: one PO each, one 850 each, one PO each at the ERP.
 */
describe.each(STORE_KINDS)("requisition ordered once across crashes ($name)", (kind: StoreKind) => {
  let erp: Awaited<ReturnType<typeof startErpRecorder>>;
  let storeUrl: string;
  let dataDir: string | undefined;
  let dropRoot: string;
  let running: ChildProcess | undefined;

  beforeAll(async () => {
    erp = await startErpRecorder();
    dropRoot = await mkdtemp(join(tmpdir(), "req-crash-drop-"));
    if (kind.name === "pglite") {
      dataDir = await mkdtemp(join(tmpdir(), "req-crash-"));
      storeUrl = `pglite:${dataDir}`;
    } else storeUrl = kind.url();
  });
  afterAll(async () => {
    if (running && running.exitCode === null && running.signalCode === null) await kill9(running);
    await erp?.app.close();
    await rm(dropRoot, { recursive: true, force: true });
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    else if (storeUrl) await kind.cleanup(storeUrl);
  });

  const start = async (dispatch: boolean) => {
    const started = await spawnReady(HUB_PROCESS, { storeUrl, erpUrl: erp.url, dropRoot, dispatch }, (c) => {
      running = c;
    });
    return started;
  };
  const post = (url: string, path: string, key: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: "POST",
      headers: { "x-api-key": key, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const statusOf = async (url: string, id: string) =>
    (
      (await (await fetch(`${url}/v1/requisitions/${id}`, { headers: { "x-api-key": TEST_API_KEY } })).json()) as {
        status: string;
      }
    ).status;
  const files850 = async () =>
    (await readdir(join(dropRoot, "outbound")).catch(() => [])).filter((f) => f.startsWith("850-"));

  it("orders each requisition once after kill -9 before the PO step and again after it", async () => {
    const first = await start(false);
    expect(
      (await post(first.url, "/v1/requisitions", REQ_KEYS.procurement, requisition("REQ-C1", "itm-1", "3"))).status,
    ).toBe(201);
    expect(
      (await post(first.url, "/v1/requisitions", REQ_KEYS.procurement, requisition("REQ-C2", "itm-2", "100"))).status,
    ).toBe(201);
    const approved = await post(first.url, "/v1/requisitions/REQ-C2/approvals/amount", REQ_KEYS.deptHead, {
      decision: "approve",
    });
    expect(approved.status).toBe(200);
    expect(await statusOf(first.url, "REQ-C1")).toBe("approved");
    await kill9(first.child);
    expect(await files850()).toEqual([]);

    const second = await start(true);
    await waitFor(
      async () => (await files850()).length === 2 && erp.orders.length === 2,
      60_000,
      "two 850s and two ERP POs",
    );
    await kill9(second.child);

    const third = await start(true);
    await waitFor(
      async () =>
        (await statusOf(third.url, "REQ-C1")) === "ordered" && (await statusOf(third.url, "REQ-C2")) === "ordered",
      30_000,
      "both ordered",
    );
    // Give a wrongly re-fired PO step or re-sent delivery time to show itself.
    await new Promise((r) => setTimeout(r, 1_500));
    await kill9(third.child);

    expect((await files850()).length).toBe(2);
    expect(new Set(erp.orders.map((o) => o.PO_NUM)).size).toBe(2);
    expect(erp.orders).toHaveLength(2);
    // A re-sent delivery (crash while in flight) carries the same key, so the ERP applies it once.
    for (const po of new Set(erp.received.map((r) => r.po)))
      expect(new Set(erp.received.filter((r) => r.po === po).map((r) => r.key)).size).toBe(1);
    const store = await openStore(storeUrl);
    try {
      const pos = await store.query<{ requisition_id: string; n: number }>(
        "SELECT requisition_id, count(*)::int AS n FROM requisition_orders GROUP BY requisition_id ORDER BY requisition_id",
      );
      expect(pos).toEqual([
        { requisition_id: "REQ-C1", n: 1 },
        { requisition_id: "REQ-C2", n: 1 },
      ]);
      const docs = await store.query(
        "SELECT 1 FROM trade_documents WHERE kind = 'purchase-order' AND direction = 'outbound'",
      );
      expect(docs).toHaveLength(2);
      const [budget] = await store.query<{ committed: string }>(
        "SELECT committed::text AS committed FROM cost_center_budgets WHERE cost_center_id = 'cc-1'",
      );
      expect(Number(budget!.committed)).toBe(3 * 10.25 + 100 * 11.25);
    } finally {
      await store.close();
    }
  }, 180_000);
});
