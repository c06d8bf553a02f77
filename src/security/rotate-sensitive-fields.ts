import { ConcordError } from "../errors/index.js";
import type { Queryable, Store } from "../store/index.js";
import type { FieldCipher } from "./field-cipher.js";
import {
  countSensitiveFieldsByKey,
  type SensitiveFieldRow,
  sensitiveContext,
  upsertSensitiveFieldRows,
} from "./sensitive-field-rows.js";

export interface RotationOptions {
  /** Values re-encrypted per transaction (default 500). */
  readonly batchSize?: number;
  /** Called after each committed batch with the running count (progress output). */
  readonly onBatch?: (rotatedSoFar: number) => void;
}

export interface RotationReport {
  /** Values re-encrypted under the active key by this run. */
  readonly rotated: number;
  readonly batches: number;
  /** Values under the active key once the run is over. */
  readonly underActiveKey: number;
  /** Values sealed with keys that are not configured: not rotated, and unreadable until the key is back. */
  readonly unknownKeys: readonly { readonly keyId: string; readonly count: number }[];
  /** Values whose envelope fails authentication (tampered with, or moved): left as they are. */
  readonly unreadable: readonly { readonly entityType: string; readonly entityId: string; readonly field: string }[];
}

type Cursor = readonly [string, string, string] | undefined;

/**
 * Re-encrypts every stored value that is not under the active key yet, `batchSize` at a time, each
 * batch in its own transaction: an interrupted run keeps what it committed, and running again
 * picks up the rest (it selects by key id, so nothing is done twice). Writers keep working
 * meanwhile; a row is locked only while its batch re-encrypts it.
 *
 * @example await rotateSensitiveFields(store, cipher, { batchSize: 1000 })
 */
export async function rotateSensitiveFields(
  store: Store,
  cipher: FieldCipher,
  opts: RotationOptions = {},
): Promise<RotationReport> {
  const batchSize = opts.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError("batchSize must be a whole number ≥ 1");
  const retired = cipher.keyIds.filter((id) => id !== cipher.activeKeyId);
  let rotated = 0;
  let batches = 0;
  const unreadable: RotationReport["unreadable"][number][] = [];
  // Keyset pagination: a row that cannot be rotated (unreadable) is passed over, not fetched forever.
  let cursor: Cursor;
  for (;;) {
    const batch = await store.transaction(async (tx) => {
      const rows = await oldKeyBatch(tx, retired, cursor, batchSize);
      const resealed: SensitiveFieldRow[] = [];
      for (const row of rows) {
        const context = sensitiveContext(row.entityType, row.entityId, row.field);
        let plaintext: string;
        try {
          plaintext = cipher.decrypt(row.envelope, context);
        } catch (e) {
          if (!(e instanceof ConcordError)) throw e;
          unreadable.push({ entityType: row.entityType, entityId: row.entityId, field: row.field });
          continue;
        }
        resealed.push({
          ...row,
          keyId: cipher.activeKeyId,
          envelope: cipher.encrypt(plaintext, context),
          fingerprint: cipher.fingerprint(plaintext, context),
        });
      }
      await upsertSensitiveFieldRows(tx, resealed);
      const tail = rows.at(-1);
      return {
        done: rows.length < batchSize,
        last: tail ? ([tail.entityType, tail.entityId, tail.field] as const) : cursor,
        count: resealed.length,
        empty: rows.length === 0,
      };
    });
    if (batch.empty) break;
    rotated += batch.count;
    batches++;
    opts.onBatch?.(rotated);
    cursor = batch.last;
    if (batch.done) break;
  }
  const byKey = await countSensitiveFieldsByKey(store);
  const unknownKeys = [...byKey]
    .filter(([keyId]) => !cipher.keyIds.includes(keyId))
    .map(([keyId, count]) => ({ keyId, count }))
    .sort((a, b) => a.keyId.localeCompare(b.keyId));
  return { rotated, batches, underActiveKey: byKey.get(cipher.activeKeyId) ?? 0, unknownKeys, unreadable };
}

/** The next rows under a configured but no longer active key, after `cursor`, locked for the batch. */
async function oldKeyBatch(
  tx: Queryable,
  retired: readonly string[],
  cursor: Cursor,
  limit: number,
): Promise<SensitiveFieldRow[]> {
  if (retired.length === 0) return [];
  const rows = await tx.query<{
    entity_type: string;
    entity_id: string;
    field: string;
    key_id: string;
    envelope: string;
    fingerprint: string;
  }>(
    `SELECT entity_type, entity_id, field, key_id, envelope, fingerprint FROM sensitive_fields
     WHERE key_id = ANY($1::text[])${cursor ? " AND (entity_type, entity_id, field) > ($3, $4, $5)" : ""}
     ORDER BY entity_type, entity_id, field LIMIT $2 FOR UPDATE`,
    cursor ? [retired, limit, ...cursor] : [retired, limit],
  );
  return rows.map((r) => ({
    entityType: r.entity_type,
    entityId: r.entity_id,
    field: r.field,
    keyId: r.key_id,
    envelope: r.envelope,
    fingerprint: r.fingerprint,
  }));
}
