import type { Queryable } from "../store/index.js";

/**
 * How much delivery work the hub has to do now (deliveries in flight, and pending ones already
 * due), refreshed in the background so the intake can refuse new work cheaply when it passes its
 * limit: a hub that keeps accepting faster than it delivers only grows its queue and everybody's
 * latency, and on the embedded store a long queue makes each delivery dearer (fresh deliveries
 * wait behind older versions instead of being handed to the dispatcher as they are written).
 * Work waiting on a target is not the hub falling behind and is left out: a retry not yet due,
 * and deliveries to targets whose circuit is open. The outbox holds those for as long as the
 * target needs, without closing the intake to every other target.
 */
export class BacklogGauge {
  private value = 0;
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly store: Queryable,
    private readonly intervalMs: number,
    /** Targets this process knows to be down (open circuits); none where no dispatcher runs. */
    private readonly targetsDown: () => readonly string[] = () => [],
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
          `SELECT count(*)::int AS n FROM deliveries
           WHERE (status = 'in_flight' OR (status = 'pending' AND next_attempt_at <= now()))
             AND NOT (target = ANY($1::text[]))`,
          [this.targetsDown()],
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
