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

/**
 * Back-pressure is for a hub falling behind, not for a target that is down: deliveries waiting for
 * a retry (here, a maintenance window's Retry-After) or behind an open circuit stay in the outbox
 * without closing the intake to everybody else.
 */
describe.each(STORE_KINDS)("back-pressure ignores a target that is down ($name)", (kind) => {
  const env = useRecordingHub(kind, {
    intake: { maxBacklog: 2, retryAfterSeconds: 3, backlogCheckMs: 10 },
  });

  it("keeps accepting while more deliveries than the limit wait for the target to come back", async () => {
    env.target.enqueue(...Array.from({ length: 20 }, () => ({ status: 503, headers: { "retry-after": "120" } })));
    for (const n of [1, 2, 3, 4]) {
      const res = await postVersion(env.hub.url, contractV1({ id: `ctr-down-${n}`, number: `AGR-DOWN-${n}` }));
      expect(res.status).toBe(202);
      // Each delivery is tried, answered 503 and scheduled for later before the next arrives.
      await waitFor(async () => env.target.requests.length >= n, 10_000, `attempt ${n}`);
    }
    // Four deliveries wait (over the limit of 2), none due for two minutes: the gauge, refreshed
    // every 10 ms, leaves them out, so the intake stays open.
    await new Promise((r) => setTimeout(r, 200));
    const [waiting] = await env.hub.store.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM deliveries WHERE status = 'pending'",
    );
    expect(waiting!.n).toBe(4);
    expect((await postVersion(env.hub.url, contractV1({ id: "ctr-down-5", number: "AGR-DOWN-5" }))).status).toBe(202);
    expect(env.target.applied).toEqual([]);
  });
});
