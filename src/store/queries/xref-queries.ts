import type { EntityType, XrefTable } from "../../model/index.js";
import type { Queryable } from "../store.js";

export interface Ref {
  readonly entityType: EntityType;
  readonly id: string;
}

/** Canonical ids for a system's local ids, in one query: entityType → localId → canonicalId. */
export async function localToCanonical(q: Queryable, system: string, refs: readonly Ref[]): Promise<XrefTable> {
  if (refs.length === 0) return {};
  const wanted = new Set(refs.map((r) => `${r.entityType}\u0000${r.id}`));
  const rows = await q.query<{ entity_type: EntityType; local_id: string; canonical_id: string }>(
    `SELECT entity_type, local_id, canonical_id FROM xrefs
     WHERE system = $1 AND entity_type = ANY($2::text[]) AND local_id = ANY($3::text[])`,
    [system, [...new Set(refs.map((r) => r.entityType))], [...new Set(refs.map((r) => r.id))]],
  );
  return tabulate(
    rows
      .filter((r) => wanted.has(`${r.entity_type}\u0000${r.local_id}`))
      .map((r) => [r.entity_type, r.local_id, r.canonical_id]),
  );
}

/** Local ids in each of `systems` for canonical ids: system → entityType → canonicalId → localId. */
export async function canonicalToLocal(
  q: Queryable,
  systems: readonly string[],
  refs: readonly Ref[],
): Promise<Record<string, XrefTable>> {
  const out: Record<string, XrefTable> = Object.fromEntries(systems.map((s) => [s, {}]));
  if (refs.length === 0 || systems.length === 0) return out;
  // Plain ANY() lists on indexed columns: far cheaper than joining an unnest of (type, id) pairs.
  const wanted = new Set(refs.map((r) => `${r.entityType}\u0000${r.id}`));
  const rows = (
    await q.query<{ system: string; entity_type: EntityType; local_id: string; canonical_id: string }>(
      `SELECT system, entity_type, local_id, canonical_id FROM xrefs
       WHERE system = ANY($1::text[]) AND canonical_id = ANY($2::text[])`,
      [systems, [...new Set(refs.map((r) => r.id))]],
    )
  ).filter((r) => wanted.has(`${r.entity_type}\u0000${r.canonical_id}`));
  for (const s of systems) {
    out[s] = tabulate(rows.filter((r) => r.system === s).map((r) => [r.entity_type, r.canonical_id, r.local_id]));
  }
  return out;
}

export async function upsertXrefs(
  q: Queryable,
  xrefs: readonly { system: string; entityType: string; localId: string; canonicalId: string }[],
): Promise<void> {
  if (xrefs.length === 0) return;
  await q.query(
    `INSERT INTO xrefs (system, entity_type, local_id, canonical_id)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (system, entity_type, local_id) DO UPDATE SET canonical_id = EXCLUDED.canonical_id`,
    [
      xrefs.map((x) => x.system),
      xrefs.map((x) => x.entityType),
      xrefs.map((x) => x.localId),
      xrefs.map((x) => x.canonicalId),
    ],
  );
}

function tabulate(rows: [EntityType, string, string][]): XrefTable {
  const t: Partial<Record<EntityType, Record<string, string>>> = {};
  for (const [type, from, to] of rows) {
    t[type] ??= {};
    t[type][from] = to;
  }
  return t;
}
