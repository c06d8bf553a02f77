/** Calendar arithmetic on YYYY-MM-DD strings in UTC, so results never depend on the host's zone. */
const parse = (d: string) => {
  const [y, m, day] = d.split("-").map(Number);
  return Date.UTC(y!, m! - 1, day!);
};
const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (d: string, days: number) => fmt(parse(d) + days * 86_400_000);

export function addYears(d: string, years: number): string {
  const dt = new Date(parse(d));
  dt.setUTCFullYear(dt.getUTCFullYear() + years);
  return fmt(dt.getTime());
}

export const isoDate = (year: number, month: number, day: number) => fmt(Date.UTC(year, month - 1, day));
