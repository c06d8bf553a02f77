import { SUPPLIER_SENSITIVE_FIELDS, type SupplierSensitiveField } from "../../model/index.js";
import {
  deleteSensitiveFieldRows,
  type FieldCipher,
  readSensitiveFieldRows,
  type SensitiveFieldRow,
  type SupplierSensitiveValues,
  sealSupplierSensitive,
  sensitiveContext,
  serializeSensitive,
  upsertSensitiveFieldRows,
} from "../../security/index.js";
import type { Queryable } from "../../store/index.js";

type Fingerprints = Partial<Record<SupplierSensitiveField, string>>;

/**
 * The encrypted tax ids and bank accounts of one batch of suppliers: what is held (locked for the
 * batch's transaction), how incoming values compare with it, and what to write.
 *
 * Values are compared by fingerprint, computed for the incoming value under the key of the value
 * held, so a value sealed before a key rotation still compares equal without being decrypted. A
 * held value under a key that is no longer configured cannot be compared: the batch fails with
 * CONCORD_ERR_CONFIG_INVALID rather than overwrite or ignore it.
 */
export class SupplierSensitiveWrites {
  private readonly pending = new Map<
    string,
    SensitiveFieldRow | { readonly remove: true; readonly entityId: string; readonly field: string }
  >();

  private constructor(
    private readonly cipher: FieldCipher,
    private readonly held: Map<string, Map<string, SensitiveFieldRow>>,
  ) {}

  static async load(tx: Queryable, cipher: FieldCipher, ids: readonly string[]): Promise<SupplierSensitiveWrites> {
    const held = new Map<string, Map<string, SensitiveFieldRow>>();
    for (const row of await readSensitiveFieldRows(tx, "supplier", ids, { forUpdate: true })) {
      const fields = held.get(row.entityId) ?? new Map<string, SensitiveFieldRow>();
      fields.set(row.field, row);
      held.set(row.entityId, fields);
    }
    return new SupplierSensitiveWrites(cipher, held);
  }

  /** Fingerprints of what is held and of what came, and the fields whose values differ. */
  compare(
    id: string,
    values: SupplierSensitiveValues,
  ): { readonly before: Fingerprints; readonly after: Fingerprints; readonly changed: SupplierSensitiveField[] } {
    const before: Fingerprints = {};
    const after: Fingerprints = {};
    const changed: SupplierSensitiveField[] = [];
    for (const field of SUPPLIER_SENSITIVE_FIELDS) {
      const held = this.held.get(id)?.get(field);
      const text = serializeSensitive(field, values);
      const incoming =
        text === undefined
          ? undefined
          : this.cipher.fingerprint(
              text,
              sensitiveContext("supplier", id, field),
              held?.keyId ?? this.cipher.activeKeyId,
            );
      if (held) before[field] = held.fingerprint;
      if (incoming !== undefined) after[field] = incoming;
      if (held?.fingerprint !== incoming) changed.push(field);
    }
    return { before, after, changed };
  }

  /** Seals the changed fields under the active key (a field no longer sent is removed). */
  stage(id: string, values: SupplierSensitiveValues, changed: readonly SupplierSensitiveField[]): void {
    const fields = this.held.get(id) ?? new Map<string, SensitiveFieldRow>();
    this.held.set(id, fields);
    for (const field of changed) {
      const text = serializeSensitive(field, values);
      const key = `${id}\u0000${field}`;
      if (text === undefined) {
        fields.delete(field);
        this.pending.set(key, { remove: true, entityId: id, field });
      } else {
        const row = sealSupplierSensitive(this.cipher, id, field, text);
        fields.set(field, row);
        this.pending.set(key, row);
      }
    }
  }

  /** Writes what was staged, in the caller's transaction (the same one as the records). */
  async write(tx: Queryable): Promise<void> {
    const rows: SensitiveFieldRow[] = [];
    const removals: { entityType: string; entityId: string; field: string }[] = [];
    for (const p of this.pending.values()) {
      if ("remove" in p) removals.push({ entityType: "supplier", entityId: p.entityId, field: p.field });
      else rows.push(p);
    }
    await deleteSensitiveFieldRows(tx, removals);
    await upsertSensitiveFieldRows(tx, rows);
    this.pending.clear();
  }
}
