import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeProgress, formatDuration, ProgressBar, type ProgressState, renderProgress } from "./progress.js";

const halfway: ProgressState = { bytesRead: 13_300_000, totalBytes: 26_600_000, rows: 400_000, elapsedMs: 10_000 };

describe("renderProgress", () => {
  it("shows the bar, percentage, bytes, rows per second and the ETA at the average speed", () => {
    const line = renderProgress(halfway, 80);
    expect(line).toHaveLength(80);
    expect(line).toMatch(/^\[█+░+\] {2}50\.0% {2}13\.3\/26\.6 MB {2}40,000 rows\/s {2}ETA 0:10$/);
    const bar = /^\[(█*)(░*)\]/.exec(line)!;
    expect(bar[1]!.length).toBe(bar[2]!.length);
  });

  it("never exceeds the width, and the filled share of the bar never exceeds the share read", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 10 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat({ max: 10 ** 7 }),
        fc.nat({ max: 10 ** 7 }),
        fc.integer({ min: 0, max: 300 }),
        (total, share, rows, elapsedMs, width) => {
          const state = { bytesRead: Math.floor(total * share), totalBytes: total, rows, elapsedMs };
          const line = renderProgress(state, width);
          expect(line.length).toBeLessThanOrEqual(width);
          const bar = /^\[(█*)(░*)\]/.exec(line);
          if (bar)
            expect(bar[1]!.length / (bar[1]!.length + bar[2]!.length)).toBeLessThanOrEqual(state.bytesRead / total);
        },
      ),
    );
  });

  it("drops the bar when the terminal is narrow and shows no ETA before anything was read", () => {
    expect(renderProgress(halfway, 50)).not.toContain("[");
    expect(renderProgress({ ...halfway, bytesRead: 0, elapsedMs: 0 }, 100)).toContain("ETA --:--");
  });

  it("shows figures without a bar or ETA when the size is unknown (a pipe)", () => {
    const line = renderProgress({ bytesRead: 2_500_000, rows: 1234, elapsedMs: 2000 }, 100);
    expect(line).toBe("2.5 MB, 1,234 rows, 617 rows/s");
  });
});

describe("formatDuration", () => {
  it("writes minutes and seconds, and hours past the hour", () => {
    expect([formatDuration(7_000), formatDuration(61_500), formatDuration(3_725_000)]).toEqual([
      "0:07",
      "1:02",
      "1:02:05",
    ]);
  });
});

function fakeOutput(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, out: { isTTY, columns: 100, write: (t: string) => writes.push(t) } };
}

describe("ProgressBar", () => {
  it("redraws in place on a terminal, at most once per interval, and ends the line on finish", () => {
    let t = 0;
    const { writes, out } = fakeOutput(true);
    const bar = new ProgressBar(out, { totalBytes: 1000, now: () => t, redrawMs: 100 });
    for (let i = 1; i <= 10; i++) {
      t = i * 30;
      bar.update({ bytes: i * 100, rows: i * 10 });
    }
    expect(writes).toHaveLength(2); // at 120 and 240; every other update fell inside the interval
    expect(writes.every((w) => w.startsWith("\r") && w.endsWith("\u001b[K"))).toBe(true);
    bar.finish();
    expect(writes.at(-2)).toContain("100.0%");
    expect(writes.at(-1)).toBe("\n");
  });

  it("prints a plain line every interval when not on a terminal", () => {
    let t = 0;
    const { writes, out } = fakeOutput(false);
    const bar = new ProgressBar(out, { totalBytes: 1000, now: () => t, lineMs: 10_000, label: "prices.csv" });
    for (let s = 1; s <= 25; s++) {
      t = s * 1000;
      bar.update({ bytes: s * 40, rows: s * 4 });
    }
    bar.finish();
    expect(writes).toEqual([
      `prices.csv ${describeProgress({ bytesRead: 400, totalBytes: 1000, rows: 40, elapsedMs: 10_000 })}\n`,
      `prices.csv ${describeProgress({ bytesRead: 800, totalBytes: 1000, rows: 80, elapsedMs: 20_000 })}\n`,
      `prices.csv ${describeProgress({ bytesRead: 1000, totalBytes: 1000, rows: 100, elapsedMs: 25_000 })}\n`,
    ]);
    expect(writes.some((w) => w.includes("\r"))).toBe(false);
  });
});
