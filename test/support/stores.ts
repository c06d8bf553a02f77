import { randomBytes } from "node:crypto";
import pg from "pg";
import { openStore, type Store } from "../../src/store/index.js";

export interface StoreKind {
  readonly name: "pglite" | "postgres";
  /** A URL for a fresh, migrated, isolated store (PGlite in memory, or its own PostgreSQL schema). */
  url(): string;
  /** Drops what url() created (PostgreSQL schemas); PGlite needs nothing. */
  cleanup(url: string): Promise<void>;
}

const POSTGRES_URL = process.env.CONCORD_TEST_POSTGRES_URL;

const pglite: StoreKind = { name: "pglite", url: () => "memory:", cleanup: async () => {} };

const postgres: StoreKind = {
  name: "postgres",
  url: () => `${POSTGRES_URL}${POSTGRES_URL!.includes("?") ? "&" : "?"}schema=t_${randomBytes(6).toString("hex")}`,
  async cleanup(url) {
    const schema = new URL(url).searchParams.get("schema");
    if (!schema) return;
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
  },
};

/**
 * Every store-backed guarantee runs on both stores. PostgreSQL joins when CONCORD_TEST_POSTGRES_URL
 * is set (.ci/run sets it); without it those cases are reported as skipped, with this reason.
 */
export const STORE_KINDS: readonly StoreKind[] = POSTGRES_URL ? [pglite, postgres] : [pglite];
export const POSTGRES_SKIP_REASON = POSTGRES_URL ? undefined : "CONCORD_TEST_POSTGRES_URL is not set";

export async function openTestStore(kind: StoreKind): Promise<{ store: Store; url: string; dispose(): Promise<void> }> {
  const url = kind.url();
  const store = await openStore(url);
  return {
    store,
    url,
    async dispose() {
      await store.close();
      await kind.cleanup(url);
    },
  };
}
