import { Errors } from "../../errors/index.js";
import { DAY_MS, HOUR_MS } from "../timers/index.js";
import type { FiscalCalendar, FiscalPattern } from "./fiscal-calendar.js";
import { isTimeZone } from "./zoned-day-start.js";

export interface PriceActivationOptionsInput {
  /**
   * How long before a version's first activation every required target must have acknowledged it;
   * past that deadline a person decides (keep the old price or activate anyway). Default 2 days.
   */
  readonly decisionLeadMs?: number;
  /** The least time targets get after a version arrives before its deadline, for retro-dated amendments. Default 15 min. */
  readonly minAckWaitMs?: number;
  /** Zone for a facility whose record has none (or is unknown). Default America/New_York. */
  readonly defaultTimeZone?: string;
  /** The health system's fiscal calendar. Default a July–June year of calendar months. */
  readonly fiscalCalendar?: { readonly startMonth?: number; readonly pattern?: FiscalPattern };
  /** Align every activation to a fiscal period start (else only contracts asking for it). Default false. */
  readonly alignToFiscalPeriod?: boolean;
  /** Hours a person has to decide after a deadline exception is raised. Default 4. */
  readonly decisionSlaHours?: number;
}

export interface PriceActivationOptions {
  readonly decisionLeadMs: number;
  readonly minAckWaitMs: number;
  readonly defaultTimeZone: string;
  readonly fiscalCalendar: FiscalCalendar;
  readonly alignToFiscalPeriod: boolean;
  readonly decisionSlaHours: number;
}

const PATTERNS: readonly FiscalPattern[] = ["months", "4-4-5", "4-5-4", "5-4-4"];

/** Validates once and fills the defaults. */
export function compilePriceActivationOptions(input: PriceActivationOptionsInput = {}): PriceActivationOptions {
  const o: PriceActivationOptions = {
    decisionLeadMs: input.decisionLeadMs ?? 2 * DAY_MS,
    minAckWaitMs: input.minAckWaitMs ?? HOUR_MS / 4,
    defaultTimeZone: input.defaultTimeZone ?? "America/New_York",
    fiscalCalendar: {
      startMonth: input.fiscalCalendar?.startMonth ?? 7,
      pattern: input.fiscalCalendar?.pattern ?? "months",
    },
    alignToFiscalPeriod: input.alignToFiscalPeriod ?? false,
    decisionSlaHours: input.decisionSlaHours ?? 4,
  };
  for (const name of ["decisionLeadMs", "minAckWaitMs"] as const) {
    if (!Number.isInteger(o[name]) || o[name] < 0)
      throw Errors.ConfigInvalid(`priceActivation.${name} must be a whole number of milliseconds ≥ 0`);
  }
  if (!Number.isInteger(o.decisionSlaHours) || o.decisionSlaHours < 1)
    throw Errors.ConfigInvalid("priceActivation.decisionSlaHours must be a whole number of hours ≥ 1");
  if (!isTimeZone(o.defaultTimeZone))
    throw Errors.ConfigInvalid(`priceActivation.defaultTimeZone "${o.defaultTimeZone}" is not an IANA time zone`);
  const { startMonth, pattern } = o.fiscalCalendar;
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12)
    throw Errors.ConfigInvalid("priceActivation.fiscalCalendar.startMonth must be a month number 1–12");
  if (!PATTERNS.includes(pattern))
    throw Errors.ConfigInvalid(`priceActivation.fiscalCalendar.pattern must be one of ${PATTERNS.join(", ")}`);
  return o;
}
