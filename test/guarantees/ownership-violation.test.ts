import { describe, expect, it } from "vitest";
import { amendment, contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { getJson, postVersion, useRecordingHub } from "../support/test-hub.js";

describe.each(STORE_KINDS)("ownership ($name)", (kind) => {
  const env = useRecordingHub(kind);

  it("rejects a contract price change from a system that does not own contracts, and records the violation", async () => {
    const res = await postVersion(env.hub.url, amendment(contractV1(), 2, "2026-05-01"), "procurement");
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "CONCORD_ERR_POLICY_OWNERSHIP", status: 403 });
    expect(res.body.detail).toContain("pricing is owned by clm");
    const violations = (await getJson(`${env.hub.url}/v1/policy-violations`)).body.items;
    expect(violations[0]).toMatchObject({
      rule: "ownership.system-of-record",
      system: "procurement",
      entityType: "contract",
      entityId: "ctr-1",
      fieldGroups: ["pricing"],
    });
    // nothing changed and nothing was sent
    const current = (await getJson(`${env.hub.url}/v1/contracts/ctr-1`)).body;
    expect(current.version).toBe(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(env.target.requests).toHaveLength(0);
  });

  it("names every field group the system touched but does not own", async () => {
    const v2 = { ...amendment(contractV1(), 2, "2026-05-01"), title: "Renamed", eligibility: [] };
    const res = await postVersion(env.hub.url, v2, "erp");
    expect(res.status).toBe(403);
    expect(res.body.denied).toEqual([
      { group: "terms", owner: "clm" },
      { group: "pricing", owner: "clm" },
      { group: "eligibility", owner: "clm" },
    ]);
  });

  it("a system that owns no part of the contract cannot even re-send it unchanged as a new version", async () => {
    const res = await postVersion(env.hub.url, { ...contractV1(), version: 2 }, "procurement");
    expect(res.status).toBe(403);
    expect((res.body.denied as { group: string }[]).map((d) => d.group)).toEqual([
      "terms",
      "pricing",
      "eligibility",
      "rebates",
    ]);
  });

  it("lets the owner make the same change", async () => {
    const res = await postVersion(env.hub.url, amendment(contractV1(), 2, "2026-05-01"), "clm");
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: "accepted", version: 2 });
  });
});
