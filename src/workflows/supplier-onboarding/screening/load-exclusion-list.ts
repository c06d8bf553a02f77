import type { Store } from "../../../store/index.js";
import { nameTokens, normalizeName } from "../name-similarity.js";
import type { ExclusionEntry, ExclusionSource } from "./exclusion-entry.js";

const BATCH = 2_000;

/**
 * Replaces one source's list with `entries` in one transaction: screening sees the old list or
 * the new one, never half of each, and a file that fails half-way changes nothing.
 * Returns how many entries were loaded.
 */
export async function loadExclusionList(
  store: Store,
  source: ExclusionSource,
  entries: AsyncIterable<ExclusionEntry> | Iterable<ExclusionEntry>,
  file: { readonly name: string; readonly sha256: string },
): Promise<number> {
  return store.transaction(async (tx) => {
    await tx.query("DELETE FROM exclusion_list_entries WHERE source = $1", [source]);
    let n = 0;
    let batch: ExclusionEntry[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const norms = batch.map((e) => normalizeName(e.name));
      await tx.query(
        `INSERT INTO exclusion_list_entries (source, entry_no, name, name_norm, tokens, entity_kind, address, state, ids,
           excluded_on, exclusion_type)
         SELECT $1, n + $2, name, norm, string_to_array(toks, ' '), kind, address, state, ids::json, excluded_on, excl_type
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
           WITH ORDINALITY AS e(name, norm, toks, kind, address, state, ids, excluded_on, excl_type, n)`,
        [
          source,
          n,
          batch.map((e) => e.name),
          norms,
          norms.map((x) => nameTokens(x).join(" ")),
          batch.map((e) => e.entityKind),
          batch.map((e) => e.address ?? null),
          batch.map((e) => e.state ?? null),
          batch.map((e) => JSON.stringify(e.ids)),
          batch.map((e) => e.excludedOn ?? null),
          batch.map((e) => e.exclusionType ?? null),
        ],
      );
      n += batch.length;
      batch = [];
    };
    for await (const entry of entries) {
      batch.push(entry);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    await tx.query("INSERT INTO exclusion_list_loads (source, file_name, sha256, entries) VALUES ($1, $2, $3, $4)", [
      source,
      file.name,
      file.sha256,
      n,
    ]);
    return n;
  });
}

/** The latest load of each source (what screening results are based on). */
export async function exclusionListLoads(
  q: Pick<Store, "query">,
): Promise<{ source: string; fileName: string; sha256: string; entries: number; loadedAt: Date }[]> {
  return q.query(
    `SELECT DISTINCT ON (source) source, file_name AS "fileName", sha256, entries, loaded_at AS "loadedAt"
     FROM exclusion_list_loads ORDER BY source, id DESC`,
  );
}
