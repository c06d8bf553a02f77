/**
 * Calendar-date helpers for YYYY-MM-DD strings. Dates carry no time zone (the facility's zone
 * decides when a day starts), so arithmetic runs in UTC purely as a calendar, and string order is
 * date order, which lets windows be compared without parsing.
 */
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date (rejects 2025-02-30, which the schema's pattern lets through). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== "string") return false;
  const m = ISO_DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** Adds (or with a negative `days`, subtracts) whole days: addDays("2025-03-01", -1) → "2025-02-28". */
export function addDays(date: string, days: number): string {
  if (!isIsoDate(date)) throw new Error(`invalid date ${JSON.stringify(date)}: expected YYYY-MM-DD`);
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** True when `from <= on <= to`; an absent `to` is open-ended. */
export function dateInWindow(on: string, from: string, to?: string): boolean {
  return from <= on && (to === undefined || on <= to);
}
