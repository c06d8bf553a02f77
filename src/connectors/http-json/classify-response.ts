import { type ConcordError, Errors } from "../../errors/index.js";
import { parseRetryAfter } from "./retry-after.js";

/** Statuses that say "try again later"; everything else in 4xx is the message's own fault. */
const TRANSIENT_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

export interface HttpFailureContext {
  readonly system: string;
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly bodyText: string;
  /** Statuses this target uses to say "I already hold a newer version". */
  readonly staleStatuses: ReadonlySet<number>;
}

/** Turns a non-2xx answer into the error the dispatcher acts on: retry, exception, or park. */
export function classifyHttpFailure(c: HttpFailureContext): ConcordError {
  const snippet = c.bodyText.length > 300 ? `${c.bodyText.slice(0, 300)}…` : c.bodyText;
  const extras = { httpStatus: c.status, system: c.system, response: snippet };
  if (c.staleStatuses.has(c.status)) {
    return Errors.ConnectorStale(`${c.system} answered ${c.status}: it holds a newer version`, extras);
  }
  if (TRANSIENT_STATUSES.has(c.status) || c.status >= 500) {
    const retryAfterMs = parseRetryAfter(c.headers["retry-after"]);
    return Errors.ConnectorTransient(
      `${c.system} answered ${c.status}${retryAfterMs === undefined ? "" : ` (Retry-After ${Math.round(retryAfterMs / 1000)} s)`}`,
      {
        ...extras,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      },
    );
  }
  return Errors.ConnectorRejected(`${c.system} rejected the message with ${c.status}: ${snippet}`, extras);
}

/** Network-level failures (refused, reset, DNS) are transient; an abort is our timeout. */
export function classifyNetworkFailure(system: string, e: unknown, aborted: boolean): ConcordError {
  const message = e instanceof Error ? e.message : String(e);
  if (aborted) return Errors.ConnectorTimeout(`${system} did not answer in time`, { system });
  const code = (e as { code?: string }).code;
  return Errors.ConnectorTransient(
    `${system} unreachable: ${code ?? message}`,
    { system, networkError: code ?? message },
    e,
  );
}
