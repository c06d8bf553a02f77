import { describe, expect, it } from "vitest";
import { amendment, contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { getJson, postVersion, useRecordingHub, waitFor } from "../support/test-hub.js";

/** The hub's own trail: every API call and every change it made, in one verifiable chain. */
describe.each(STORE_KINDS)("the audit trail of a running hub ($name)", (kind) => {
  const env = useRecordingHub(kind);

  it("records the call, the accepted version and its release, and the chain verifies", async () => {
    expect((await postVersion(env.hub.url, amendment(contractV1(), 2, "2026-07-01"))).status).toBe(202);
    await waitFor(async () => {
      const { body } = await getJson(`${env.hub.url}/v1/contracts/ctr-1/propagation`);
      return body.versions?.[0]?.status === "released";
    });
    const actions = await waitFor(async () => {
      const { body } = await getJson(`${env.hub.url}/v1/audit?limit=100`);
      const seen = (body.items as { action: string }[]).map((r) => r.action);
      return seen.includes("api.call") && seen.includes("contract.version.released") ? seen : undefined;
    });
    expect(actions).toContain("contract.version.accepted");
    const verify = await getJson(`${env.hub.url}/v1/audit/verify`);
    expect(verify.body).toMatchObject({ ok: true, problems: [] });
    expect(verify.body.checked).toBeGreaterThanOrEqual(actions!.length);
  });
});
