import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Errors } from "../../errors/index.js";
import type { Store } from "../../store/index.js";

declare module "fastify" {
  interface FastifyRequest {
    /** Set when this request holds an Idempotency-Key reservation that its answer must settle. */
    idempotencyHold?: { readonly clientId: string; readonly key: string };
  }
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const KEY_FORM = /^[\x21-\x7e]{1,200}$/;
/** How long a first request may run before a retry may take its reservation over. */
const LOCK_SECONDS = 60;
/** Keys are remembered this long (the window a client may retry in). */
const RETENTION_HOURS = 24;

/**
 * Idempotency-Key (draft-ietf-httpapi-idempotency-key-header) on every call that changes
 * something: the first request with a key reserves it with a fingerprint of what it asked
 * (method, route, URL, body); a retry with the same key and the same request gets the first answer
 * back (Idempotent-Replayed: true), with a different request a 422, while the first still runs a
 * 409. Keys are per client. 5xx answers are not kept: the client may retry those for real.
 */
export function installIdempotency(app: FastifyInstance, store: Store): void {
  app.decorateRequest("idempotencyHold", undefined);
  // Reservations this process could not release (its request failed because the store did): a
  // retry here takes them over at once instead of waiting out the lock.
  const abandoned = new Set<string>();
  const holdKey = (clientId: string, key: string) => `${clientId}\u0000${key}`;
  app.addHook("preHandler", async (request, reply) => {
    const key = request.headers["idempotency-key"];
    if (!MUTATING.has(request.method) || key === undefined || !request.principal) return;
    if (typeof key !== "string" || !KEY_FORM.test(key)) {
      throw Errors.InputQuery("Idempotency-Key must be 1-200 visible ASCII characters", { header: "idempotency-key" });
    }
    const clientId = request.principal.clientId;
    const route = request.routeOptions.url ?? request.url;
    const hash = fingerprint(request);
    const [reserved] = await store.query(
      `INSERT INTO idempotency_keys (client_id, key, method, route, request_hash, state, locked_until)
       VALUES ($1, $2, $3, $4, $5, 'pending', now() + make_interval(secs => $6))
       ON CONFLICT (client_id, key) DO NOTHING RETURNING 1 AS ok`,
      [clientId, key, request.method, route, hash, LOCK_SECONDS],
    );
    if (reserved) {
      request.idempotencyHold = { clientId, key };
      return;
    }
    const [row] = await store.query<{
      request_hash: string;
      state: string;
      status: number;
      content_type: string;
      body: string;
      expired: boolean;
    }>(
      `SELECT request_hash, state, status, content_type, body, locked_until < now() AS expired
       FROM idempotency_keys WHERE client_id = $1 AND key = $2`,
      [clientId, key],
    );
    if (!row) return; // settled and swept between the two statements: treat as new, unreserved
    if (row.request_hash !== hash) {
      throw Errors.IdempotencyMismatch(`Idempotency-Key "${key}" was used for a different request`, {
        idempotencyKey: key,
      });
    }
    if (row.state === "done") return replay(reply, row);
    // A first request whose process died, or that failed here without releasing its key: the retry
    // takes the reservation over.
    const released = abandoned.has(holdKey(clientId, key));
    const [taken] =
      row.expired || released
        ? await store.query(
            `UPDATE idempotency_keys SET locked_until = now() + make_interval(secs => $3)
             WHERE client_id = $1 AND key = $2 AND state = 'pending' AND ($4 OR locked_until < now()) RETURNING 1 AS ok`,
            [clientId, key, LOCK_SECONDS, released],
          )
        : [];
    if (taken) {
      abandoned.delete(holdKey(clientId, key));
      request.idempotencyHold = { clientId, key };
      return;
    }
    throw Errors.IdempotencyInProgress(`the first request with Idempotency-Key "${key}" is still running`, {
      idempotencyKey: key,
      retryAfterSeconds: 1,
    });
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const hold = request.idempotencyHold;
    if (!hold) return payload;
    request.idempotencyHold = undefined;
    const body =
      typeof payload === "string" ? payload : Buffer.isBuffer(payload) ? payload.toString("utf8") : undefined;
    if (reply.statusCode >= 500 || body === undefined) {
      try {
        await store.query("DELETE FROM idempotency_keys WHERE client_id = $1 AND key = $2", [hold.clientId, hold.key]);
      } catch (e) {
        // The store failing is usually why this answer is a 5xx: release the key in memory instead.
        abandoned.add(holdKey(hold.clientId, hold.key));
        request.log.warn({ err: e }, "Idempotency-Key reservation not released; a retry here takes it over");
      }
    } else {
      try {
        await store.query(
          `UPDATE idempotency_keys SET state = 'done', status = $3, content_type = $4, body = $5
           WHERE client_id = $1 AND key = $2`,
          [hold.clientId, hold.key, reply.statusCode, String(reply.getHeader("content-type") ?? ""), body],
        );
      } catch (e) {
        // The change itself committed; a retry will run again and meet the operation's own
        // dedupe (message ids, versions) instead of a kept answer. The client keeps this answer.
        abandoned.add(holdKey(hold.clientId, hold.key));
        request.log.warn({ err: e }, "answer to an Idempotency-Key not kept; a retry here runs again");
      }
    }
    return payload;
  });

  const sweep = setInterval(() => {
    store
      .query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [RETENTION_HOURS])
      .catch((e: unknown) => app.log.warn({ err: e }, "idempotency key sweep failed"));
  }, 3_600_000);
  sweep.unref();
  app.addHook("onClose", async () => clearInterval(sweep));
}

function fingerprint(request: FastifyRequest): string {
  const body =
    request.rawBody ?? (typeof request.body === "string" ? request.body : JSON.stringify(request.body ?? null));
  return createHash("sha256").update(`${request.method} ${request.url}\n${body}`).digest("hex");
}

function replay(reply: FastifyReply, row: { status: number; content_type: string; body: string }): FastifyReply {
  if (row.content_type) void reply.header("content-type", row.content_type);
  return reply.code(row.status).header("idempotent-replayed", "true").send(row.body);
}
