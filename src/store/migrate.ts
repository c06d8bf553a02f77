import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Store } from "./store.js";

const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));
// Any constant works; it only has to be the same in every Concord process sharing a database.
const MIGRATION_LOCK = 4_242_001;

/**
 * Applies the numbered SQL files in migrations/ that have not run yet, all in one transaction:
 * a store is either fully migrated or untouched. Files are never edited after they land: a change
 * is a new file.
 */
export async function migrate(store: Store): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  await store.transaction(async (tx) => {
    // Serialises concurrent starters (several workers on one PostgreSQL) for the whole run.
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const done = new Set((await tx.query<{ name: string }>("SELECT name FROM schema_migrations")).map((r) => r.name));
    for (const file of files) {
      if (done.has(file)) continue;
      const sql = await readFile(MIGRATIONS_DIR + file, "utf8");
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query("INSERT INTO schema_migrations (name) VALUES ($1)", [file]);
      applied.push(file);
    }
  });
  return applied;
}

/** Statements are separated by a semicolon at the end of a line; migrations keep to that form. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter((s) => s.length > 0);
}
