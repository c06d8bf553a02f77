import { describe, expect, it } from "vitest";
import { compileReconcileConfig, nextScheduledRun } from "./reconcile-config.js";

const erp = { system: "erp", kind: "erp" as const, baseUrl: "http://127.0.0.1:9/erp/api", target: true };

describe("the reconciliation schedule", () => {
  const daily = compileReconcileConfig({ systems: [erp], schedule: { everyHours: 24, at: "02:00" } })!.schedule!;
  const sixHourly = compileReconcileConfig({ systems: [erp], schedule: { everyHours: 6, at: "01:30" } })!.schedule!;

  it.each([
    ["2026-11-25T01:00:00Z", daily, "2026-11-25T02:00:00.000Z"],
    ["2026-11-25T02:00:00Z", daily, "2026-11-26T02:00:00.000Z"],
    ["2026-11-25T23:59:00Z", daily, "2026-11-26T02:00:00.000Z"],
    ["2026-11-25T00:10:00Z", sixHourly, "2026-11-25T01:30:00.000Z"],
    ["2026-11-25T08:00:00Z", sixHourly, "2026-11-25T13:30:00.000Z"],
    ["2026-11-25T19:30:00Z", sixHourly, "2026-11-26T01:30:00.000Z"],
    ["2026-12-31T23:00:00Z", daily, "2027-01-01T02:00:00.000Z"],
  ])("after %s the next run is at the slot after it", (now, schedule, next) => {
    expect(nextScheduledRun(new Date(now), schedule).toISOString()).toBe(next);
  });

  it("fills defaults: report only, daily at 02:00 UTC when a schedule is given, 10 s heartbeats", () => {
    expect(compileReconcileConfig(undefined)).toBeUndefined();
    expect(compileReconcileConfig({ systems: [erp], schedule: { everyHours: 24 } })).toEqual({
      systems: [erp],
      heal: false,
      entityTypes: undefined,
      schedule: { everyHours: 24, atMinute: 120 },
      heartbeatMs: 10_000,
    });
  });

  it.each([
    [{ systems: [] }, "reconcile.systems must list at least one system"],
    [{ systems: [{ ...erp, kind: "crm" }] }, "reconcile.systems[0].kind must be one of clm, procurement, erp"],
    [{ systems: [{ ...erp, baseUrl: "erp:8080" }] }, "reconcile.systems[0].baseUrl must be an http(s) URL"],
    [{ systems: [erp], entityTypes: ["invoice"] }, "reconcile.entityTypes: invoice is not one of"],
    [
      { systems: [erp], schedule: { everyHours: 0 } },
      "reconcile.schedule.everyHours must be a whole number from 1 to 744",
    ],
    [{ systems: [erp], schedule: { everyHours: 24, at: "2am" } }, 'reconcile.schedule.at must be "HH:MM" in UTC'],
  ])("refuses %j", (input, message) => {
    expect(() => compileReconcileConfig(input as never)).toThrow(message);
  });
});
