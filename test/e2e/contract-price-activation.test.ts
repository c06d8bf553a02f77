import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Hub } from "../../src/server/index.js";
import { ManualClock } from "../../src/workflows/timers/index.js";
import {
  activations,
  decide,
  facilityStatus,
  priceVersion,
  startActivationHub,
  waitForPlan,
} from "../support/price-activation-hub.js";
import { RecordingTarget } from "../support/recording-target.js";
import { amendment, contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { deliveryStatuses, getJson, hubHeaders, postVersion, waitFor } from "../support/test-hub.js";

/**
 * Contract price activation through the real API: a released version's price becomes usable at a
 * facility only when that facility's activation timer fires at the start of the day in its own
 * time zone; a missed deadline waits for a person's decision.
 */
describe.each(STORE_KINDS)("contract price activation ($name)", (kind) => {
  const clock = new ManualClock("2026-12-20T12:00:00Z");
  let procurement: RecordingTarget;
  let erp: RecordingTarget;
  let hub: Hub;
  let storeUrl: string;
  const bothAcknowledged = (version: number) =>
    waitFor(async () => {
      const s = await deliveryStatuses(hub.url, "ctr-1", version);
      return s.procurement === "acknowledged" && s.erp === "acknowledged";
    });
  const ercDown = async (version: number) => {
    erp.enqueue({ status: 503 }, { status: 503 });
    expect((await postVersion(hub.url, amendment(contractV1(), version, ercDay[version]!))).status).toBe(202);
    await waitFor(async () => (await deliveryStatuses(hub.url, "ctr-1", version)).erp === "dead");
  };
  const ercDay: Record<number, string> = { 3: "2027-03-01", 4: "2027-05-01" };
  const openExceptions = async () =>
    (await getJson(`${hub.url}/v1/exceptions?status=open&subjectType=contract&subjectId=ctr-1`)).body.items as any[];

  beforeAll(async () => {
    procurement = await new RecordingTarget().start();
    erp = await new RecordingTarget().start();
    storeUrl = kind.url();
    hub = await startActivationHub(storeUrl, clock, { procurement, erp });
  });
  afterAll(async () => {
    await hub?.close();
    await kind.cleanup(storeUrl);
    await Promise.all([procurement?.stop(), erp?.stop()]);
  });

  it("activates a released version at the start of its day in each facility's own time zone", async () => {
    expect((await postVersion(hub.url, amendment(contractV1(), 2, "2027-01-01"))).status).toBe(202);
    await bothAcknowledged(2);
    const planned = await activations(hub, "ctr-1", 2);
    expect(planned).toMatchObject({
      status: "scheduled",
      effectiveDay: "2027-01-01",
      deadlineAt: "2026-12-30T05:00:00.000Z",
    });
    expect(planned.facilities).toMatchObject([
      {
        facilityId: "fac-1",
        tier: 1,
        timeZone: "America/New_York",
        activateAt: "2027-01-01T05:00:00.000Z",
        status: "scheduled",
      },
      {
        facilityId: "fac-2",
        tier: 2,
        timeZone: "America/Los_Angeles",
        activateAt: "2027-01-01T08:00:00.000Z",
        status: "scheduled",
      },
    ]);
    // Released everywhere, but activated nowhere yet: buyers keep version 1, even asking for the new day.
    expect(await priceVersion(hub, "fac-1", "2027-01-02")).toBe(1);

    clock.set("2027-01-01T04:59:59Z");
    await new Promise((r) => setTimeout(r, 150));
    expect(await facilityStatus(hub, "ctr-1", 2)).toEqual({ "fac-1": "scheduled", "fac-2": "scheduled" });
    clock.set("2027-01-01T05:00:00Z");
    await waitFor(async () => (await facilityStatus(hub, "ctr-1", 2))["fac-1"] === "activated");
    expect(await priceVersion(hub, "fac-1")).toBe(2); // today in New York is 2027-01-01
    expect(await priceVersion(hub, "fac-2", "2027-01-01")).toBe(1); // still 2026-12-31 in Los Angeles
    clock.set("2027-01-01T08:00:00Z");
    await waitFor(async () => (await facilityStatus(hub, "ctr-1", 2))["fac-2"] === "activated");
    expect(await priceVersion(hub, "fac-2")).toBe(2);
    expect(await activations(hub, "ctr-1", 2)).toMatchObject({ status: "activated" });
    // Its deadline passed with everything acknowledged: nobody is asked anything.
    expect(await openExceptions()).toEqual([]);
  });

  it("raises a deadline exception when a target has not acknowledged; keeping the old price waits for it", async () => {
    await ercDown(3);
    clock.set("2027-02-27T04:59:00Z");
    await new Promise((r) => setTimeout(r, 150));
    expect((await activations(hub, "ctr-1", 3)).status).toBe("scheduled");
    clock.set("2027-02-27T05:00:00Z"); // two days before 2027-03-01 in New York
    await waitForPlan(hub, "ctr-1", 3, "awaiting-decision");
    const [raised] = await openExceptions();
    expect(raised).toMatchObject({ code: "CONCORD_ERR_ACTIVATION_DEADLINE", urgency: "financial" });
    expect(raised.details).toMatchObject({
      version: 3,
      owner: "contract-pricing",
      firstActivationAt: "2027-03-01T05:00:00.000Z",
    });
    expect(raised.details.waitingFor).toEqual([expect.objectContaining({ target: "erp", status: "dead" })]);
    expect(Date.parse(raised.details.dueAt)).toBe(Date.parse("2027-02-27T09:00:00Z"));

    const bad = await decide(hub, "ctr-1", 3, { decision: "keep-old-price", decidedBy: "ana" });
    expect(bad.status).toBe(400);
    const kept = await decide(hub, "ctr-1", 3, {
      decision: "keep-old-price",
      decidedBy: "pricing.analyst@concord.example",
      reason: "ERP must have the price first",
    });
    expect(kept).toMatchObject({ status: 200, body: { status: "keep-old-price", activatedFacilities: [] } });
    expect(await openExceptions()).toEqual([]);
    expect(
      (await decide(hub, "ctr-1", 3, { decision: "activate-anyway", decidedBy: "x", reason: "changed my mind" }))
        .status,
    ).toBe(409);

    clock.set("2027-03-02T12:00:00Z"); // the activation instants pass: nothing happens without the ERP
    await new Promise((r) => setTimeout(r, 150));
    expect(await priceVersion(hub, "fac-1")).toBe(2);
    // The ERP comes back: the replayed delivery releases the version, which activates at once.
    const replayed = await fetch(`${hub.url}/v1/dead-letters/replay`, {
      method: "POST",
      headers: { ...hubHeaders(), "content-type": "application/json" },
      body: JSON.stringify({ target: "erp" }),
    });
    expect(replayed.status).toBe(200);
    await waitFor(async () => (await facilityStatus(hub, "ctr-1", 3))["fac-2"] === "activated");
    expect(await priceVersion(hub, "fac-1")).toBe(3);
  });

  it("activates anyway on a person's approved fallback, each facility at its own instant", async () => {
    await ercDown(4);
    clock.set("2027-04-29T04:00:00Z"); // 2027-05-01 starts at 04:00Z in New York (daylight time)
    await waitForPlan(hub, "ctr-1", 4, "awaiting-decision");
    const decided = await decide(hub, "ctr-1", 4, {
      decision: "activate-anyway",
      decidedBy: "cfo@concord.example",
      reason: "ERP maintenance runs past the price date",
    });
    expect(decided).toMatchObject({ status: 200, body: { status: "scheduled", activatedFacilities: [] } });
    const { body } = await getJson(`${hub.url}/v1/contracts/ctr-1/propagation`);
    expect(body.versions[0]).toMatchObject({ version: 4, status: "released" });
    expect(body.versions[0].releaseReason).toContain("cfo@concord.example");
    expect(await openExceptions()).toEqual([]);

    clock.set("2027-05-01T04:00:00Z");
    await waitFor(async () => (await facilityStatus(hub, "ctr-1", 4))["fac-1"] === "activated");
    expect(await facilityStatus(hub, "ctr-1", 4)).toEqual({ "fac-1": "activated", "fac-2": "scheduled" });
    expect(await priceVersion(hub, "fac-1")).toBe(4);
    expect(await priceVersion(hub, "fac-2", "2027-05-01")).toBe(3);
    clock.set("2027-05-01T07:00:00Z");
    await waitFor(async () => (await facilityStatus(hub, "ctr-1", 4))["fac-2"] === "activated");
    const audit = (await getJson(`${hub.url}/v1/audit?limit=1000`)).body.items as any[];
    expect(audit.filter((a) => a.action === "contract.price.activate-anyway")).toHaveLength(1);
    expect(
      audit
        .filter((a) => a.action === "contract.price.activated" && a.detail.version === 4)
        .flatMap((a) => a.detail.facilities),
    ).toEqual(["fac-1", "fac-2"]);
  });

  it("refuses a decision nobody asked for, and reads the fiscal calendar", async () => {
    expect(
      (await decide(hub, "ctr-1", 2, { decision: "activate-anyway", decidedBy: "x", reason: "no reason" })).status,
    ).toBe(409);
    expect(
      (await decide(hub, "ctr-1", 99, { decision: "activate-anyway", decidedBy: "x", reason: "no reason" })).status,
    ).toBe(404);
    const periods = await getJson(`${hub.url}/v1/fiscal-calendar/periods?fiscalYear=2027`);
    expect(periods.body.calendar).toMatchObject({ startMonth: 7, pattern: "months" });
    expect(periods.body.periods[0]).toMatchObject({ period: 1, start: "2026-07-01", end: "2026-07-31" });
    expect((await getJson(`${hub.url}/v1/fiscal-calendar/periods`)).body.fiscalYear).toBe(2027); // 2027-05-01 is in FY2027 (July–June)
    expect((await getJson(`${hub.url}/v1/fiscal-calendar/periods?fiscalYear=abc`)).status).toBe(400);
  });
});
