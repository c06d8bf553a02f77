import { Errors } from "../errors/index.js";
import { migrate } from "./migrate.js";
import { openPgliteStore } from "./pglite-store.js";
import { openPostgresStore } from "./postgres-store.js";
import type { Store } from "./store.js";

/**
 * Opens and migrates the store a URL names:
 * `memory:` (PGlite in memory), `pglite:<folder>` (PGlite in a data folder),
 * `postgres://…` or `postgresql://…` (server; `?schema=name` isolates a tenant or a test).
 */
export async function openStore(url: string): Promise<Store> {
  let store: Store;
  if (url === "memory:") store = await openPgliteStore();
  else if (url.startsWith("pglite:")) store = await openPgliteStore(url.slice("pglite:".length));
  else if (/^postgres(ql)?:\/\//.test(url)) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get("schema") ?? undefined;
    parsed.searchParams.delete("schema");
    store = await openPostgresStore({ url: parsed.toString(), ...(schema ? { schema } : {}) });
  } else {
    throw Errors.ConfigInvalid(`store URL "${url}" is not memory:, pglite:<folder> or postgres://…`);
  }
  await migrate(store);
  return store;
}
