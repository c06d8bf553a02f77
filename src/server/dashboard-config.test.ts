import { describe, expect, it } from "vitest";
import { compileHubConfig } from "./config.js";

describe("dashboard configuration", () => {
  it("fills every process's SLA, takes the ones given, and names what it refuses", () => {
    expect(compileHubConfig({}).dashboard.slaMs).toEqual({
      "contract-propagation": 3_600_000,
      "supplier-onboarding": 432_000_000,
      "requisition-to-po": 14_400_000,
      "invoice-match": 900_000,
    });
    expect(compileHubConfig({ dashboard: { slaMs: { "invoice-match": 60_000 } } }).dashboard.slaMs).toMatchObject({
      "invoice-match": 60_000,
      "contract-propagation": 3_600_000,
    });
    expect(() => compileHubConfig({ dashboard: { slaMs: { "invoice-matching": 60_000 } } })).toThrow(
      'dashboard.slaMs: "invoice-matching" is not a process (known: contract-propagation, supplier-onboarding, requisition-to-po, invoice-match)',
    );
    for (const bad of [0, 1.5, -1, "1h"]) {
      expect(() => compileHubConfig({ dashboard: { slaMs: { "requisition-to-po": bad as number } } })).toThrow(
        `dashboard.slaMs.requisition-to-po must be a whole number of milliseconds of at least 1 (got ${bad})`,
      );
    }
  });
});
