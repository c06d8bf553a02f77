import type { Queryable } from "../../store.js";

/** A measuring window ending now (the store's clock), cut into equal buckets. */
export interface TimeWindow {
  readonly from: Date;
  readonly to: Date;
  readonly bucketMs: number;
}

/** The window of `windowMs` ending at the store's now: every process reads the same clock. */
export async function windowEndingNow(q: Queryable, windowMs: number, bucketMs: number): Promise<TimeWindow> {
  const [row] = await q.query<{ now: Date }>("SELECT now() AS now");
  const to = new Date(row!.now);
  return { from: new Date(to.getTime() - windowMs), to, bucketMs };
}

/** Bucket start instants, oldest first: every bucket is answered, empty ones too (a chart needs them). */
export function bucketStarts(w: TimeWindow): Date[] {
  const n = Math.ceil((w.to.getTime() - w.from.getTime()) / w.bucketMs);
  return Array.from({ length: n }, (_, i) => new Date(w.from.getTime() + i * w.bucketMs));
}

/** SQL for the bucket index of `column`, given the window start as $1 and the bucket size (ms) as `param`. */
export const bucketIndexSql = (column: string, param: string) =>
  `floor(extract(epoch FROM (${column} - $1::timestamptz)) * 1000 / ${param}::float8)::int`;
