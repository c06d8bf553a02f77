import type { Socket } from "node:net";
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createRng, type Rng } from "../shared/prng.js";
import { firstError } from "../shared/validate.js";

const Int = (min: number, max: number) => Type.Integer({ minimum: min, maximum: max });

export const FaultConfigSchema = Type.Object(
  {
    latencyMs: Type.Optional(Type.Union([Int(0, 120_000), Type.Null()])),
    hangNext: Type.Optional(Type.Union([Int(0, 10_000), Type.Null()])),
    failNext: Type.Optional(
      Type.Union([
        Type.Object(
          { count: Int(0, 10_000), status: Int(400, 599), retryAfterSeconds: Type.Optional(Int(0, 86_400)) },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
    maintenanceUntil: Type.Optional(Type.Union([Type.String({ minLength: 10 }), Type.Null()])),
    rate429: Type.Optional(
      Type.Union([
        Type.Object(
          { rate: Type.Number({ minimum: 0, maximum: 1 }), retryAfterSeconds: Int(0, 86_400) },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
    rejectItems: Type.Optional(Type.Union([Type.Array(Type.String({ minLength: 1 })), Type.Null()])),
    /** Reseeds the PRNG behind rate429, so a test can pin the exact 429 sequence. */
    seed: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);
export type FaultConfig = Omit<Static<typeof FaultConfigSchema>, "seed">;

/** Each system answers injected failures in its own native error shape. */
export type ErrorBody = (status: number, code: string, message: string) => unknown;

export interface FaultInjector {
  readonly config: FaultConfig;
  /** Attach as `preHandler` on write routes only; GETs and /_faults stay healthy. */
  gate(request: FastifyRequest, reply: FastifyReply): Promise<unknown>;
  /** The subset of `ids` the rejectItems fault says to reject. */
  rejected(ids: readonly string[]): string[];
  readonly injected: {
    delayed: number;
    hung: number;
    failed: number;
    maintenance: number;
    throttled: number;
  };
}

export interface FaultOptions {
  /** Route prefix, e.g. `/clm`: the API lives at `${prefix}/_faults`. */
  prefix: string;
  seed?: number;
  errorBody: ErrorBody;
  /** How long a hung request stays open before its socket is dropped without a response. */
  hangMs?: number;
}

// Fastify validates no formats here; parse dates ourselves so the error names the field.
const validTimestamp = (s: string) => !Number.isNaN(Date.parse(s));

export function installFaults(app: FastifyInstance, opts: FaultOptions): FaultInjector {
  let config: FaultConfig = {};
  let rng: Rng = createRng(opts.seed ?? 1);
  const hung = new Map<Socket, NodeJS.Timeout>();
  const injected = { delayed: 0, hung: 0, failed: 0, maintenance: 0, throttled: 0 };
  const hangMs = opts.hangMs ?? 60_000;

  const fail = (reply: FastifyReply, status: number, code: string, message: string, retryAfter?: number) => {
    if (retryAfter !== undefined) reply.header("retry-after", String(retryAfter));
    return reply.code(status).send(opts.errorBody(status, code, message));
  };

  const injector: FaultInjector = {
    get config() {
      return config;
    },
    injected,
    rejected: (ids) => ids.filter((id) => config.rejectItems?.includes(id)),
    async gate(request, reply) {
      if (config.latencyMs) {
        injected.delayed++;
        await new Promise((r) => setTimeout(r, config.latencyMs!));
      }
      if (config.hangNext) {
        config = { ...config, hangNext: config.hangNext - 1 };
        injected.hung++;
        // Never answer: the client sees a timeout. The socket is dropped later (or on close) so a
        // hung request can never keep the process alive.
        reply.hijack();
        const socket = request.raw.socket;
        const timer = setTimeout(() => socket.destroy(), hangMs);
        timer.unref();
        hung.set(socket, timer);
        socket.once("close", () => {
          clearTimeout(timer);
          hung.delete(socket);
        });
        return reply;
      }
      if (config.maintenanceUntil) {
        const left = Date.parse(config.maintenanceUntil) - Date.now();
        if (left > 0) {
          injected.maintenance++;
          return fail(
            reply,
            503,
            "MAINTENANCE",
            `down for maintenance until ${config.maintenanceUntil}`,
            Math.ceil(left / 1000),
          );
        }
      }
      if (config.failNext && config.failNext.count > 0) {
        const f = config.failNext;
        config = { ...config, failNext: { ...f, count: f.count - 1 } };
        injected.failed++;
        return fail(reply, f.status, `HTTP_${f.status}`, "injected failure", f.retryAfterSeconds);
      }
      if (config.rate429 && rng.next() < config.rate429.rate) {
        injected.throttled++;
        return fail(reply, 429, "RATE_LIMITED", "too many requests", config.rate429.retryAfterSeconds);
      }
      return undefined;
    },
  };

  const path = `${opts.prefix}/_faults`;
  app.get(path, async () => ({ ...config, injected }));
  app.put(path, async (request, reply) => {
    const body = request.body ?? {};
    const err = firstError(FaultConfigSchema, body);
    if (err) return reply.code(400).send({ error: "invalid_faults", ...err });
    const { seed, ...patch } = body as Static<typeof FaultConfigSchema>;
    if (patch.maintenanceUntil && !validTimestamp(patch.maintenanceUntil))
      return reply
        .code(400)
        .send({ error: "invalid_faults", field: "maintenanceUntil", message: "not an ISO timestamp" });
    if (seed !== undefined) rng = createRng(seed);
    // Merge: each field given replaces that fault, null clears it, absent fields stay as they were.
    const merged: Record<string, unknown> = { ...config, ...patch };
    for (const [k, v] of Object.entries(merged)) if (v === null) delete merged[k];
    config = merged as FaultConfig;
    return { ...config, injected };
  });
  app.delete(path, async () => {
    config = {};
    rng = createRng(opts.seed ?? 1);
    return { ...config, injected };
  });
  // preClose: destroy hung sockets before the server waits for connections to drain.
  app.addHook("preClose", async () => {
    for (const [socket, timer] of hung) {
      clearTimeout(timer);
      socket.destroy();
    }
    hung.clear();
  });
  return injector;
}
