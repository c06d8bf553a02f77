import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RecordingTarget } from "../support/recording-target.js";
import { amendment, contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { getJson, postVersion, startTestHub } from "../support/test-hub.js";

describe.each(STORE_KINDS)("ownership ($name)", (kind) => {
  let target: RecordingTarget;
  let t: Awaited<ReturnType<typeof startTestHub>>;

  beforeAll(async () => {
    target = await new RecordingTarget().start();
    t = await startTestHub(kind, {
      targets: [{ system: "procurement", kind: "procurement-catalog", url: target.url }],
    });
  });
  afterAll(async () => {
    await t?.dispose();
    await target?.stop();
  });

  it("rejects a contract price change from a system that does not own contracts, and records the violation", async () => {
    const res = await postVersion(t.hub.url, amendment(contractV1(), 2, "2026-05-01"), "procurement");
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "CONCORD_ERR_POLICY_OWNERSHIP", status: 403 });
    expect(res.body.detail).toContain("pricing is owned by clm");
    const violations = (await getJson(`${t.hub.url}/v1/policy-violations`)).body.items;
    expect(violations[0]).toMatchObject({
      rule: "ownership.system-of-record",
      system: "procurement",
      entityType: "contract",
      entityId: "ctr-1",
      fieldGroups: ["pricing"],
    });
    // nothing changed and nothing was sent
    const current = (await getJson(`${t.hub.url}/v1/contracts/ctr-1`)).body;
    expect(current.version).toBe(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(target.requests).toHaveLength(0);
  });

  it("names every field group the system touched but does not own", async () => {
    const v2 = { ...amendment(contractV1(), 2, "2026-05-01"), title: "Renamed", eligibility: [] };
    const res = await postVersion(t.hub.url, v2, "erp");
    expect(res.status).toBe(403);
    expect(res.body.denied).toEqual([
      { group: "terms", owner: "clm" },
      { group: "pricing", owner: "clm" },
      { group: "eligibility", owner: "clm" },
    ]);
  });

  it("a system that owns no part of the contract cannot even re-send it unchanged as a new version", async () => {
    const res = await postVersion(t.hub.url, { ...contractV1(), version: 2 }, "procurement");
    expect(res.status).toBe(403);
    expect((res.body.denied as { group: string }[]).map((d) => d.group)).toEqual([
      "terms",
      "pricing",
      "eligibility",
      "rebates",
    ]);
  });

  it("lets the owner make the same change", async () => {
    const res = await postVersion(t.hub.url, amendment(contractV1(), 2, "2026-05-01"), "clm");
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: "accepted", version: 2 });
  });
});
