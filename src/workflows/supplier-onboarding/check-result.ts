import type { CheckName } from "./check-routing.js";

/**
 * One check's outcome, as the validation result shows it. `pending` waits for a person (the
 * bank-change approval); `warning` lets the onboarding go on but is watched (insurance expiring).
 */
export interface CheckResult {
  readonly check: CheckName;
  readonly outcome: "passed" | "failed" | "warning" | "pending" | "not-applicable";
  readonly reason: string;
  /** The exception raised for it, when one was. */
  readonly exceptionId?: number;
  readonly owner?: string;
  readonly dueAt?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Checks whose outcome stops the onboarding before the ERP is asked for a vendor. */
export const blocking = (r: CheckResult) => r.outcome === "failed";
