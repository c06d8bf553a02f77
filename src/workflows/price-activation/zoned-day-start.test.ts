import { describe, expect, it } from "vitest";
import { isTimeZone, localDay, zonedDayStart } from "./zoned-day-start.js";

describe("zonedDayStart: the first instant of a day in a facility's time zone", () => {
  it("starts 2027-01-01 at 05:00Z in New York and 08:00Z in Los Angeles", () => {
    expect(zonedDayStart("2027-01-01", "America/New_York").toISOString()).toBe("2027-01-01T05:00:00.000Z");
    expect(zonedDayStart("2027-01-01", "America/Los_Angeles").toISOString()).toBe("2027-01-01T08:00:00.000Z");
    expect(zonedDayStart("2027-01-01", "UTC").toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(zonedDayStart("2027-01-01", "Asia/Tokyo").toISOString()).toBe("2026-12-31T15:00:00.000Z");
    expect(zonedDayStart("2027-01-01", "Asia/Kolkata").toISOString()).toBe("2026-12-31T18:30:00.000Z");
  });

  it("follows daylight saving time: New York is UTC−4 in summer, and the change days start at midnight", () => {
    expect(zonedDayStart("2027-07-01", "America/New_York").toISOString()).toBe("2027-07-01T04:00:00.000Z");
    // 2027-03-14 (spring forward at 02:00) and 2027-11-07 (fall back at 02:00) still start at 00:00 local
    expect(zonedDayStart("2027-03-14", "America/New_York").toISOString()).toBe("2027-03-14T05:00:00.000Z");
    expect(zonedDayStart("2027-03-15", "America/New_York").toISOString()).toBe("2027-03-15T04:00:00.000Z");
    expect(zonedDayStart("2027-11-07", "America/New_York").toISOString()).toBe("2027-11-07T04:00:00.000Z");
    expect(zonedDayStart("2027-11-08", "America/New_York").toISOString()).toBe("2027-11-08T05:00:00.000Z");
  });

  it("starts a day whose midnight does not exist at the first instant that day has", () => {
    // Havana springs forward at 00:00 → 01:00 (2027-03-14): the day starts at 01:00 CDT = 05:00Z
    expect(zonedDayStart("2027-03-14", "America/Havana").toISOString()).toBe("2027-03-14T05:00:00.000Z");
    expect(localDay(new Date("2027-03-14T04:59:59Z"), "America/Havana")).toBe("2027-03-13");
  });

  it("names the local day of an instant, and knows real zones from made-up ones", () => {
    expect(localDay(new Date("2027-01-01T04:59:59Z"), "America/New_York")).toBe("2026-12-31");
    expect(localDay(new Date("2027-01-01T05:00:00Z"), "America/New_York")).toBe("2027-01-01");
    expect(isTimeZone("America/Chicago")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(() => zonedDayStart("2027-13-45", "UTC")).toThrow(RangeError);
  });

  it("agrees with localDay for every day of a year in several zones", () => {
    for (const zone of [
      "America/New_York",
      "America/Los_Angeles",
      "Europe/London",
      "Australia/Sydney",
      "Pacific/Chatham",
    ]) {
      for (let d = Date.parse("2027-01-01T00:00:00Z"); d < Date.parse("2028-01-01T00:00:00Z"); d += 86_400_000) {
        const day = new Date(d).toISOString().slice(0, 10);
        const start = zonedDayStart(day, zone);
        expect(localDay(start, zone)).toBe(day);
        expect(localDay(new Date(start.getTime() - 1), zone) < day).toBe(true);
      }
    }
  });
});
