import { Pool } from "undici";
import { clmAmendment } from "./dataset.js";

export interface LoadOptions {
  /** Origin of the server under test (hub or baseline). */
  readonly url: string;
  readonly path: string;
  readonly concurrency: number;
  readonly contractsPerWorker: number;
  readonly warmupMs: number;
  readonly measureMs: number;
  /** Makes event ids unique across runs that share a store (they never do today, but cheap). */
  readonly tag: string;
}

export interface LoadResult {
  /** Wall-clock (Date.now()) bounds of the measured window; the store's now() uses the same clock. */
  readonly windowStart: number;
  readonly windowEnd: number;
  /** When the last in-flight request returned after the window closed. */
  readonly stoppedAt: number;
  readonly sent: number;
  readonly answeredInWindow: number;
  readonly statuses: Record<string, number>;
  /** Request → response, as the sender saw it, for requests sent inside the window (ms). */
  readonly responseMs: number[];
  /** Event id → when it was sent: the sender's view of receipt, comparable across hub and baseline. */
  readonly sentAt: Map<string, number>;
}

/**
 * Closed-loop load: `concurrency` workers, each owning its own contracts (so a contract's
 * amendments are sent in order by one sender, as the CLM would) and sending the next amendment
 * as soon as the previous one is answered. Round-robin over several contracts per worker keeps
 * the hub's per-contract ordering from serialising a worker on one contract.
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const pool = new Pool(o.url, { connections: o.concurrency, pipelining: 1, keepAliveTimeout: 60_000 });
  const start = Date.now();
  const windowStart = start + o.warmupMs;
  const windowEnd = windowStart + o.measureMs;
  const statuses: Record<string, number> = {};
  const responseMs: number[] = [];
  const sentAt = new Map<string, number>();
  let sent = 0;
  let answeredInWindow = 0;

  async function worker(w: number): Promise<void> {
    const contracts = Array.from({ length: o.contractsPerWorker }, (_, i) => w * o.contractsPerWorker + i + 1);
    const next = new Map(contracts.map((c) => [c, 2]));
    for (let k = 0; Date.now() < windowEnd; k++) {
      const c = contracts[k % contracts.length]!;
      const amendment = next.get(c)!;
      next.set(c, amendment + 1);
      const eventId = `bench-${o.tag}-${c}-${amendment}`;
      const body = JSON.stringify(clmAmendment(c, amendment, eventId));
      const t0 = Date.now();
      sentAt.set(eventId, t0);
      sent++;
      const status = await postClmEvent(pool, o.path, eventId, body, windowEnd, statuses);
      const t1 = Date.now();
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (t0 >= windowStart && t0 < windowEnd) {
        responseMs.push(t1 - t0);
        answeredInWindow++;
      }
    }
  }

  await Promise.all(Array.from({ length: o.concurrency }, (_, w) => worker(w)));
  const stoppedAt = Date.now();
  await pool.close();
  return { windowStart, windowEnd, stoppedAt, sent, answeredInWindow, statuses, responseMs, sentAt };
}

/** The benchmark's CLM client: it sends agreement events as the CLM, unthrottled (bench measures the hub). */
export const BENCH_API_KEY = "ck_bench-clm.0123456789abcdef0123456789abcdef";
/** The price-lookup benchmark's reader: prices:read only, as a buyer-facing application would be. */
export const PRICING_KEY = "ck_bench-pricing.0123456789abcdef0123456789abcdef";
export const BENCH_AUTH = {
  clients: [
    { id: "bench-clm", scopes: ["contracts:write"], systems: ["clm"], apiKeys: [BENCH_API_KEY], perMinute: 1e9 },
  ],
};

/**
 * Sends one CLM webhook the way the CLM does: a 503 with Retry-After (the hub's back-pressure) is
 * waited out and the same event sent again, until `until`. Each refused try is counted in
 * `statuses`; the final answer's status is returned for the caller to count.
 */
export async function postClmEvent(
  pool: Pool,
  path: string,
  eventId: string,
  body: string,
  until: number,
  statuses: Record<string, number>,
): Promise<string> {
  for (;;) {
    let status: string;
    let retryAfterMs: number | undefined;
    try {
      const res = await pool.request({
        method: "POST",
        path,
        headers: { "content-type": "application/json", "x-clm-event-id": eventId, "x-api-key": BENCH_API_KEY },
        body,
      });
      await res.body.text();
      status = String(res.statusCode);
      if (res.statusCode === 503) retryAfterMs = Number(res.headers["retry-after"] ?? 1) * 1000;
    } catch (e) {
      status = `error:${(e as Error).name}`;
    }
    if (retryAfterMs === undefined || Date.now() + retryAfterMs >= until) return status;
    statuses[status] = (statuses[status] ?? 0) + 1;
    await new Promise((r) => setTimeout(r, retryAfterMs));
  }
}
