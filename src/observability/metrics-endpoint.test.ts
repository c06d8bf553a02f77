import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { amendment, contractV1 } from "../../test/support/small-health-system.js";
import { STORE_KINDS } from "../../test/support/stores.js";
import {
  deliveryStatuses,
  hubHeaders,
  postVersion,
  TEST_API_KEY,
  useRecordingHub,
  waitFor,
} from "../../test/support/test-hub.js";

// promtool comes with Debian's prometheus package. CI installs it and sets CONCORD_REQUIRE_PROMTOOL
// (.ci/run), so there a missing promtool fails the test; elsewhere it is skipped with the reason.
const PROMTOOL_MISSING = spawnSync("promtool", ["--version"]).error
  ? "promtool is not installed (apt-get install prometheus)"
  : undefined;
const PROMTOOL_REQUIRED = process.env.CONCORD_REQUIRE_PROMTOOL === "1";
if (PROMTOOL_MISSING && !PROMTOOL_REQUIRED)
  console.warn(`metrics-endpoint.test.ts promtool case skipped: ${PROMTOOL_MISSING}`);

/** The value of one series in the text exposition (0 when absent, as Prometheus would read a fresh counter). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const [, body = "", value] = /^[^{\s]+(?:\{(.*)\})?\s+(\S+)$/.exec(line) ?? [];
    const have = Object.fromEntries([...body.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (
      Object.entries(labels).every(([k, v]) => have[k] === v) &&
      Object.keys(have).length === Object.keys(labels).length
    ) {
      return Number(value);
    }
  }
  return 0;
}

describe.each(STORE_KINDS)("GET /metrics ($name)", (kind) => {
  const env = useRecordingHub(kind);
  const scrape = async (headers: Record<string, string> = hubHeaders()) => {
    const res = await fetch(`${env.hub.url}/metrics`, { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  it("after an amendment reaches the target through one retry: latency, attempts and HTTP series move by exactly that", async () => {
    const before = await scrape();
    const latency = { process: "contract-propagation", target: "procurement" };
    const started = Date.now();
    env.target.enqueue({ status: 503, headers: { "retry-after": "0" } });
    const res = await postVersion(env.hub.url, amendment(contractV1(), 2, "2026-12-01"));
    expect(res.status).toBe(202);
    await waitFor(
      async () => (await deliveryStatuses(env.hub.url, "ctr-1", 2)).procurement === "acknowledged",
      30_000,
      "v2 acknowledged",
    );
    const elapsedS = (Date.now() - started) / 1000;
    // The settle commits before the counter moves: wait for the scrape to show it, not for a fixed time.
    const after = await waitFor(async () => {
      const text = await scrape();
      return sample(text, "concord_delivery_attempts_total", { target: "procurement", outcome: "acknowledged" }) >
        sample(before, "concord_delivery_attempts_total", { target: "procurement", outcome: "acknowledged" })
        ? text
        : "";
    });
    const delta = (name: string, labels: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    expect(delta("concord_delivery_attempts_total", { target: "procurement", outcome: "retried" })).toBe(1);
    expect(delta("concord_delivery_attempts_total", { target: "procurement", outcome: "acknowledged" })).toBe(1);
    expect(delta("concord_delivery_attempts_total", { target: "procurement", outcome: "dead" })).toBe(0);
    expect(delta("concord_propagation_latency_seconds_count", latency)).toBe(1);
    const seconds = delta("concord_propagation_latency_seconds_sum", latency);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(elapsedS);
    expect(delta("concord_propagation_latency_seconds_bucket", { ...latency, le: "+Inf" })).toBe(1);
    expect(
      delta("concord_http_request_duration_seconds_count", {
        method: "POST",
        route: "/v1/contracts/:id/versions",
        status_code: "202",
      }),
    ).toBe(1);
    expect(sample(after, "concord_circuit_state", { target: "procurement", state: "closed" })).toBe(1);
    expect(sample(after, "concord_circuit_state", { target: "procurement", state: "open" })).toBe(0);
    expect(after).toMatch(/^concord_delivery_backlog\{target="procurement",status="pending"\} \d+$/m);
    expect(after).toMatch(/^concord_dead_letters\{target="procurement"\} 0$/m);
    expect(after).toMatch(/^process_cpu_seconds_total \d/m);
  });

  it("answers Prometheus's bearer credentials and refuses a scrape without any", async () => {
    expect(await scrape({ authorization: `Bearer ${TEST_API_KEY}` })).toContain("concord_delivery_attempts_total");
    expect((await fetch(`${env.hub.url}/metrics`)).status).toBe(401);
  });

  it.skipIf(PROMTOOL_MISSING !== undefined && !PROMTOOL_REQUIRED)(
    "passes `promtool check metrics` with no lint problems",
    async () => {
      if (PROMTOOL_MISSING) throw new Error(`CONCORD_REQUIRE_PROMTOOL is set but ${PROMTOOL_MISSING}`);
      const text = await scrape();
      // Every family has samples by now (the first case delivered, retried and served requests).
      expect(text).toMatch(/^concord_propagation_latency_seconds_bucket\{/m);
      const r = spawnSync("promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
      expect(`${r.stdout}${r.stderr}`.trim()).toBe("");
      expect(r.status).toBe(0);
    },
  );
});
