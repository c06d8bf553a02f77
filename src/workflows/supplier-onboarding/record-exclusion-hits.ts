import type { Queryable } from "../../store/index.js";
import type { ScreeningHit } from "./screening/index.js";

/** Records screening hits on a supplier; returns only the ones not already on record. */
export async function recordExclusionHits(
  tx: Queryable,
  supplierId: string,
  hits: readonly ScreeningHit[],
  now: Date,
): Promise<ScreeningHit[]> {
  if (hits.length === 0) return [];
  const rows = await tx.query<{ source: string; entry_name: string }>(
    `INSERT INTO supplier_exclusion_hits (supplier_id, source, entry_name, match, similarity, found_at)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::real[], $6::timestamptz[])
     ON CONFLICT DO NOTHING RETURNING source, entry_name`,
    [
      supplierId,
      hits.map((h) => h.source),
      hits.map((h) => h.entryName),
      hits.map((h) => h.match),
      hits.map((h) => h.similarity),
      hits.map(() => now.toISOString()),
    ],
  );
  const fresh = new Set(rows.map((r) => `${r.source}\u0000${r.entry_name}`));
  return hits.filter((h) => fresh.has(`${h.source}\u0000${h.entryName}`));
}
