import pg from "pg";
import { Errors } from "../errors/index.js";
import type { Queryable, Row, Store, WakeTopic } from "./store.js";
import { typeParsers } from "./type-parsers.js";

const types = {
  getTypeParser: (oid: number, format?: string) => typeParsers[oid] ?? pg.types.getTypeParser(oid, format as "text"),
};

export interface PostgresStoreOptions {
  readonly url: string;
  /** Tests give each suite its own schema instead of wiping shared tables. */
  readonly schema?: string;
  readonly maxConnections?: number;
}

/** Server store: a pg pool. Same SQL as PGlite; claims rely on FOR UPDATE SKIP LOCKED across processes. */
export async function openPostgresStore(opts: PostgresStoreOptions): Promise<Store> {
  if (opts.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema)) {
    throw Errors.ConfigInvalid(`schema "${opts.schema}" must be lower-case letters, digits and _ (a plain SQL name)`);
  }
  if (opts.schema) {
    const admin = new pg.Client({ connectionString: opts.url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.maxConnections ?? 10,
    types,
    // Names this hub's sessions in pg_stat_activity (per schema), for operators and the reconnect tests.
    application_name: `concord${opts.schema ? `:${opts.schema}` : ""}`,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on("error", () => {});
  const channel = (topic: WakeTopic) => `concord_${topic}${opts.schema ? `_${opts.schema}` : ""}`;
  const run = async <R extends Row>(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) =>
    (await client.query<R>(sql, params as unknown[] | undefined)).rows;
  return {
    dialect: "postgres",
    query: (sql, params) => run(pool, sql, params),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      // A checked-out client whose connection dies (failover, terminated backend) emits 'error'
      // besides failing its query; unheard, that event would crash the process. The broken
      // client is destroyed on release instead of going back to the pool.
      let broken: Error | undefined;
      const onError = (e: Error) => {
        broken = e;
      };
      client.on("error", onError);
      try {
        await client.query("BEGIN");
        const result = await fn({ query: (sql, params) => run(client, sql, params) });
        await client.query("COMMIT");
        return result;
      } catch (e) {
        await client.query("ROLLBACK").catch((rollbackError: Error) => {
          broken ??= rollbackError;
        });
        throw e;
      } finally {
        client.off("error", onError);
        client.release(broken);
      }
    },
    async notify(topic) {
      await pool.query("SELECT pg_notify($1, '')", [channel(topic)]).catch(() => {});
    },
    listen: (topic, onWake) => listenOn(opts.url, channel(topic), onWake),
    close: () => pool.end(),
  };
}

/**
 * LISTEN on a dedicated connection (pooled ones come and go). When the server drops it (restart,
 * terminated backend), it reconnects with backoff and wakes once, since a notify may have been
 * missed in between.
 */
async function listenOn(url: string, channel: string, onWake: () => void): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (delayMs: number): Promise<void> => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url, application_name: `concord-listen:${channel}` });
    c.on("notification", (n) => {
      if (n.channel === channel) onWake();
    });
    c.on("error", () => {
      c.end().catch(() => {});
      if (client === c) client = undefined;
      if (!stopped) retry = setTimeout(() => void connect(Math.min(delayMs * 2, 5_000)), delayMs);
    });
    try {
      await c.connect();
      await c.query(`LISTEN "${channel}"`);
      client = c;
      onWake();
    } catch {
      await c.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect(Math.min(delayMs * 2, 5_000)), delayMs);
    }
  };
  await connect(100);
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}
