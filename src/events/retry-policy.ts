import { Errors } from "../errors/index.js";

export interface RetryPolicyInput {
  readonly initialDelayMs?: number;
  readonly multiplier?: number;
  readonly maxDelayMs?: number;
  /** Attempts in all, the first one included; past it the delivery is dead-lettered. */
  readonly maxAttempts?: number;
  /** Share of the delay that is randomised: 0 = exact schedule, 1 = anywhere in [0, delay]. */
  readonly jitter?: number;
  /** A Retry-After longer than this is capped: a target may not park a delivery for a week. */
  readonly maxRetryAfterMs?: number;
}

export type RetryPolicy = Required<RetryPolicyInput>;

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  initialDelayMs: 500,
  multiplier: 2,
  maxDelayMs: 5 * 60_000,
  maxAttempts: 12,
  jitter: 0.5,
  maxRetryAfterMs: 60 * 60_000,
};

/** Validates once and fills defaults; the result has no optional fields. */
export function compileRetryPolicy(input: RetryPolicyInput = {}): RetryPolicy {
  const p: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...stripUndefined(input) };
  const fail = (msg: string) => {
    throw Errors.RetryPolicyInvalid(msg, { policy: p });
  };
  if (!Number.isFinite(p.initialDelayMs) || p.initialDelayMs <= 0) fail("initialDelayMs must be a positive number");
  if (!Number.isFinite(p.multiplier) || p.multiplier < 1) fail("multiplier must be at least 1");
  if (!Number.isFinite(p.maxDelayMs) || p.maxDelayMs < p.initialDelayMs)
    fail("maxDelayMs must be at least initialDelayMs");
  if (!Number.isInteger(p.maxAttempts) || p.maxAttempts < 1) fail("maxAttempts must be a whole number of at least 1");
  if (!Number.isFinite(p.jitter) || p.jitter < 0 || p.jitter > 1) fail("jitter must be between 0 and 1");
  if (!Number.isFinite(p.maxRetryAfterMs) || p.maxRetryAfterMs < 0) fail("maxRetryAfterMs must not be negative");
  return p;
}

/**
 * Delay before the next attempt after `attempt` (1-based) failed, or undefined when the policy is
 * exhausted. Exponential backoff with jitter; a target's Retry-After is a floor, never shortened.
 */
export function nextRetryDelay(
  policy: RetryPolicy,
  attempt: number,
  random: () => number,
  retryAfterMs?: number,
): number | undefined {
  if (attempt >= policy.maxAttempts) return undefined;
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** (attempt - 1));
  const jittered = base * (1 - policy.jitter * random());
  const floor = retryAfterMs === undefined ? 0 : Math.min(retryAfterMs, policy.maxRetryAfterMs);
  return Math.round(Math.max(jittered, floor));
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
