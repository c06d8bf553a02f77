import { describe, expect, it } from "vitest";
import { contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { deliveryStatuses, getJson, postVersion, useRecordingHub, waitFor } from "../support/test-hub.js";

describe.each(STORE_KINDS)("retry and backoff schedule ($name)", (kind) => {
  const env = useRecordingHub(kind, {
    retry: { initialDelayMs: 40, multiplier: 2, maxDelayMs: 10_000, maxAttempts: 6, jitter: 0.5 },
    // jitter takes a quarter off each delay: the schedule is exact
    random: () => 0.5,
  });

  it("backs off exponentially with jitter, honours Retry-After on 429 and 503, then delivers", async () => {
    env.target.enqueue(
      { status: 503 },
      { status: 429, headers: { "retry-after": "1" } },
      { status: 500 },
      { status: 503, headers: { "retry-after": "0" } },
    );
    const v1 = contractV1({ id: "ctr-retry", number: "AGR-RETRY" });
    expect((await postVersion(env.hub.url, v1)).status).toBe(202);
    await waitFor(async () => (await deliveryStatuses(env.hub.url, "ctr-retry", 1)).procurement === "acknowledged");
    const attempts = await env.hub.store.query<{
      attempt: number;
      outcome: string;
      delay_ms: number | null;
      retry_after_ms: number | null;
    }>(
      `SELECT a.attempt, a.outcome, a.retry_after_ms,
         round(extract(epoch FROM (a.next_attempt_at - a.finished_at)) * 1000)::int AS delay_ms
       FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id
       WHERE d.business_key = 'contract:ctr-retry' ORDER BY a.attempt`,
    );
    expect(attempts.map((a) => a.outcome)).toEqual(["retry", "retry", "retry", "retry", "acknowledged"]);
    // base 40·2^(n-1) less a quarter: 30, 60, 120, 240 — except attempt 2, where Retry-After: 1 s is the floor.
    expect(attempts.map((a) => a.delay_ms)).toEqual([30, 1000, 120, 240, null]);
    expect(attempts[1]!.retry_after_ms).toBe(1000);
    // Operators see the same history through the API.
    const propagation = (await getJson(`${env.hub.url}/v1/contracts/ctr-retry/propagation`)).body;
    const deliveryId = propagation.versions[0].targets[0].deliveryId;
    const detail = (await getJson(`${env.hub.url}/v1/deliveries/${deliveryId}`)).body;
    expect(detail).toMatchObject({ status: "acknowledged", attempts: 5, target: "procurement", keyVersion: 1 });
    expect(detail.history.map((h: any) => [h.outcome, h.retryAfterMs])).toEqual([
      ["retry", null],
      ["retry", 1000],
      ["retry", null],
      ["retry", 0],
      ["acknowledged", null],
    ]);
    expect(detail.history[1].error).toContain("429");
    expect((await getJson(`${env.hub.url}/v1/deliveries/999999`)).status).toBe(404);
    // And the waits really happened: the target saw the 3rd request at least a second after the 2nd.
    const times = env.target.requests.filter((r) => r.contract === "AGR-RETRY").map((r) => r.at);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(950);
  });
});
