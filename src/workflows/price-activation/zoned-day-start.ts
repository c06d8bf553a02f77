const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats dates as YYYY-MM-DD, so the local date compares as a string.
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this runtime knows (Intl throws a RangeError otherwise). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar day (YYYY-MM-DD) an instant falls on in a time zone.
 *
 * @example localDay(new Date("2027-01-01T04:59:59Z"), "America/New_York") // "2026-12-31"
 */
export function localDay(at: Date, timeZone: string): string {
  const parts = formatter(timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

const HOUR = 3_600_000;

/**
 * The first instant of a calendar day in a time zone: the smallest instant whose local day is
 * `day`. A binary search over instants rather than offset arithmetic, because a DST change at
 * midnight (America/Havana, Asia/Beirut, America/Santiago) means some days start at 01:00 and
 * there is no local midnight to convert. Offsets lie within UTC−12…UTC+14, so the day starts
 * within 14 hours before or 12 hours after its UTC midnight.
 *
 * @example zonedDayStart("2027-01-01", "America/New_York") // 2027-01-01T05:00:00.000Z
 */
export function zonedDayStart(day: string, timeZone: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(utcMidnight)) throw new RangeError(`invalid day ${JSON.stringify(day)}: expected YYYY-MM-DD`);
  let lo = utcMidnight - 15 * HOUR; // local day is before `day` here
  let hi = utcMidnight + 13 * HOUR; // local day is `day` or later here
  // Zone offsets are whole minutes; stop at minute resolution, then the exact instant is `hi`.
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000;
    if (localDay(new Date(mid), timeZone) >= day) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}
