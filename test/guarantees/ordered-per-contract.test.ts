import { describe, expect, it } from "vitest";
import { amendment, contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { deliveryStatuses, postVersion, useRecordingHub, waitFor } from "../support/test-hub.js";

describe.each(STORE_KINDS)("ordered per contract ($name)", (kind) => {
  const env = useRecordingHub(kind);

  it("applies version n before n+1 at a target, even while n is being retried", async () => {
    const v1 = contractV1({ id: "ctr-ord", number: "AGR-ORD" });
    env.target.enqueue({ status: 503 }, { status: 503 }); // v1's first two attempts fail
    for (const v of [
      v1,
      amendment(v1, 2, "2026-03-01"),
      amendment(v1, 3, "2026-04-01"),
      amendment(v1, 4, "2026-05-01"),
    ]) {
      expect((await postVersion(env.hub.url, v)).status).toBe(202);
    }
    await waitFor(async () => (await deliveryStatuses(env.hub.url, "ctr-ord", 4)).procurement === "acknowledged");
    expect(env.target.appliedRevisions("AGR-ORD")).toEqual([1, 2, 3, 4]);
    // No request for a later version was even sent before the earlier one was applied.
    const sent = env.target.requests.filter((r) => r.contract === "AGR-ORD").map((r) => r.revision);
    expect(sent).toEqual([1, 1, 1, 2, 3, 4]);
  });

  it("parks a stale version that arrives after a newer one: kept, answered, never applied", async () => {
    const v1 = contractV1({ id: "ctr-stale", number: "AGR-STALE" });
    const v2 = amendment(v1, 2, "2026-03-01");
    expect((await postVersion(env.hub.url, v2)).status).toBe(202);
    await waitFor(async () => (await deliveryStatuses(env.hub.url, "ctr-stale", 2)).procurement === "acknowledged");
    const late = await postVersion(env.hub.url, v1);
    expect(late.status).toBe(202);
    expect(late.body).toMatchObject({ status: "parked", version: 1 });
    await new Promise((r) => setTimeout(r, 200));
    expect(env.target.appliedRevisions("AGR-STALE")).toEqual([2]);
    expect(env.target.requests.filter((r) => r.contract === "AGR-STALE").map((r) => r.revision)).toEqual([2]);
  });

  it("parks a delivery the target refuses as stale (409) instead of retrying it", async () => {
    const v1 = contractV1({ id: "ctr-409", number: "AGR-409" });
    env.target.enqueue({ status: 409, body: { error: "stale_revision", currentRevision: 7 } });
    expect((await postVersion(env.hub.url, v1)).status).toBe(202);
    await waitFor(async () => (await deliveryStatuses(env.hub.url, "ctr-409", 1)).procurement === "parked");
    expect(env.target.requests.filter((r) => r.contract === "AGR-409")).toHaveLength(1);
  });
});
