import { PGlite } from "@electric-sql/pglite";
import type { Queryable, Row, Store, WakeTopic } from "./store.js";
import { typeParsers } from "./type-parsers.js";

/** Embedded store: PostgreSQL compiled to WASM, in a data folder (or in memory when dataDir is absent). */
export async function openPgliteStore(dataDir?: string): Promise<Store> {
  const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), parsers: typeParsers });
  const asQueryable = (q: Pick<PGlite, "query">): Queryable => ({
    async query<R extends Row = Row>(sql: string, params?: readonly unknown[]) {
      const res = await q.query<R>(sql, params as unknown[] | undefined);
      return res.rows;
    },
  });
  const root = asQueryable(db);
  const listeners = new Map<WakeTopic, Set<() => void>>();
  return {
    dialect: "pglite",
    query: root.query,
    // PGlite has one connection; its own mutex serialises transactions, which is what makes
    // SKIP LOCKED claims trivially safe here. Throughput comes from batching, not parallelism.
    transaction: (fn) => db.transaction((tx) => fn(asQueryable(tx))),
    // One process owns an embedded store, so a wake-up never needs to leave it: in-process only.
    async notify(topic) {
      for (const fn of listeners.get(topic) ?? []) fn();
    },
    async listen(topic, onWake) {
      const set = listeners.get(topic) ?? new Set();
      set.add(onWake);
      listeners.set(topic, set);
      return async () => {
        set.delete(onWake);
      };
    },
    close: () => db.close(),
  };
}
