import { Errors } from "../../errors/index.js";
import { DAY_MS, HOUR_MS } from "../timers/index.js";

export interface OnboardingOptionsInput {
  /** The ERP target that creates vendors (a configured target's system). */
  readonly erpSystem?: string;
  /** How long the ERP has to send the vendor number back before an exception. Default 24 h. */
  readonly vendorNumberTimeoutMs?: number;
  /** How often every active supplier is screened again. Default 30 days (42 CFR 455.436: at least monthly). */
  readonly rescreenIntervalMs?: number;
  /** Suppliers screened per transaction in a re-screening round (the round goes on in the next). Default 500. */
  readonly rescreenBatchSize?: number;
  /** An insurance certificate expiring within this many days is a warning with a timer. Default 30. */
  readonly insuranceWarningDays?: number;
  /** Exclusion list files loaded at start-up when they changed (OIG LEIE UPDATED.csv, SAM extract). */
  readonly screening?: { readonly leie?: string; readonly sam?: string };
  /** How often a worker looks for due timers. Default 1 s. */
  readonly timerPollMs?: number;
}

export interface OnboardingOptions {
  readonly erpSystem: string;
  readonly vendorNumberTimeoutMs: number;
  readonly rescreenIntervalMs: number;
  readonly rescreenBatchSize: number;
  readonly insuranceWarningDays: number;
  readonly screening: { readonly leie: string | undefined; readonly sam: string | undefined };
  readonly timerPollMs: number;
}

/** Validates once and fills the defaults. */
export function compileOnboardingOptions(input: OnboardingOptionsInput = {}, defaultErp = "erp"): OnboardingOptions {
  const o = {
    erpSystem: input.erpSystem ?? defaultErp,
    vendorNumberTimeoutMs: input.vendorNumberTimeoutMs ?? 24 * HOUR_MS,
    rescreenIntervalMs: input.rescreenIntervalMs ?? 30 * DAY_MS,
    rescreenBatchSize: input.rescreenBatchSize ?? 500,
    insuranceWarningDays: input.insuranceWarningDays ?? 30,
    screening: { leie: input.screening?.leie, sam: input.screening?.sam },
    timerPollMs: input.timerPollMs ?? 1_000,
  };
  for (const name of ["vendorNumberTimeoutMs", "rescreenIntervalMs", "timerPollMs"] as const) {
    if (!Number.isInteger(o[name]) || o[name] < 1)
      throw Errors.ConfigInvalid(`supplierOnboarding.${name} must be a whole number of milliseconds ≥ 1`);
  }
  if (!Number.isInteger(o.rescreenBatchSize) || o.rescreenBatchSize < 1 || o.rescreenBatchSize > 100_000)
    throw Errors.ConfigInvalid("supplierOnboarding.rescreenBatchSize must be a whole number from 1 to 100000");
  if (!Number.isInteger(o.insuranceWarningDays) || o.insuranceWarningDays < 0)
    throw Errors.ConfigInvalid("supplierOnboarding.insuranceWarningDays must be a whole number of days ≥ 0");
  return o;
}
