/**
 * One business process as the dashboard measures it. A provider is a single SQL query over the
 * process's own tables that answers one row per unit of work started in the window:
 * `at` (when it started), `ok` (true: succeeded, false: failed, NULL: still running or neither)
 * and `latency_ms` (start to completion, NULL while running). Everything else (buckets,
 * percentiles, SLA compliance) is computed the same way for every process by aggregate-process.ts.
 *
 * The query receives `$1` (window start, inclusive) and `$2` (window end, exclusive).
 */
export interface ProcessProvider {
  /** Stable id, used in the API and the dashboard (`contract-propagation`). */
  readonly process: string;
  readonly title: string;
  /** What one sample is ("delivery", "onboarding", "invoice"). */
  readonly unit: string;
  /** A unit of work completed within this many milliseconds meets the SLA. */
  readonly slaMs: number;
  /** What success and latency mean here, in a sentence for the dashboard. */
  readonly definition: string;
  /** The samples query; undefined while the process has no tables to read (answered as "no data yet"). */
  readonly samplesSql: string | undefined;
}
