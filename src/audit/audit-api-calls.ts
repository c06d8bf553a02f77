import type { FastifyReply, FastifyRequest } from "fastify";
import { GroupCommit } from "../events/index.js";
import type { Store } from "../store/index.js";
import type { AuditEntry } from "./audit-record.js";
import { appendAudit } from "./sql/append-audit.js";

export interface AuditApiCallsOptions {
  /** Route patterns not recorded (default ["/healthz"]: probes every few seconds say nothing). */
  readonly excludeRoutes?: readonly string[];
  /** Calls written per transaction at most (default 256). */
  readonly maxBatch?: number;
}

export interface ApiCallAuditor {
  /** The Fastify onResponse hook: add it on the root instance before any route is registered. */
  readonly onResponse: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** Resolves when every call answered so far is in the log (shutdown, tests). */
  drain(): Promise<void>;
}

const CORRELATION = /^[\w.:-]{1,100}$/;
const SYSTEM = /^[\w.:-]{1,40}$/;

/**
 * One audit record per API call (method, route pattern, status, client, X-Concord-System, correlation id,
 * duration), written after the answer left, calls that finish together sharing one transaction
 * (group commit): the hot path pays for neither the write nor the chain lock.
 *
 * @example const auditor = auditApiCalls(store); app.addHook("onResponse", auditor.onResponse);
 */
export function auditApiCalls(store: Store, opts: AuditApiCallsOptions = {}): ApiCallAuditor {
  const excluded = new Set(opts.excludeRoutes ?? ["/healthz"]);
  const commit = new GroupCommit<AuditEntry>(async (batch) => {
    await appendAudit(store, batch);
    return undefined;
  }, opts.maxBatch ?? 256);
  return {
    async onResponse(request, reply) {
      // No route matched (a 404): record the path, without its query string, which may carry anything.
      const route = request.routeOptions.url ?? request.url.split("?")[0]!;
      if (excluded.has(route)) return;
      const system = header(request, "x-concord-system", SYSTEM);
      const correlationId = header(request, "x-correlation-id", CORRELATION);
      // The authenticated client is the actor; refused calls (401/403) are recorded the same way.
      const clientId = request.principal?.clientId;
      const entry: AuditEntry = {
        actor: clientId ?? system ?? "anonymous",
        action: "api.call",
        subjectType: "route",
        subjectId: `${request.method} ${route}`,
        detail: {
          method: request.method,
          route,
          status: reply.statusCode,
          ...(clientId ? { clientId } : {}),
          ...(system ? { system } : {}),
          ...(correlationId ? { correlationId } : {}),
          durationMs: Math.round(reply.elapsedTime * 10) / 10,
        },
      };
      // Not awaited: the client already has its answer, and a slow store must not hold Fastify's
      // request bookkeeping. A failed write is logged; the call itself stays answered.
      commit.add(entry).catch((e: unknown) => request.log.error({ err: e }, "audit record of an API call not written"));
    },
    drain: () => commit.drain(),
  };
}

/** A header as recorded: one value, in a plain form, else left out (a client chooses what it sends). */
function header(request: FastifyRequest, name: string, form: RegExp): string | undefined {
  const v = request.headers[name];
  return typeof v === "string" && form.test(v) ? v : undefined;
}
