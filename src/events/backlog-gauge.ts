import type { Queryable } from "../store/index.js";

/**
 * How many deliveries are waiting (pending or in flight), refreshed in the background so the
 * intake can refuse new work cheaply when the backlog passes its limit: a hub that keeps
 * accepting faster than it delivers only grows its queue and everybody's latency.
 */
export class BacklogGauge {
  private value = 0;
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly store: Queryable,
    private readonly intervalMs: number,
  ) {}

  get current(): number {
    return this.value;
  }

  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.refreshing;
  }

  refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        const [row] = await this.store.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM deliveries WHERE status IN ('pending', 'in_flight')",
        );
        this.value = row?.n ?? 0;
      } catch {
        // Keep the last value: a store hiccup should not open the gates nor close them.
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }
}
