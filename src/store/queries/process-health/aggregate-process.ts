import type { Queryable } from "../../store.js";
import type { ProcessProvider } from "./process-provider.js";
import { bucketIndexSql, bucketStarts, type TimeWindow } from "./time-window.js";

export interface ProcessFigures {
  /** Units of work started. */
  readonly started: number;
  readonly succeeded: number;
  readonly failed: number;
  /** Started, neither succeeded nor failed yet. */
  readonly running: number;
  /** succeeded / (succeeded + failed); null when nothing settled. */
  readonly successRate: number | null;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  /** Succeeded within the SLA / (settled + running past the SLA); null when nothing counts yet. */
  readonly slaCompliance: number | null;
}

export interface ProcessHealth {
  readonly process: string;
  readonly title: string;
  readonly unit: string;
  readonly definition: string;
  readonly slaMs: number;
  readonly status: "ok" | "no-data-yet";
  readonly totals: ProcessFigures | null;
  readonly series: readonly (ProcessFigures & { readonly at: string })[];
}

type Row = {
  bucket: number | null;
  started: number;
  succeeded: number;
  failed: number;
  within_sla: number;
  overdue_running: number;
  p50: number | null;
  p95: number | null;
};

/**
 * A process's throughput, success rate, latency percentiles and SLA compliance over the window,
 * in total and per bucket: one aggregate over the provider's samples, the same for every process.
 * Percentiles are computed by the database (percentile_cont), so the window's size never moves
 * rows to the API.
 */
export async function aggregateProcess(q: Queryable, p: ProcessProvider, w: TimeWindow): Promise<ProcessHealth> {
  const head = { process: p.process, title: p.title, unit: p.unit, definition: p.definition, slaMs: p.slaMs };
  if (p.samplesSql === undefined) return { ...head, status: "no-data-yet", totals: null, series: [] };
  const rows = await q.query<Row>(
    `WITH s AS (${p.samplesSql})
     SELECT ${bucketIndexSql("s.at", "$3")} AS bucket,
       count(*)::int AS started,
       count(*) FILTER (WHERE ok)::int AS succeeded,
       count(*) FILTER (WHERE ok = false)::int AS failed,
       count(*) FILTER (WHERE ok AND latency_ms <= $4)::int AS within_sla,
       count(*) FILTER (WHERE ok IS NULL AND s.at < $2::timestamptz - $4 * interval '1 millisecond')::int AS overdue_running,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE ok) AS p50,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE ok) AS p95
     FROM s GROUP BY GROUPING SETS ((1), ())`,
    [w.from, w.to, w.bucketMs, p.slaMs],
  );
  const total = rows.find((r) => r.bucket === null);
  const byBucket = new Map(rows.filter((r) => r.bucket !== null).map((r) => [r.bucket!, r]));
  return {
    ...head,
    status: "ok",
    totals: figures(total),
    series: bucketStarts(w).map((at, i) => ({ at: at.toISOString(), ...figures(byBucket.get(i)) })),
  };
}

function figures(r: Row | undefined): ProcessFigures {
  if (!r) {
    const none = null;
    return {
      started: 0,
      succeeded: 0,
      failed: 0,
      running: 0,
      successRate: none,
      p50Ms: none,
      p95Ms: none,
      slaCompliance: none,
    };
  }
  const settled = r.succeeded + r.failed;
  const slaBase = settled + r.overdue_running;
  return {
    started: r.started,
    succeeded: r.succeeded,
    failed: r.failed,
    running: r.started - settled,
    successRate: settled === 0 ? null : r.succeeded / settled,
    p50Ms: r.p50 === null ? null : Math.round(Number(r.p50)),
    p95Ms: r.p95 === null ? null : Math.round(Number(r.p95)),
    slaCompliance: slaBase === 0 ? null : r.within_sla / slaBase,
  };
}
