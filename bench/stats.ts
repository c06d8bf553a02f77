/** One accepted amendment: receipt, and when its last delivery settled (undefined: never fully delivered). */
export interface Amendment {
  readonly eventId: string;
  readonly receivedAt: number;
  readonly doneAt: number | undefined;
}

export interface Summary {
  /** Amendments received in the window and fully delivered by its end, per second. */
  readonly deliveredPerSec: number;
  /** Amendments received (accepted) in the window, per second: the intake rate. */
  readonly acceptedPerSec: number;
  /** Receipt → last acknowledgment of amendments received in the window (after the drain), ms. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The same latency from the sender's send time (includes the time before the store's received_at). */
  readonly p50SendMs: number;
  readonly p99SendMs: number;
  /** Accepted but not yet fully delivered, at the window's start and end: growth = not sustained. */
  readonly backlogAtStart: number;
  readonly backlogAtEnd: number;
  readonly neverDelivered: number;
}

export function summarize(
  all: readonly Amendment[],
  window: { start: number; end: number },
  sentAt: ReadonlyMap<string, number>,
): Summary {
  const seconds = (window.end - window.start) / 1000;
  const inWindow = all.filter((a) => a.receivedAt >= window.start && a.receivedAt < window.end);
  const done = inWindow.filter((a) => a.doneAt !== undefined) as (Amendment & { doneAt: number })[];
  const byEnd = done.filter((a) => a.doneAt <= window.end);
  const latency = done.map((a) => a.doneAt - a.receivedAt).sort((x, y) => x - y);
  const sendLatency = done.map((a) => a.doneAt - (sentAt.get(a.eventId) ?? a.receivedAt)).sort((x, y) => x - y);
  const backlog = (t: number) =>
    all.filter((a) => a.receivedAt <= t && (a.doneAt === undefined || a.doneAt > t)).length;
  return {
    deliveredPerSec: byEnd.length / seconds,
    acceptedPerSec: inWindow.length / seconds,
    p50Ms: percentile(latency, 0.5),
    p99Ms: percentile(latency, 0.99),
    p50SendMs: percentile(sendLatency, 0.5),
    p99SendMs: percentile(sendLatency, 0.99),
    backlogAtStart: backlog(window.start),
    backlogAtEnd: backlog(window.end),
    neverDelivered: inWindow.length - done.length,
  };
}

/** Nearest-rank percentile of a sorted array. */
function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
