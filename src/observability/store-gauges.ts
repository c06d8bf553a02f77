import type { Queryable } from "../store/index.js";

/** What the store says, counted at scrape time: every process reports the same cluster-wide numbers. */
export interface StoreCounts {
  /** Waiting deliveries (pending, in_flight) and dead letters, per target and status. */
  readonly deliveries: readonly { readonly target: string; readonly status: string; readonly n: number }[];
  /** Open exceptions per code and age bucket (see EXCEPTION_AGES). */
  readonly exceptions: readonly { readonly code: string; readonly age: string; readonly n: number }[];
  /** Policy violations ever recorded, per rule and system. */
  readonly violations: readonly { readonly rule: string; readonly system: string; readonly n: number }[];
}

/** Age buckets of open exceptions, youngest first: how long a person has left them waiting. */
export const EXCEPTION_AGES = ["under_1h", "1h_to_1d", "1d_to_7d", "over_7d"] as const;

// One round trip. Each delivery branch matches a partial index's predicate exactly
// (deliveries_ready, deliveries_dead), so the count reads the backlog, not the delivery history.
const COUNTS_SQL = `
  SELECT 'delivery' AS kind, target AS a, status AS b, count(*)::int AS n
    FROM deliveries WHERE status IN ('pending', 'in_flight') GROUP BY target, status
  UNION ALL
  SELECT 'delivery', target, 'dead', count(*)::int FROM deliveries WHERE status = 'dead' GROUP BY target
  UNION ALL
  SELECT 'exception', code, CASE
      WHEN created_at > now() - interval '1 hour' THEN 'under_1h'
      WHEN created_at > now() - interval '1 day' THEN '1h_to_1d'
      WHEN created_at > now() - interval '7 days' THEN '1d_to_7d'
      ELSE 'over_7d' END, count(*)::int
    FROM exceptions WHERE status = 'open' GROUP BY 2, 3
  UNION ALL
  SELECT 'violation', rule, system, count(*)::int FROM policy_violations GROUP BY rule, system`;

/**
 * The store-backed gauges' numbers, read with one aggregate query and kept for `cacheMs`, so a
 * scrape (or several Prometheus servers scraping) never adds load per delivery and at most one
 * query per interval. Concurrent scrapes share the query in progress. When the store does not
 * answer, the last numbers are served and `onError` is told (the scrape still succeeds).
 */
export class StoreGauges {
  private last: StoreCounts = { deliveries: [], exceptions: [], violations: [] };
  private readAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<StoreCounts> | undefined;

  constructor(
    private readonly store: Queryable,
    private readonly cacheMs: number,
    private readonly onError: (err: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  read(): Promise<StoreCounts> {
    if (this.now() - this.readAt < this.cacheMs) return Promise.resolve(this.last);
    this.pending ??= this.query().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async query(): Promise<StoreCounts> {
    try {
      const rows = await this.store.query<{ kind: string; a: string; b: string; n: number }>(COUNTS_SQL);
      this.last = {
        deliveries: rows.filter((r) => r.kind === "delivery").map((r) => ({ target: r.a, status: r.b, n: r.n })),
        exceptions: rows.filter((r) => r.kind === "exception").map((r) => ({ code: r.a, age: r.b, n: r.n })),
        violations: rows.filter((r) => r.kind === "violation").map((r) => ({ rule: r.a, system: r.b, n: r.n })),
      };
      this.readAt = this.now();
    } catch (e) {
      this.onError(e);
    }
    return this.last;
  }
}
