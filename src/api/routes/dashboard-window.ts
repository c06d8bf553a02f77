import { Type } from "@sinclair/typebox";
import { Errors } from "../../errors/index.js";

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = "^[1-9][0-9]{0,3}[mhd]$";
/** Longest window: the dashboard reads live tables, not an archive. */
const MAX_WINDOW_MS = 90 * UNIT_MS.d;
/** A chart of more points than a laptop screen has pixels says nothing more. */
const MAX_BUCKETS = 500;

/** `window` (how far back from now) and `bucket` (one chart point), as `15m`, `24h`, `7d`. */
export const WindowParams = {
  window: Type.Optional(
    Type.String({
      pattern: DURATION,
      default: "24h",
      description: "How far back from now: 15m, 24h, 7d (at most 90d)",
    }),
  ),
  bucket: Type.Optional(
    Type.String({ pattern: DURATION, default: "1h", description: "One point of the series: 5m, 1h, 1d" }),
  ),
};
export type WindowQuery = { window?: string; bucket?: string };

/** Milliseconds of a matched duration (`24h` → 86,400,000). */
export function durationMs(value: string): number {
  return Number(value.slice(0, -1)) * UNIT_MS[value.at(-1) as keyof typeof UNIT_MS];
}

/** The window and bucket of a query, refusing (400, naming the parameter) what no chart can show. */
export function readWindow(q: WindowQuery, defaults = { window: "24h", bucket: "1h" }) {
  const windowMs = durationMs(q.window ?? defaults.window);
  const bucketMs = durationMs(q.bucket ?? defaults.bucket);
  const refuse = (name: string, why: string) =>
    Errors.InputQuery(`querystring is invalid: /${name} ${why}`, { issues: [{ path: `/${name}`, message: why }] });
  if (windowMs > MAX_WINDOW_MS) throw refuse("window", "is longer than 90d");
  if (bucketMs > windowMs) throw refuse("bucket", "is longer than the window");
  if (windowMs / bucketMs > MAX_BUCKETS) {
    throw refuse("bucket", `makes more than ${MAX_BUCKETS} points of the window; choose a longer bucket`);
  }
  return { windowMs, bucketMs };
}
