import { describe, expect, it } from "vitest";
import { compileAuthConfig } from "./auth-config.js";

describe("auth configuration: throttling", () => {
  it("shares counters every 250 ms by default, takes 0 for per-process counting, and names a bad value", () => {
    expect(compileAuthConfig({})).toMatchObject({ perMinute: 1_200, rateLimitShareMs: 250 });
    expect(compileAuthConfig({ rateLimit: { shareMs: 0 } }).rateLimitShareMs).toBe(0);
    for (const bad of [-1, 2.5, 60_001]) {
      expect(() => compileAuthConfig({ rateLimit: { shareMs: bad } })).toThrow(
        `auth.rateLimit.shareMs must be a whole number of milliseconds from 0 to 60000 (got ${bad})`,
      );
    }
  });
});
