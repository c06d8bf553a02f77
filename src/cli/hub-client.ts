import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./hub-api.js";

/** Where the hub is and who is calling: every CLI command that talks to the hub takes these. */
export interface HubConnection {
  readonly hubUrl: string;
  /** Sent as X-API-Key on every call (from --api-key or CONCORD_API_KEY). */
  readonly apiKey?: string | undefined;
}

/** What openapi-fetch answers: the parsed body of a 2xx in `data`, of anything else in `error`. */
interface Answer<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

/**
 * The CLI's client of the hub's API, typed from the hub's OpenAPI document (hub-api.d.ts,
 * `npm run api:types`): a path, parameter or body the routes no longer accept fails to compile.
 */
export class HubClient {
  readonly api: Client<paths>;

  constructor(readonly connection: HubConnection) {
    const { hubUrl, apiKey } = connection;
    this.api = createClient<paths>({
      baseUrl: hubUrl,
      headers: apiKey ? { "x-api-key": apiKey } : {},
      // One place turns a refused connection into advice instead of "fetch failed".
      fetch: async (request) => {
        try {
          return await fetch(request);
        } catch (e) {
          const cause =
            (e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message;
          throw new Error(`cannot reach the hub at ${hubUrl} (${cause}); is it running? (--hub or CONCORD_HUB_URL)`);
        }
      },
    });
  }

  /** The body of a 2xx answer; any other answer becomes an Error with the problem's code and detail. */
  ok<T>(answer: Answer<T>): T {
    if (answer.response.ok) return answer.data as T;
    throw new Error(this.describe(answer.response.status, answer.error));
  }

  /** A refusal for people: the problem's code and detail, and what to do about missing credentials. */
  describe(status: number, body: unknown): string {
    const text = describeProblem(status, body);
    if (status === 401 && !this.connection.apiKey) {
      return `${text}; the hub needs an API key: pass --api-key <key> or set CONCORD_API_KEY`;
    }
    return text;
  }
}

export function describeProblem(status: number, body: unknown): string {
  const p = body as { code?: string; detail?: string } | undefined;
  return p?.code ? `${p.code}: ${p.detail ?? ""} (HTTP ${status})` : `the hub answered HTTP ${status}`;
}
