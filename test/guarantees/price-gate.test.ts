import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RecordingTarget } from "../support/recording-target.js";
import { amendment, contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { deliveryStatuses, getJson, hubHeaders, postVersion, startTestHub, waitFor } from "../support/test-hub.js";

describe.each(STORE_KINDS)("price gate ($name)", (kind) => {
  let procurement: RecordingTarget;
  let erp: RecordingTarget;
  let analytics: RecordingTarget;
  let t: Awaited<ReturnType<typeof startTestHub>>;
  const price = (item: string, facility: string, on: string) =>
    getJson(`${t.hub.url}/v1/prices?item=${item}&facility=${facility}&on=${on}`);

  beforeAll(async () => {
    procurement = await new RecordingTarget().start();
    erp = await new RecordingTarget().start();
    analytics = await new RecordingTarget().start();
    t = await startTestHub(kind, {
      targets: [
        { system: "procurement", kind: "procurement-catalog", url: procurement!.url },
        { system: "erp", kind: "erp-purchasing", url: erp!.url },
        { system: "analytics", kind: "analytics-sink", url: analytics!.url },
      ],
      retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 20 },
    });
  });
  afterAll(async () => {
    await t?.dispose();
    await Promise.all([procurement, erp, analytics].map((x) => x?.stop()));
  });

  it("answers the seeded contract's tier price for an eligible facility, and 404 for an ineligible one", async () => {
    const res = await price("itm-1", "fac-2", "2026-06-01");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      contractId: "ctr-1",
      version: 1,
      unitPrice: "10.75",
      tier: 2,
      uom: "box",
    });
    const none = await price("itm-1", "fac-9", "2026-06-01");
    expect(none.status).toBe(404);
    expect(none.body.code).toBe("CONCORD_ERR_NOT_FOUND");
  });

  it("shows a new price only after every required target acknowledged it and its effective date came", async () => {
    erp.enqueue({ status: 503 }, { status: 503 }, { status: 503 }); // the ERP is down: v2 is dead-lettered there
    const v2 = amendment(contractV1(), 2, "2026-07-01");
    expect((await postVersion(t.hub.url, v2)).status).toBe(202);
    await waitFor(async () => {
      const s = await deliveryStatuses(t.hub.url, "ctr-1", 2);
      return s.procurement === "acknowledged" && s.erp === "dead" && s.analytics === "delivered";
    });
    // procurement acknowledged, the ERP did not: buyers still get version 1
    expect((await price("itm-1", "fac-1", "2026-08-01")).body).toMatchObject({
      version: 1,
      unitPrice: "10.25",
    });

    const replayed = await fetch(`${t.hub.url}/v1/dead-letters/replay`, {
      method: "POST",
      headers: { ...hubHeaders(), "content-type": "application/json" },
      body: JSON.stringify({ target: "erp" }),
    });
    expect(replayed.status).toBe(200);
    await waitFor(async () => (await deliveryStatuses(t.hub.url, "ctr-1", 2)).erp === "acknowledged");
    const { body } = await getJson(`${t.hub.url}/v1/contracts/ctr-1/propagation`);
    expect(body.versions[0]).toMatchObject({
      version: 2,
      status: "released",
      releaseReason: "all required targets acknowledged",
    });
    // released, and in force from 2026-07-01 on; before that date version 1 still applies
    expect((await price("itm-1", "fac-1", "2026-08-01")).body).toMatchObject({
      version: 2,
      unitPrice: "11.25",
      tier: 1,
    });
    expect((await price("itm-1", "fac-1", "2026-06-30")).body).toMatchObject({
      version: 1,
      unitPrice: "10.25",
    });
  });

  it("an approved fallback releases a version a required target never acknowledged", async () => {
    erp.enqueue({ status: 503 }, { status: 503 }, { status: 503 });
    const v3 = amendment(contractV1(), 3, "2026-09-01");
    expect((await postVersion(t.hub.url, v3)).status).toBe(202);
    await waitFor(async () => (await deliveryStatuses(t.hub.url, "ctr-1", 3)).erp === "dead");
    expect((await price("itm-2", "fac-1", "2026-10-01")).body.version).toBe(2);
    const release = await fetch(`${t.hub.url}/v1/contracts/ctr-1/versions/3/release`, {
      method: "POST",
      headers: { ...hubHeaders(), "content-type": "application/json" },
      body: JSON.stringify({
        approvedBy: "pricing.analyst@concord.example",
        reason: "ERP in month-end freeze",
      }),
    });
    expect(release.status).toBe(200);
    expect((await price("itm-2", "fac-1", "2026-10-01")).body).toMatchObject({
      version: 3,
      unitPrice: "13.25",
    });
    const { body } = await getJson(`${t.hub.url}/v1/contracts/ctr-1/propagation`);
    expect(body.versions[0].releaseReason).toContain("pricing.analyst@concord.example");
    // releasing twice is a conflict, not a silent success
    const again = await fetch(`${t.hub.url}/v1/contracts/ctr-1/versions/3/release`, {
      method: "POST",
      headers: { ...hubHeaders(), "content-type": "application/json" },
      body: JSON.stringify({ approvedBy: "someone", reason: "second try" }),
    });
    expect(again.status).toBe(409);
  });
});
