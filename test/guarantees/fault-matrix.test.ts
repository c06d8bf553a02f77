import { describe, expect, it } from "vitest";
import type { ScriptedAnswer } from "../support/recording-target.js";
import { amendment, contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { deliveryStatuses, getJson, postVersion, useRecordingHub, waitFor } from "../support/test-hub.js";

/**
 * The downstream fault matrix: each kind of trouble a target can give ends as the retry policy
 * says — delivered after retries, a dead letter, or a failure with an exception — and the
 * target applies the version once whatever happened on the way.
 */
const CASES: readonly {
  name: string;
  script: ScriptedAnswer[];
  ends: "acknowledged" | "dead" | "failed";
  /** The HTTP status kept with each attempt: what the target answered (200 for the success), null when it never answered. */
  statuses: (number | null)[];
}[] = [
  {
    name: "a timeout (no answer)",
    script: [{ status: 200, hang: true }],
    ends: "acknowledged",
    statuses: [null, 200],
  },
  {
    name: "an answer lost after the target applied it",
    script: [{ status: 200, hang: true, applyFirst: true }],
    ends: "acknowledged",
    statuses: [null, 200],
  },
  {
    name: "429 with Retry-After",
    script: [{ status: 429, headers: { "retry-after": "1" } }],
    ends: "acknowledged",
    statuses: [429, 200],
  },
  {
    name: "a 503 maintenance window",
    script: [{ status: 503, headers: { "retry-after": "1" } }, { status: 503 }],
    ends: "acknowledged",
    statuses: [503, 503, 200],
  },
  { name: "a connection reset", script: [{ status: 0, reset: true }], ends: "acknowledged", statuses: [null, 200] },
  {
    name: "a slow drip that never finishes",
    script: [{ status: 200, dripMs: 50 }],
    ends: "acknowledged",
    statuses: [null, 200],
  },
  {
    name: "a permanent 422 rejection",
    script: [{ status: 422, body: { error: "unknown item" } }],
    ends: "failed",
    statuses: [422],
  },
  {
    name: "503 until the attempts run out",
    script: Array(4).fill({ status: 503 }),
    ends: "dead",
    statuses: [503, 503, 503, 503],
  },
];

describe.each(STORE_KINDS)("downstream fault matrix ($name)", (kind) => {
  const env = useRecordingHub(kind, {
    retry: { initialDelayMs: 20, maxDelayMs: 100, maxAttempts: 4 },
    // The breaker has its own test; here each fault must reach the retry policy.
    dispatcher: { deliveryTimeoutMs: 500, leaseMs: 3_000, circuit: { failureThreshold: 1_000 } },
  });

  it.each(CASES.map((c, i) => [c.name, c, i + 2] as const))("%s", async (_name, c, version) => {
    env.target.enqueue(...c.script);
    expect((await postVersion(env.hub.url, amendment(contractV1(), version, "2026-07-01"))).status).toBe(202);
    const status = await waitFor(
      async () => {
        const s = (await deliveryStatuses(env.hub.url, "ctr-1", version)).procurement;
        return s === "acknowledged" || s === "dead" || s === "failed" ? s : undefined;
      },
      30_000,
      `version ${version} settled`,
    );
    expect(status).toBe(c.ends);
    const attempts = await env.hub.store.query<{ http_status: number | null }>(
      `SELECT a.http_status FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id
       WHERE d.target = 'procurement' AND d.business_key = 'contract:ctr-1' AND d.key_version = $1 ORDER BY a.attempt`,
      [version],
    );
    expect(attempts.map((r) => r.http_status)).toEqual(c.statuses);
    const applied = env.target.appliedRevisions("AGR-1").filter((v) => v === version);
    expect(applied).toHaveLength(c.ends === "acknowledged" ? 1 : 0);
    if (c.ends === "failed") {
      const { body } = await getJson(`${env.hub.url}/v1/exceptions`);
      expect(
        (body.items as { rule: string; details: { keyVersion?: number } }[]).some(
          (e) => e.rule === "delivery.accepted-by-target" && e.details.keyVersion === version,
        ),
      ).toBe(true);
    }
    if (c.ends === "dead") {
      const { body } = await getJson(`${env.hub.url}/v1/dead-letters`);
      expect((body.items as { keyVersion: number }[]).some((d) => d.keyVersion === version)).toBe(true);
    }
  });
});
