import type { FastifyInstance } from "fastify";
import type { Store } from "../../store/index.js";
import type { ApiDeps } from "../api-deps.js";

/** How often the stream looks for changes: the store is shared, so another process's work shows too. */
const PULSE_MS = 1_000;
/** A comment line this often keeps proxies from closing an idle stream. */
const KEEP_ALIVE_MS = 15_000;

/**
 * Live updates for the dashboard as server-sent events (text/event-stream). The browser reads it
 * with fetch() and a streaming body rather than EventSource, because EventSource cannot send the
 * X-API-Key header: the stream is authenticated, scoped and audited exactly like every other call,
 * and no key or token ever travels in a URL (where logs, the audit log and history would keep it).
 *
 * Each `pulse` event is a small snapshot of counters (latest event, dead letters, open exceptions,
 * latest violation, backlog, latest reconciliation run), sent at once and then whenever one changes;
 * the page re-reads what it shows when a pulse differs from the last. Reading the store (not this
 * process's memory) means a worker's deliveries show up on an api process's stream too.
 */
export async function dashboardStreamRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const open = new Set<() => void>();
  app.addHook("onClose", async () => {
    for (const end of [...open]) end();
  });
  app.get(
    "/v1/dashboard/stream",
    {
      schema: { summary: "Server-sent events: a `pulse` of counters whenever operations data changes" },
      config: { scope: "operations:read" },
    },
    (request, reply) => {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      res.write("retry: 3000\n\n");
      let last = "";
      let reading = false;
      let lastWrite = Date.now();
      const tick = async () => {
        if (reading) return;
        reading = true;
        try {
          const now = JSON.stringify(await readPulse(deps.store));
          if (now !== last) {
            last = now;
            res.write(`event: pulse\ndata: ${now}\n\n`);
            lastWrite = Date.now();
          } else if (Date.now() - lastWrite >= KEEP_ALIVE_MS) {
            res.write(": keep-alive\n\n");
            lastWrite = Date.now();
          }
        } catch (err) {
          request.log.warn({ err }, "dashboard stream could not read the store; will retry");
        } finally {
          reading = false;
        }
      };
      const timer = setInterval(() => void tick(), PULSE_MS);
      const end = () => {
        clearInterval(timer);
        open.delete(end);
        if (!res.writableEnded) res.end();
      };
      open.add(end);
      request.raw.on("close", end);
      void tick();
    },
  );
}

/** The counters a pulse carries; each is read through an index (ids, partial indexes on status). */
export async function readPulse(store: Store) {
  const [row] = await store.query<Record<string, number | string>>(
    `SELECT (SELECT coalesce(max(id), 0) FROM events)::bigint AS "lastEventId",
       (SELECT count(*) FROM deliveries WHERE status = 'dead')::int AS "deadLetters",
       (SELECT count(*) FROM deliveries WHERE status IN ('pending', 'in_flight'))::int AS backlog,
       (SELECT count(*) FROM exceptions WHERE status = 'open')::int AS "openExceptions",
       (SELECT coalesce(max(id), 0) FROM policy_violations)::bigint AS "lastViolationId",
       (SELECT coalesce(max(id), 0) FROM reconciliation_runs WHERE status = 'completed')::bigint AS "lastRunId"`,
  );
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}
