import { describe, expect, it } from "vitest";
import { TEST_ENCRYPTION } from "../../test/support/test-encryption.js";
import { compileHubConfig } from "./config.js";

const target = { system: "erp", kind: "erp-purchasing" as const, baseUrl: "http://127.0.0.1:1/erp/api" };

describe("compileHubConfig", () => {
  it("fills every default, and sinks are optional targets by default", () => {
    const c = compileHubConfig({ targets: [target, { system: "bi", kind: "analytics-sink", baseUrl: "http://x/" }] });
    expect(c).toMatchObject({
      storeUrl: "pglite:./data",
      host: "127.0.0.1",
      port: 8080,
      bodyLimitBytes: 8 * 1024 * 1024,
    });
    expect(c.dispatcher).toEqual({
      concurrency: 160,
      leaseMs: 60_000,
      deliveryTimeoutMs: 15_000,
      pollIntervalMs: 1_000,
      circuit: { failureThreshold: 5, openMs: 5_000, maxOpenMs: 300_000 },
      routineShare: 0.2,
    });
    expect(c.targets.map((t) => [t.system, t.required, t.connections])).toEqual([
      ["erp", true, 16],
      ["bi", false, 16],
    ]);
  });

  it("sizes back-pressure to the dispatcher where a process delivers its own intake, else for many workers", () => {
    expect(compileHubConfig({}).intake.maxBacklog).toBe(320);
    expect(compileHubConfig({ dispatcher: { concurrency: 50 } }).intake.maxBacklog).toBe(100);
    expect(compileHubConfig({ intake: { maxBacklog: 7 } }).intake.maxBacklog).toBe(7);
    const api = {
      storeUrl: "postgres://127.0.0.1/x",
      roles: { api: true, worker: false },
      encryption: TEST_ENCRYPTION,
    };
    expect(compileHubConfig(api).intake.maxBacklog).toBe(1_500);
  });

  it.each([
    [
      { dispatcher: { leaseMs: 1000, deliveryTimeoutMs: 2000 } },
      "dispatcher.leaseMs (1000) must exceed deliveryTimeoutMs (2000)",
    ],
    [{ dispatcher: { concurrency: 0 } }, "dispatcher.concurrency must be a whole number of at least 1 (got 0)"],
    [
      { dispatcher: { pollIntervalMs: 2.5 } },
      "dispatcher.pollIntervalMs must be a whole number of at least 1 (got 2.5)",
    ],
    [{ targets: [{ ...target, baseUrl: "not a url" }] }, 'target erp: baseUrl "not a url" is not a URL'],
    [{ targets: [target, target] }, "target erp is configured twice"],
    [{ targets: [{ ...target, connections: 0 }] }, "target erp: connections must be a whole number of at least 1"],
    [
      { targets: [{ system: "bi", kind: "analytics-sink" as const, baseUrl: "http://x/", required: true }] },
      "target bi: a analytics-sink target never acknowledges, so it cannot be required",
    ],
    [{ retry: { maxAttempts: 0 } }, "maxAttempts must be a whole number of at least 1"],
  ])("refuses %j: %s", (input, message) => {
    expect(() => compileHubConfig(input)).toThrow(message);
  });
});
