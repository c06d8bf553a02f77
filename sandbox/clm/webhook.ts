import { Agent, request } from "undici";
import { type ClmEvent, EVENT_ID_HEADER, WEBHOOK_PATH } from "./event.js";

export interface WebhookOptions {
  /** First retry delay; doubles per attempt up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  maxAttempts?: number;
  /** Per-attempt timeout (headers and body). */
  timeoutMs?: number;
}

export interface Delivery {
  eventId: string;
  agreementNo: string;
  amendmentNo: number;
  /** `waiting-for-hub`: no hub URL yet; sent as soon as setHubUrl is called. */
  state: "waiting-for-hub" | "pending" | "delivered" | "failed";
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/**
 * At-least-once webhook delivery, like a real CLM: asynchronous to the API call, retried with
 * exponential backoff on network errors, 5xx and 429 (honouring Retry-After up to the cap), and
 * abandoned on any other 4xx. Events are delivered independently, so they may arrive out of order.
 */
export class WebhookSender {
  readonly deliveries: Delivery[] = [];
  private readonly events = new Map<string, ClmEvent>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly agent = new Agent({ keepAliveTimeout: 1_000 });
  private closed = false;
  private readonly o: Required<WebhookOptions>;
  /** The CLM's API key at the hub (X-API-Key): the hub only takes agreement events from its CLM client. */
  private apiKey: string | undefined;

  constructor(
    private hubUrl: string | undefined,
    opts: WebhookOptions = {},
  ) {
    this.o = { baseDelayMs: 200, maxDelayMs: 5_000, maxAttempts: 10, timeoutMs: 5_000, ...opts };
  }

  setHubUrl(url: string, apiKey?: string): void {
    this.hubUrl = url.replace(/\/+$/, "");
    this.apiKey = apiKey;
    for (const d of this.deliveries.filter((x) => x.state === "waiting-for-hub")) {
      d.state = "pending";
      void this.attempt(d);
    }
  }

  get url(): string | undefined {
    return this.hubUrl;
  }

  enqueue(event: ClmEvent): Delivery {
    const d: Delivery = {
      eventId: event.eventId,
      agreementNo: event.agreement.agreementNo,
      amendmentNo: event.agreement.amendmentNo,
      state: this.hubUrl ? "pending" : "waiting-for-hub",
      attempts: 0,
      lastStatus: null,
      lastError: null,
      createdAt: new Date().toISOString(),
      deliveredAt: null,
    };
    this.deliveries.push(d);
    this.events.set(event.eventId, event);
    if (this.hubUrl) void this.attempt(d);
    return d;
  }

  private async attempt(d: Delivery): Promise<void> {
    if (this.closed || !this.hubUrl) return;
    d.attempts++;
    let retryAfterMs = 0;
    let retry: boolean;
    try {
      const res = await request(`${this.hubUrl}${WEBHOOK_PATH}`, {
        method: "POST",
        dispatcher: this.agent,
        headers: {
          "content-type": "application/json",
          [EVENT_ID_HEADER.toLowerCase()]: d.eventId,
          ...(this.apiKey ? { "x-api-key": this.apiKey } : {}),
        },
        body: JSON.stringify(this.events.get(d.eventId)),
        headersTimeout: this.o.timeoutMs,
        bodyTimeout: this.o.timeoutMs,
      });
      await res.body.dump();
      d.lastStatus = res.statusCode;
      d.lastError = null;
      if (res.statusCode < 300) {
        d.state = "delivered";
        d.deliveredAt = new Date().toISOString();
        return;
      }
      retry = res.statusCode >= 500 || res.statusCode === 429;
      const ra = Number(res.headers["retry-after"]);
      if (Number.isFinite(ra) && ra > 0) retryAfterMs = ra * 1000;
    } catch (e) {
      if (this.closed) return;
      d.lastStatus = null;
      d.lastError = e instanceof Error ? e.message : String(e);
      retry = true;
    }
    if (!retry || d.attempts >= this.o.maxAttempts) {
      d.state = "failed";
      return;
    }
    const backoff = Math.min(this.o.baseDelayMs * 2 ** (d.attempts - 1), this.o.maxDelayMs);
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        void this.attempt(d);
      },
      Math.min(Math.max(backoff, retryAfterMs), this.o.maxDelayMs),
    );
    this.timers.add(timer);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await this.agent.destroy();
  }
}
