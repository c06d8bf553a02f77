import type { EntityType, XrefTable } from "../../model/index.js";
import type { Queryable } from "../store.js";

export interface Ref {
  readonly entityType: EntityType;
  readonly id: string;
}

/** Canonical ids for a system's local ids, in one query: entityType → localId → canonicalId. */
export async function localToCanonical(q: Queryable, system: string, refs: readonly Ref[]): Promise<XrefTable> {
  if (refs.length === 0) return {};
  const rows = await q.query<{ entity_type: EntityType; local_id: string; canonical_id: string }>(
    `SELECT x.entity_type, x.local_id, x.canonical_id
     FROM xrefs x JOIN unnest($2::text[], $3::text[]) AS r(entity_type, local_id)
       ON x.entity_type = r.entity_type AND x.local_id = r.local_id
     WHERE x.system = $1`,
    [system, refs.map((r) => r.entityType), refs.map((r) => r.id)],
  );
  return tabulate(rows.map((r) => [r.entity_type, r.local_id, r.canonical_id]));
}

/** Local ids in each of `systems` for canonical ids: system → entityType → canonicalId → localId. */
export async function canonicalToLocal(
  q: Queryable,
  systems: readonly string[],
  refs: readonly Ref[],
): Promise<Record<string, XrefTable>> {
  const out: Record<string, XrefTable> = Object.fromEntries(systems.map((s) => [s, {}]));
  if (refs.length === 0 || systems.length === 0) return out;
  const rows = await q.query<{
    system: string;
    entity_type: EntityType;
    local_id: string;
    canonical_id: string;
  }>(
    `SELECT x.system, x.entity_type, x.local_id, x.canonical_id
     FROM xrefs x JOIN unnest($2::text[], $3::text[]) AS r(entity_type, canonical_id)
       ON x.entity_type = r.entity_type AND x.canonical_id = r.canonical_id
     WHERE x.system = ANY($1::text[])`,
    [systems, refs.map((r) => r.entityType), refs.map((r) => r.id)],
  );
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
