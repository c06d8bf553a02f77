import { describe, expect, it } from "vitest";
import { addDays } from "../../model/index.js";
import { alignToPeriodStart, fiscalPeriodOf, fiscalPeriods, fiscalYearOf } from "./fiscal-calendar.js";

const july = { startMonth: 7, pattern: "months" } as const;
const jan445 = { startMonth: 1, pattern: "4-4-5" } as const;

describe("fiscal calendar", () => {
  it("names a July–June year after the year it ends in, with calendar-month periods", () => {
    const periods = fiscalPeriods(july, 2027);
    expect(periods).toHaveLength(12);
    expect(periods[0]).toEqual({ fiscalYear: 2027, period: 1, quarter: 1, start: "2026-07-01", end: "2026-07-31" });
    expect(periods[7]).toMatchObject({ period: 8, quarter: 3, start: "2027-02-01", end: "2027-02-28" });
    expect(periods[11]).toMatchObject({ period: 12, quarter: 4, start: "2027-06-01", end: "2027-06-30" });
    expect(fiscalYearOf(july, "2026-06-30")).toBe(2026);
    expect(fiscalYearOf(july, "2026-07-01")).toBe(2027);
  });

  it("cuts a 4-4-5 year into 28, 28 and 35-day periods, the last one running to the year's end", () => {
    const periods = fiscalPeriods(jan445, 2027);
    expect(periods.slice(0, 4).map((p) => [p.start, p.end])).toEqual([
      ["2027-01-01", "2027-01-28"],
      ["2027-01-29", "2027-02-25"],
      ["2027-02-26", "2027-04-01"],
      ["2027-04-02", "2027-04-29"],
    ]);
    expect(periods[11]).toMatchObject({ start: "2027-11-26", end: "2027-12-31", quarter: 4 });
  });

  it("leaves no gap and no overlap between periods of consecutive years, for every pattern", () => {
    for (const pattern of ["months", "4-4-5", "4-5-4", "5-4-4"] as const) {
      for (const startMonth of [1, 4, 7, 10]) {
        const cal = { startMonth, pattern };
        const all = [2026, 2027, 2028].flatMap((fy) => fiscalPeriods(cal, fy));
        for (let i = 1; i < all.length; i++) expect(all[i]!.start).toBe(addDays(all[i - 1]!.end, 1));
        expect(fiscalPeriodOf(cal, "2027-05-17").start <= "2027-05-17").toBe(true);
      }
    }
  });

  it("aligns an effective date to the first period start on or after it, never earlier", () => {
    expect(alignToPeriodStart(july, "2027-01-01")).toBe("2027-01-01");
    expect(alignToPeriodStart(july, "2027-01-15")).toBe("2027-02-01");
    expect(alignToPeriodStart(july, "2027-06-30")).toBe("2027-07-01");
    expect(alignToPeriodStart(jan445, "2027-01-29")).toBe("2027-01-29");
    expect(alignToPeriodStart(jan445, "2027-02-01")).toBe("2027-02-26");
    expect(alignToPeriodStart(jan445, "2027-12-30")).toBe("2028-01-01");
  });
});
