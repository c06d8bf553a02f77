import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RecordingTarget } from "../support/recording-target.js";
import { contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { deliveryStatuses, postVersion, startTestHub, waitFor } from "../support/test-hub.js";

describe.each(STORE_KINDS)("retry and backoff schedule ($name)", (kind) => {
  let target: RecordingTarget;
  let t: Awaited<ReturnType<typeof startTestHub>>;

  beforeAll(async () => {
    target = await new RecordingTarget().start();
    t = await startTestHub(kind, {
      targets: [{ system: "procurement", kind: "procurement-catalog", url: target.url }],
      retry: { initialDelayMs: 40, multiplier: 2, maxDelayMs: 10_000, maxAttempts: 6, jitter: 0.5 },
      random: () => 0.5, // jitter takes a quarter off each delay: the schedule is exact
    });
  });
  afterAll(async () => {
    await t?.dispose();
    await target?.stop();
  });

  it("backs off exponentially with jitter, honours Retry-After on 429 and 503, then delivers", async () => {
    target.enqueue(
      { status: 503 },
      { status: 429, headers: { "retry-after": "1" } },
      { status: 500 },
      { status: 503, headers: { "retry-after": "0" } },
    );
    const v1 = contractV1({ id: "ctr-retry", number: "AGR-RETRY" });
    expect((await postVersion(t.hub.url, v1)).status).toBe(202);
    await waitFor(async () => (await deliveryStatuses(t.hub.url, "ctr-retry", 1)).procurement === "acknowledged");
    const attempts = await t.hub.store.query<{
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
    // And the waits really happened: the target saw the 3rd request at least a second after the 2nd.
    const times = target.requests.filter((r) => r.contract === "AGR-RETRY").map((r) => r.at);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(950);
  });
});
