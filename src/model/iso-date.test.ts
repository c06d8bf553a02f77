import { describe, expect, it } from "vitest";
import { addDays, dateInWindow, isIsoDate } from "./iso-date.js";

describe("iso-date", () => {
  it("recognises real calendar dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2025-13-01")).toBe(false);
    expect(isIsoDate("20250101")).toBe(false);
  });

  it("adds days across month and year ends", () => {
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(() => addDays("2025-02-30", 1)).toThrow(/invalid date/);
  });

  it("checks inclusive, optionally open-ended windows", () => {
    expect(dateInWindow("2025-01-01", "2025-01-01", "2025-01-01")).toBe(true);
    expect(dateInWindow("2025-01-02", "2025-01-01", "2025-01-01")).toBe(false);
    expect(dateInWindow("2099-01-01", "2025-01-01")).toBe(true);
  });
});
