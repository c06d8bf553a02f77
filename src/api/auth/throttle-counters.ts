import type { Store } from "../../store/index.js";

/** Limits are per minute. */
export const THROTTLE_WINDOW_MS = 60_000;

export interface ThrottleCountersOptions {
  /** The window a limit counts over (one minute for perMinute limits). */
  readonly windowMs: number;
  /**
   * With a store: how often this process adds its counts to the shared ones and reads everyone's.
   * Without one, counters are this process's alone (the embedded hub is one process).
   */
  readonly share?: { readonly store: Store; readonly everyMs: number };
  readonly now?: () => number;
  readonly onShareFailed?: (err: unknown) => void;
}

export interface ThrottleCount {
  /** Requests counted in this window, this one included. */
  readonly current: number;
  /** Milliseconds until the window ends. */
  readonly ttl: number;
}

/**
 * Request counts per key (a client, or an address) in fixed windows aligned to the clock, so every
 * api process counts the same window. Counting is in memory and never waits for the store; shared,
 * each process adds what it counted to `api_rate_counters` every `share.everyMs` and reads back
 * every key's total for the window. A client spread over N processes is thus held to its limit
 * cluster-wide, give or take what the other processes accepted since their last share (at most
 * one share interval's worth each), instead of getting N times its limit.
 */
export class ThrottleCounters {
  private windowStart = 0;
  /** Counted here and not yet added to the shared counters. */
  private unshared = new Map<string, number>();
  /** Being added by the share in progress: still counted until the totals read back include them. */
  private sending = new Map<string, number>();
  /** Every process's total per key as last read (this process's shared counts included). */
  private shared = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private sharing: Promise<void> | undefined;
  private readonly now: () => number;

  constructor(private readonly opts: ThrottleCountersOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Counts one request for `key`; synchronous, so a throttled call costs no store round trip. */
  incr(key: string): ThrottleCount {
    const now = this.now();
    this.roll(now);
    const mine = (this.unshared.get(key) ?? 0) + 1;
    this.unshared.set(key, mine);
    const current = (this.shared.get(key) ?? 0) + (this.sending.get(key) ?? 0) + mine;
    return { current, ttl: this.windowStart + this.opts.windowMs - now };
  }

  /** Shares on a timer until stop(); a no-op for counters that are not shared. */
  start(): void {
    const share = this.opts.share;
    if (!share || this.timer) return;
    this.timer = setInterval(() => void this.share(), share.everyMs);
    this.timer.unref();
  }

  /** Stops sharing after one last share of what was counted here. */
  async stop(): Promise<void> {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.share();
  }

  /**
   * Adds this process's unshared counts to the shared ones and reads every key's total, in one
   * transaction. One share at a time; a failed one keeps its counts for the next.
   */
  share(): Promise<void> {
    this.sharing ??= this.shareOnce().finally(() => {
      this.sharing = undefined;
    });
    return this.sharing;
  }

  private async shareOnce(): Promise<void> {
    const store = this.opts.share?.store;
    if (!store) return;
    this.roll(this.now());
    const window = this.windowStart;
    const counts = this.unshared;
    this.sending = counts;
    this.unshared = new Map();
    try {
      const totals = await store.transaction(async (tx) => {
        if (counts.size > 0) {
          await tx.query(
            `INSERT INTO api_rate_counters (key, window_start, count)
             SELECT k, $1, n FROM unnest($2::text[], $3::int[]) AS u(k, n)
             ON CONFLICT (key, window_start) DO UPDATE SET count = api_rate_counters.count + EXCLUDED.count`,
            [window, [...counts.keys()], [...counts.values()]],
          );
        }
        // Windows before the previous one are of no use to anyone.
        await tx.query("DELETE FROM api_rate_counters WHERE window_start < $1", [window - this.opts.windowMs]);
        return tx.query<{ key: string; count: number }>(
          "SELECT key, count FROM api_rate_counters WHERE window_start = $1",
          [window],
        );
      });
      if (this.windowStart === window) {
        this.shared = new Map(totals.map((r) => [r.key, r.count]));
        this.sending = new Map();
      }
    } catch (e) {
      // Counted requests are kept, to share next time: a store hiccup never resets a limit.
      if (this.windowStart === window) {
        for (const [k, n] of counts) this.unshared.set(k, (this.unshared.get(k) ?? 0) + n);
        this.sending = new Map();
      }
      this.opts.onShareFailed?.(e);
    }
  }

  private roll(now: number): void {
    const start = now - (now % this.opts.windowMs);
    if (start === this.windowStart) return;
    this.windowStart = start;
    this.unshared = new Map();
    this.sending = new Map();
    this.shared = new Map();
  }
}
