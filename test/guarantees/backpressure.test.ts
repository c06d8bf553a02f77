import { describe, expect, it } from "vitest";
import { contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { deliveryStatuses, getJson, hubHeaders, postVersion, useRecordingHub, waitFor } from "../support/test-hub.js";

/**
 * When more deliveries wait than the limit, new inbound work is refused with 503 and Retry-After
 * instead of growing the queue without bound; nothing of the refused message is stored, nothing
 * accepted before is touched, and intake resumes once the backlog drains.
 */
describe.each(STORE_KINDS)("back-pressure ($name)", (kind) => {
  const env = useRecordingHub(kind, {
    dispatch: false,
    intake: { maxBacklog: 2, retryAfterSeconds: 3, backlogCheckMs: 10 },
  });

  it("refuses new work with 503 + Retry-After over the backlog limit, and resumes once it drains", async () => {
    for (const n of [1, 2, 3]) {
      expect((await postVersion(env.hub.url, contractV1({ id: `ctr-bp-${n}`, number: `AGR-BP-${n}` }))).status).toBe(
        202,
      );
    }
    // three deliveries wait (the dispatcher is off); the gauge sees it within its interval. An
    // empty CLM event is a cheap probe: 400 while open, 503 once the gates close.
    const probe = async () =>
      (
        await fetch(`${env.hub.url}/v1/inbound/clm/agreement-events`, {
          method: "POST",
          headers: { ...hubHeaders(), "content-type": "application/json" },
          body: "{}",
        })
      ).status;
    await waitFor(async () => (await probe()) === 503, 10_000, "back-pressure");
    const res = await fetch(`${env.hub.url}/v1/contracts/ctr-bp-4/versions`, {
      method: "POST",
      headers: { ...hubHeaders(), "content-type": "application/json", "x-concord-system": "clm" },
      body: JSON.stringify(contractV1({ id: "ctr-bp-4", number: "AGR-BP-4" })),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("3");
    const problem = (await res.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({ code: "CONCORD_ERR_BACKPRESSURE", backlog: 3, retryAfterSeconds: 3 });
    expect((await getJson(`${env.hub.url}/v1/contracts/ctr-bp-4`)).status).toBe(404);

    env.hub.dispatcher.start();
    await waitFor(async () => (await deliveryStatuses(env.hub.url, "ctr-bp-3", 1)).procurement === "acknowledged");
    await waitFor(async () => (await probe()) === 400, 10_000, "gates open again");
    expect((await postVersion(env.hub.url, contractV1({ id: "ctr-bp-4", number: "AGR-BP-4" }))).status).toBe(202);
    expect(env.target.applied.map((a) => a.contract).sort()).toEqual(["AGR-BP-1", "AGR-BP-2", "AGR-BP-3"]);
  });
});
