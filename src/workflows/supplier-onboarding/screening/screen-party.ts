import type { Queryable } from "../../../store/index.js";
import { nameTokens, normalizeName, similarity } from "../name-similarity.js";
import type { ExclusionSource } from "./exclusion-entry.js";

/**
 * A name at least this similar to a listed name is a possible match for a person to review. At
 * 0.75 a plural, a typo or a dropped word of a 3-word name still matches ("Acme Medical Supply" /
 * "Acme Medical Supplies"), while another company sharing two common words does not ("Acme Medical
 * Supply" / "Zenith Medical Supply" is 0.56). Screening errs towards review: a miss is a
 * sanctionable payment, a false hit costs a person a minute.
 */
export const EXCLUSION_SIMILARITY = 0.75;

export interface ScreeningHit {
  readonly source: ExclusionSource;
  readonly entryName: string;
  readonly match: "exact" | "similar" | "identifier";
  readonly similarity: number;
  readonly excludedOn: string | null;
  readonly exclusionType: string | null;
}

/** Screens one party (its name, and DUNS/UEI when known) against every loaded exclusion list. */
export async function screenParty(
  q: Queryable,
  party: { readonly name: string; readonly duns?: string | undefined },
): Promise<ScreeningHit[]> {
  const norm = normalizeName(party.name);
  const rows = await q.query<{
    source: ExclusionSource;
    name: string;
    name_norm: string;
    ids: Record<string, string>;
    excluded_on: string | null;
    exclusion_type: string | null;
  }>(
    `SELECT source, name, name_norm, ids, excluded_on, exclusion_type FROM exclusion_list_entries
     WHERE name_norm = $1 OR tokens && $2::text[] OR ($3::text IS NOT NULL AND ids->>'duns' = $3)
     ORDER BY source, entry_no`,
    [norm, nameTokens(norm), party.duns ?? null],
  );
  const hits = new Map<string, ScreeningHit>();
  for (const r of rows) {
    const score = similarity(norm, r.name_norm);
    const match =
      party.duns && r.ids?.duns === party.duns
        ? "identifier"
        : r.name_norm === norm
          ? "exact"
          : score >= EXCLUSION_SIMILARITY
            ? "similar"
            : undefined;
    if (!match) continue;
    const key = `${r.source}\u0000${r.name}`;
    if (hits.has(key)) continue;
    hits.set(key, {
      source: r.source,
      entryName: r.name,
      match,
      similarity: Math.round(score * 100) / 100,
      excludedOn: r.excluded_on,
      exclusionType: r.exclusion_type,
    });
  }
  return [...hits.values()];
}
