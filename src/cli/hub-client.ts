/** The CLI's client of the hub's API: one base URL, problem+json turned into readable errors. */
export class HubClient {
  constructor(readonly baseUrl: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(new URL(path, this.baseUrl), init);
    } catch (e) {
      throw new Error(
        `cannot reach the hub at ${this.baseUrl} (${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}); is it running? (--hub or CONCORD_HUB_URL)`,
      );
    }
    return res;
  }

  /** JSON answer of a 2xx; a problem+json answer becomes an Error with its code and detail. */
  async json<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
    const res = await this.request(path, init);
    const text = await res.text();
    const body = text ? (JSON.parse(text) as T) : (undefined as T);
    if (!res.ok) throw new Error(describeProblem(res.status, body));
    return { status: res.status, body };
  }
}

export function describeProblem(status: number, body: unknown): string {
  const p = body as { code?: string; detail?: string } | undefined;
  return p?.code ? `${p.code}: ${p.detail ?? ""} (HTTP ${status})` : `the hub answered HTTP ${status}`;
}
