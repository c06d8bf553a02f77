import { PGlite } from "@electric-sql/pglite";
import type { Queryable, Row, Store } from "./store.js";
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
  return {
    dialect: "pglite",
    query: root.query,
    // PGlite has one connection; its own mutex serialises transactions, which is what makes
    // SKIP LOCKED claims trivially safe here. Throughput comes from batching, not parallelism.
    transaction: (fn) => db.transaction((tx) => fn(asQueryable(tx))),
    close: () => db.close(),
  };
}
