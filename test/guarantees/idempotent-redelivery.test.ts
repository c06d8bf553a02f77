import { describe, expect, it } from "vitest";
import { contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { deliveryStatuses, hubHeaders, postVersion, useRecordingHub, waitFor } from "../support/test-hub.js";

describe.each(STORE_KINDS)("idempotent redelivery ($name)", (kind) => {
  const env = useRecordingHub(kind, {
    dispatcher: { deliveryTimeoutMs: 300, leaseMs: 2_000 },
  });

  it("a target that applied a message whose answer was lost is sent it again with the same key and applies it once", async () => {
    const v1 = contractV1({ id: "ctr-idem", number: "AGR-IDEM" });
    env.target.enqueue({ status: 200, applyFirst: true, hang: true });
    expect((await postVersion(env.hub.url, v1)).status).toBe(202);
    await waitFor(async () => (await deliveryStatuses(env.hub.url, "ctr-idem", 1)).procurement === "acknowledged");
    const requests = env.target.requests.filter((r) => r.contract === "AGR-IDEM");
    expect(requests.length).toBeGreaterThanOrEqual(2);
    expect(new Set(requests.map((r) => r.key)).size).toBe(1);
    expect(env.target.appliedRevisions("AGR-IDEM")).toEqual([1]);
  });

  it("the same inbound message twice is answered the same and propagated once", async () => {
    const v1 = contractV1({ id: "ctr-dup", number: "AGR-DUP" });
    const send = () =>
      fetch(`${env.hub.url}/v1/contracts/ctr-dup/versions`, {
        method: "POST",
        headers: hubHeaders({
          "content-type": "application/json",
          "x-concord-system": "clm",
          "idempotency-key": "clm-msg-1",
        }),
        body: JSON.stringify(v1),
      });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    // The API's Idempotency-Key layer answers the retry with the first answer, marked as a replay.
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    const firstBody = (await first.json()) as Record<string, unknown>;
    expect(await second.json()).toEqual(firstBody);
    expect(firstBody).toMatchObject({ status: "accepted", version: 1 });
    // Below it, the intake's own dedupe by message id answers a re-sent message that skipped that
    // layer (another process, or the key's 24 h expired) as a duplicate of the first.
    await env.hub.store.query("DELETE FROM idempotency_keys");
    const third = await postVersion(env.hub.url, v1, "clm", "clm-msg-1");
    expect(third.status).toBe(202);
    expect(third.body).toMatchObject({ duplicate: true, correlationId: firstBody.correlationId });
    await waitFor(async () => (await deliveryStatuses(env.hub.url, "ctr-dup", 1)).procurement === "acknowledged");
    const [{ n }] = (await env.hub.store.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE business_key = 'contract:ctr-dup'",
    )) as [{ n: number }];
    expect(n).toBe(1);
    expect(env.target.appliedRevisions("AGR-DUP")).toEqual([1]);
  });
});
