import type { Queryable } from "../store/index.js";

/** One encrypted value as stored in `sensitive_fields` (0005_sensitive_fields.sql). */
export interface SensitiveFieldRow {
  readonly entityType: string;
  readonly entityId: string;
  readonly field: string;
  readonly keyId: string;
  readonly envelope: string;
  readonly fingerprint: string;
}

interface DbRow {
  readonly entity_type: string;
  readonly entity_id: string;
  readonly field: string;
  readonly key_id: string;
  readonly envelope: string;
  readonly fingerprint: string;
}

const fromDb = (r: DbRow): SensitiveFieldRow => ({
  entityType: r.entity_type,
  entityId: r.entity_id,
  field: r.field,
  keyId: r.key_id,
  envelope: r.envelope,
  fingerprint: r.fingerprint,
});

/** The AAD and fingerprint context of a value: it binds the ciphertext to its record and field. */
export const sensitiveContext = (entityType: string, entityId: string, field: string) =>
  `${entityType}:${entityId}:${field}`;

/**
 * The encrypted values of these records; `forUpdate` locks them for a write in the caller's
 * transaction (the writer compares, then replaces).
 */
export async function readSensitiveFieldRows(
  q: Queryable,
  entityType: string,
  ids: readonly string[],
  opts: { readonly forUpdate?: boolean } = {},
): Promise<SensitiveFieldRow[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<DbRow & Record<string, unknown>>(
    `SELECT entity_type, entity_id, field, key_id, envelope, fingerprint FROM sensitive_fields
     WHERE entity_type = $1 AND entity_id = ANY($2::text[])
     ORDER BY entity_id, field${opts.forUpdate ? " FOR UPDATE" : ""}`,
    [entityType, [...new Set(ids)]],
  );
  return rows.map(fromDb);
}

/** Inserts or replaces encrypted values, in the caller's transaction. */
export async function upsertSensitiveFieldRows(tx: Queryable, rows: readonly SensitiveFieldRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO sensitive_fields (entity_type, entity_id, field, key_id, envelope, fingerprint)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
     ON CONFLICT (entity_type, entity_id, field) DO UPDATE
       SET key_id = EXCLUDED.key_id, envelope = EXCLUDED.envelope, fingerprint = EXCLUDED.fingerprint, updated_at = now()`,
    [
      rows.map((r) => r.entityType),
      rows.map((r) => r.entityId),
      rows.map((r) => r.field),
      rows.map((r) => r.keyId),
      rows.map((r) => r.envelope),
      rows.map((r) => r.fingerprint),
    ],
  );
}

/** Removes values a record no longer has (a full snapshot without them). */
export async function deleteSensitiveFieldRows(
  tx: Queryable,
  keys: readonly { readonly entityType: string; readonly entityId: string; readonly field: string }[],
): Promise<void> {
  if (keys.length === 0) return;
  await tx.query(
    `DELETE FROM sensitive_fields s USING unnest($1::text[], $2::text[], $3::text[]) AS k(entity_type, entity_id, field)
     WHERE s.entity_type = k.entity_type AND s.entity_id = k.entity_id AND s.field = k.field`,
    [keys.map((k) => k.entityType), keys.map((k) => k.entityId), keys.map((k) => k.field)],
  );
}

/** How many stored values each key id seals: start-up and rotation look for keys no longer configured. */
export async function countSensitiveFieldsByKey(q: Queryable): Promise<Map<string, number>> {
  const rows = await q.query<{ key_id: string; n: number }>(
    "SELECT key_id, count(*)::int AS n FROM sensitive_fields GROUP BY key_id",
  );
  return new Map(rows.map((r) => [r.key_id, r.n]));
}
