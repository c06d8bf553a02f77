import { addDays } from "../../model/index.js";

/** How a fiscal year is cut into its twelve periods. */
export type FiscalPattern = "months" | "4-4-5" | "4-5-4" | "5-4-4";

export interface FiscalCalendar {
  /** 1–12: the month on whose first day the fiscal year starts (7 = July, common for US hospitals). */
  readonly startMonth: number;
  readonly pattern: FiscalPattern;
}

export interface FiscalPeriod {
  /** Named after the calendar year it ends in: FY2027 starting July runs 2026-07-01…2027-06-30. */
  readonly fiscalYear: number;
  readonly period: number;
  readonly quarter: number;
  readonly start: string;
  /** Inclusive. */
  readonly end: string;
}

const WEEKS: Record<Exclude<FiscalPattern, "months">, readonly number[]> = {
  "4-4-5": [4, 4, 5],
  "4-5-4": [4, 5, 4],
  "5-4-4": [5, 4, 4],
};

const pad = (n: number) => String(n).padStart(2, "0");

/** First day of fiscal year `fy`. */
export function fiscalYearStart(cal: FiscalCalendar, fy: number): string {
  return `${cal.startMonth === 1 ? fy : fy - 1}-${pad(cal.startMonth)}-01`;
}

function addMonths(day: string, months: number): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
}

/**
 * The twelve periods of a fiscal year. Week patterns (4-4-5 …) start on the first day of the
 * start month and the last period runs to the day before the next year starts, so it absorbs the
 * one or two days a 364-day pattern leaves (a simplification of retail 52/53-week calendars,
 * which end on a fixed weekday instead).
 *
 * @example fiscalPeriods({ startMonth: 7, pattern: "months" }, 2027)[0] // { start: "2026-07-01", end: "2026-07-31", … }
 */
export function fiscalPeriods(cal: FiscalCalendar, fy: number): FiscalPeriod[] {
  const yearStart = fiscalYearStart(cal, fy);
  const nextYear = fiscalYearStart(cal, fy + 1);
  const starts: string[] = [];
  if (cal.pattern === "months") {
    for (let p = 0; p < 12; p++) starts.push(addMonths(yearStart, p));
  } else {
    let day = yearStart;
    for (let p = 0; p < 12; p++) {
      starts.push(day);
      day = addDays(day, 7 * WEEKS[cal.pattern][p % 3]!);
    }
  }
  return starts.map((start, i) => ({
    fiscalYear: fy,
    period: i + 1,
    quarter: Math.floor(i / 3) + 1,
    start,
    end: addDays(starts[i + 1] ?? nextYear, -1),
  }));
}

/** The fiscal year a day falls in. */
export function fiscalYearOf(cal: FiscalCalendar, day: string): number {
  const year = Number(day.slice(0, 4));
  const fy = cal.startMonth === 1 ? year : year + 1;
  return day >= fiscalYearStart(cal, fy) ? fy : fy - 1;
}

/** The period a day falls in. */
export function fiscalPeriodOf(cal: FiscalCalendar, day: string): FiscalPeriod {
  return fiscalPeriods(cal, fiscalYearOf(cal, day)).find((p) => p.start <= day && day <= p.end)!;
}

/**
 * The first period start on or after `day`: a price aligned to the fiscal calendar never starts
 * before its contract's effective date, so an effective date inside a period moves to the next one.
 *
 * @example alignToPeriodStart({ startMonth: 1, pattern: "months" }, "2027-01-15") // "2027-02-01"
 */
export function alignToPeriodStart(cal: FiscalCalendar, day: string): string {
  const period = fiscalPeriodOf(cal, day);
  return period.start === day ? day : addDays(period.end, 1);
}
