import { Pool } from "undici";
import type { DeliveryOutcome, DeliveryPort, OutboundMessage } from "../../events/index.js";
import { classifyHttpFailure, classifyNetworkFailure } from "./classify-response.js";

export interface HttpRequestPlan {
  readonly method: "POST" | "PUT";
  /** Path below the base URL (its own path prefix is kept). */
  readonly path: string;
  readonly body: unknown;
}

export interface HttpJsonConnectorOptions {
  readonly system: string;
  readonly baseUrl: string;
  /** Builds the native request from the canonical message: mapping happens here, per target. */
  readonly plan: (message: OutboundMessage) => HttpRequestPlan;
  /** Reads the target's answer: which reference it gave and whether it confirmed applying. */
  readonly outcome: (status: number, body: unknown) => DeliveryOutcome;
  readonly staleStatuses?: readonly number[];
  /** Keep-alive connections to the target. */
  readonly connections?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The transport every HTTP/JSON target shares: keep-alive pool, Idempotency-Key, correlation and
 * trace headers, and one place that classifies answers into success, retry, rejection or stale.
 */
export function createHttpJsonConnector(opts: HttpJsonConnectorOptions): DeliveryPort {
  const base = new URL(opts.baseUrl);
  const prefix = base.pathname.replace(/\/$/, "");
  const pool = new Pool(base.origin, { connections: opts.connections ?? 16, pipelining: 1 });
  const staleStatuses = new Set(opts.staleStatuses ?? [409]);
  return {
    system: opts.system,
    async deliver(message, signal) {
      const plan = opts.plan(message);
      let res: Awaited<ReturnType<Pool["request"]>>;
      try {
        res = await pool.request({
          method: plan.method,
          path: prefix + plan.path || "/",
          headers: {
            "content-type": "application/json",
            "idempotency-key": message.idempotencyKey,
            "x-correlation-id": message.correlationId,
            // The attempt's span, so the target's own traces join Concord's (W3C Trace Context).
            ...(message.traceparent ? { traceparent: message.traceparent } : {}),
            ...opts.headers,
          },
          body: JSON.stringify(plan.body),
          signal,
        });
      } catch (e) {
        throw classifyNetworkFailure(opts.system, e, signal.aborted);
      }
      let text: string;
      try {
        text = await res.body.text();
      } catch (e) {
        throw classifyNetworkFailure(opts.system, e, signal.aborted);
      }
      if (res.statusCode >= 200 && res.statusCode < 300) {
        return { ...opts.outcome(res.statusCode, parseJson(text)), httpStatus: res.statusCode };
      }
      throw classifyHttpFailure({
        system: opts.system,
        status: res.statusCode,
        headers: res.headers,
        bodyText: text,
        staleStatuses,
      });
    },
    close: () => pool.close(),
  };
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
