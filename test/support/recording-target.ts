import Fastify, { type FastifyInstance } from "fastify";

export interface ScriptedAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  /** Apply the message, then answer (a target that applied it but whose answer got lost, e.g. with a hang). */
  readonly applyFirst?: boolean;
  /** Never answer (the client times out). */
  readonly hang?: boolean;
  /** Drop the connection without answering (a reset, as a crashing proxy would). */
  readonly reset?: boolean;
  /** Answer 200 at once but send the body a byte every this many ms (a slow drip the client must time out). */
  readonly dripMs?: number;
}

export interface Applied {
  readonly key: string;
  readonly contract: string;
  readonly revision: number;
  readonly at: number;
}

/**
 * A real HTTP target for the guarantee tests: it applies each Idempotency-Key once, refuses a
 * revision older than the one it holds (409), records everything it applied in order, and plays
 * scripted answers (failures, Retry-After, hangs) before behaving normally again.
 */
export class RecordingTarget {
  readonly applied: Applied[] = [];
  /** Every request received, with its W3C `traceparent` header when the sender traced it. */
  readonly requests: { key: string; contract: string; revision: number; at: number; traceparent?: string }[] = [];
  private readonly script: ScriptedAnswer[] = [];
  private readonly seen = new Map<string, unknown>();
  private readonly current = new Map<string, number>();
  private app: FastifyInstance | undefined;
  url = "";

  async start(): Promise<this> {
    const app = Fastify({ forceCloseConnections: true, bodyLimit: 16 * 1024 * 1024 });
    app.route({
      method: ["POST", "PUT"],
      url: "/*",
      handler: (req, reply) => this.handle(req.headers, req.body, reply),
    });
    this.url = await app.listen({ host: "127.0.0.1", port: 0 });
    this.app = app;
    return this;
  }

  /** The next answers, in order, before normal behaviour resumes. */
  enqueue(...answers: ScriptedAnswer[]): void {
    this.script.push(...answers);
  }

  appliedRevisions(contract: string): number[] {
    return this.applied.filter((a) => a.contract === contract).map((a) => a.revision);
  }

  async stop(): Promise<void> {
    await this.app?.close();
  }

  private handle(headers: Record<string, unknown>, body: unknown, reply: import("fastify").FastifyReply) {
    const key = String(headers["idempotency-key"] ?? "");
    const { contract, revision } = identify(body);
    const traceparent = headers.traceparent;
    this.requests.push({
      key,
      contract,
      revision,
      at: Date.now(),
      ...(typeof traceparent === "string" ? { traceparent } : {}),
    });
    const scripted = this.script.shift();
    if (scripted?.hang) {
      if (scripted.applyFirst) this.apply(key, contract, revision);
      return new Promise(() => {}); // never answers
    }
    if (scripted?.reset) {
      reply.raw.socket?.destroy();
      return reply.hijack();
    }
    if (scripted?.dripMs !== undefined) {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { "content-type": "application/json" });
      const timer = setInterval(() => {
        if (res.destroyed || res.writableEnded) clearInterval(timer);
        else res.write(" ");
      }, scripted.dripMs);
      res.on("close", () => clearInterval(timer));
      return;
    }
    if (scripted && !scripted.applyFirst) {
      return reply
        .code(scripted.status)
        .headers(scripted.headers ?? {})
        .send(scripted.body ?? { error: "scripted" });
    }
    if (this.seen.has(key)) return reply.code(200).send(this.seen.get(key));
    if ((this.current.get(contract) ?? 0) >= revision) {
      return reply.code(409).send({ error: "stale_revision", currentRevision: this.current.get(contract) });
    }
    const answer = this.apply(key, contract, revision);
    if (scripted)
      return reply
        .code(scripted.status)
        .headers(scripted.headers ?? {})
        .send(scripted.body ?? answer);
    return reply.code(200).send(answer);
  }

  private apply(key: string, contract: string, revision: number) {
    if (this.seen.has(key)) return this.seen.get(key);
    this.current.set(contract, revision);
    this.applied.push({ key, contract, revision, at: Date.now() });
    const answer = { receiptId: `R-${this.applied.length}`, DOCUMENT_ID: this.applied.length };
    this.seen.set(key, answer);
    return answer;
  }
}

function identify(body: unknown): { contract: string; revision: number } {
  const b = (body ?? {}) as Record<string, unknown>;
  return {
    contract: String(b.contractRef ?? b.AGREEMENT_NUM ?? b.contract_number ?? "?"),
    revision: Number(b.revision ?? b.REVISION_NUM ?? b.contract_version ?? 0),
  };
}
