import { Errors } from "../errors/index.js";
import { PROCESS_PROVIDERS } from "../store/queries/process-health/index.js";

export interface DashboardConfigInput {
  /**
   * Per business process (`contract-propagation`, `supplier-onboarding`, `requisition-to-po`,
   * `invoice-match`): a unit of work completed within this many milliseconds meets its SLA.
   * Processes left out keep their defaults (docs/dashboard.md).
   */
  readonly slaMs?: Readonly<Record<string, number>>;
}

export interface DashboardConfig {
  /** Every process's SLA, defaults filled. */
  readonly slaMs: Readonly<Record<string, number>>;
}

/** A health system sets its own service levels; the defaults are the providers' own. */
export function compileDashboardConfig(input: DashboardConfigInput = {}): DashboardConfig {
  const known = PROCESS_PROVIDERS.map((p) => p.process);
  const slaMs: Record<string, number> = Object.fromEntries(PROCESS_PROVIDERS.map((p) => [p.process, p.slaMs]));
  for (const [process, ms] of Object.entries(input.slaMs ?? {})) {
    if (!known.includes(process)) {
      throw Errors.ConfigInvalid(`dashboard.slaMs: "${process}" is not a process (known: ${known.join(", ")})`);
    }
    if (!Number.isInteger(ms) || ms < 1) {
      throw Errors.ConfigInvalid(
        `dashboard.slaMs.${process} must be a whole number of milliseconds of at least 1 (got ${String(ms)})`,
      );
    }
    slaMs[process] = ms;
  }
  return { slaMs };
}
