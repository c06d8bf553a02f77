import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Hub } from "../../src/server/index.js";
import { openStore } from "../../src/store/index.js";
import { ManualClock } from "../../src/workflows/timers/index.js";
import { facilityStatus, priceVersion, startActivationHub } from "../support/price-activation-hub.js";
import { RecordingTarget } from "../support/recording-target.js";
import { amendment, contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS, type StoreKind } from "../support/stores.js";
import { deliveryStatuses, getJson, postVersion, waitFor } from "../support/test-hub.js";

/**
 * A worker dies while firing an activation (its claim on the timer is left behind, leased, and
 * nothing it wrote committed). A hub restarted on the same store takes the timer over once the
 * lease ran out and activates the price exactly once; a further restart activates nothing again.
 */
describe.each(STORE_KINDS)("price activation exactly once across a crash ($name)", (kind: StoreKind) => {
  const clock = new ManualClock("2026-12-20T12:00:00Z");
  let procurement: RecordingTarget;
  let erp: RecordingTarget;
  let hub: Hub | undefined;
  let storeUrl: string;
  let dataDir: string | undefined;

  beforeAll(async () => {
    procurement = await new RecordingTarget().start();
    erp = await new RecordingTarget().start();
    if (kind.name === "pglite") {
      dataDir = await mkdtemp(join(tmpdir(), "concord-activation-"));
      storeUrl = `pglite:${dataDir}`;
    } else storeUrl = kind.url();
  });
  afterAll(async () => {
    await hub?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    else if (storeUrl) await kind.cleanup(storeUrl);
    await Promise.all([procurement?.stop(), erp?.stop()]);
  });

  it("activates once after a restart, never twice", async () => {
    hub = await startActivationHub(storeUrl, clock, { procurement, erp });
    expect((await postVersion(hub.url, amendment(contractV1(), 2, "2027-01-01"))).status).toBe(202);
    await waitFor(async () => {
      const s = await deliveryStatuses(hub!.url, "ctr-1", 2);
      return s.procurement === "acknowledged" && s.erp === "acknowledged";
    });
    await hub.close();
    hub = undefined;

    // What a worker killed inside the activation transaction leaves: the timer claimed, leased,
    // and no activation (its transaction never committed).
    const leftBehind = await openStore(storeUrl);
    const key = "ctr-1/v2@2027-01-01T05:00:00.000Z";
    const claimed = await leftBehind.query(
      `UPDATE workflow_timers SET status = 'firing', claimed_by = 'killed-worker', attempts = 1,
         lease_until = now() + interval '3 seconds'
       WHERE workflow = 'price-activation' AND timer_key = $1 AND status = 'scheduled' RETURNING id`,
      [key],
    );
    expect(claimed).toHaveLength(1);
    await leftBehind.close();

    clock.set("2027-01-01T06:00:00Z");
    hub = await startActivationHub(storeUrl, clock, { procurement, erp });
    await new Promise((r) => setTimeout(r, 500));
    // Still leased by the dead worker: not fired yet, and buyers keep version 1.
    expect((await facilityStatus(hub, "ctr-1", 2))["fac-1"]).toBe("scheduled");
    expect(await priceVersion(hub, "fac-1")).toBe(1);
    await waitFor(async () => (await facilityStatus(hub!, "ctr-1", 2))["fac-1"] === "activated", 15_000);
    expect(await priceVersion(hub, "fac-1")).toBe(2);
    await hub.close();

    hub = await startActivationHub(storeUrl, clock, { procurement, erp });
    await new Promise((r) => setTimeout(r, 300));
    const audit = (await getJson(`${hub.url}/v1/audit?limit=1000`)).body.items as any[];
    const activated = audit.filter(
      (a) => a.action === "contract.price.activated" && a.detail.version === 2 && a.detail.facilities.includes("fac-1"),
    );
    expect(activated).toHaveLength(1);
    const timer = await hub.store.query<{ status: string; attempts: number }>(
      "SELECT status, attempts FROM workflow_timers WHERE workflow = 'price-activation' AND timer_key = $1",
      ["ctr-1/v2@2027-01-01T05:00:00.000Z"],
    );
    expect(timer).toEqual([{ status: "fired", attempts: 2 }]);
  });
});
