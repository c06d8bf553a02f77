import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRetryPolicy, DEFAULT_RETRY_POLICY, nextRetryDelay } from "./retry-policy.js";

describe("compileRetryPolicy", () => {
  it("fills defaults", () => {
    expect(compileRetryPolicy()).toEqual(DEFAULT_RETRY_POLICY);
    expect(compileRetryPolicy({ maxAttempts: 3, initialDelayMs: undefined })).toEqual({
      ...DEFAULT_RETRY_POLICY,
      maxAttempts: 3,
    });
  });

  it.each([
    [{ initialDelayMs: 0 }, "initialDelayMs must be a positive number"],
    [{ multiplier: 0.5 }, "multiplier must be at least 1"],
    [{ initialDelayMs: 1000, maxDelayMs: 10 }, "maxDelayMs must be at least initialDelayMs"],
    [{ maxAttempts: 0 }, "maxAttempts must be a whole number of at least 1"],
    [{ maxAttempts: 2.5 }, "maxAttempts must be a whole number of at least 1"],
    [{ jitter: 1.5 }, "jitter must be between 0 and 1"],
    [{ maxRetryAfterMs: -1 }, "maxRetryAfterMs must not be negative"],
  ])("refuses %j with a message saying why", (input, message) => {
    expect(() => compileRetryPolicy(input)).toThrow(message);
    try {
      compileRetryPolicy(input);
    } catch (e) {
      expect((e as { code: string }).code).toBe("CONCORD_ERR_RETRY_POLICY_INVALID");
    }
  });
});

describe("nextRetryDelay", () => {
  const p = compileRetryPolicy({
    initialDelayMs: 100,
    multiplier: 2,
    maxDelayMs: 1000,
    maxAttempts: 6,
    jitter: 0.5,
  });

  it("doubles from the initial delay, capped, and stops after maxAttempts", () => {
    const noJitter = () => 0;
    expect([1, 2, 3, 4, 5].map((a) => nextRetryDelay(p, a, noJitter))).toEqual([100, 200, 400, 800, 1000]);
    expect(nextRetryDelay(p, 6, noJitter)).toBeUndefined();
  });

  it("treats Retry-After as a floor, capped by maxRetryAfterMs", () => {
    expect(nextRetryDelay(p, 1, () => 0, 5000)).toBe(5000);
    expect(nextRetryDelay(p, 4, () => 0, 10)).toBe(800);
    const capped = compileRetryPolicy({ ...p, maxRetryAfterMs: 2000 });
    expect(nextRetryDelay(capped, 1, () => 0, 86_400_000)).toBe(2000);
  });

  it("always stays within [base·(1−jitter), base] and never below Retry-After", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
        (attempt, r, retryAfter) => {
          const d = nextRetryDelay(p, attempt, () => r, retryAfter)!;
          const base = Math.min(1000, 100 * 2 ** (attempt - 1));
          expect(d).toBeGreaterThanOrEqual(
            Math.max(Math.floor(base * 0.5), Math.min(retryAfter ?? 0, p.maxRetryAfterMs)),
          );
          expect(d).toBeLessThanOrEqual(Math.max(base, retryAfter ?? 0));
        },
      ),
    );
  });
});
