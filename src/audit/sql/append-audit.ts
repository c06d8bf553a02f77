import { Errors } from "../../errors/index.js";
import type { Queryable, Store } from "../../store/index.js";
import { type AuditEntry, type AuditRecord, hashAuditRecord } from "../audit-record.js";
import { canonicalJson } from "../canonical-json.js";
import { maskSensitive } from "../mask-sensitive.js";

// `at` in exactly the form that is hashed and read back (read-audit.ts formats it the same way).
const NOW_MS_UTC = `to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Appends entries to the audit chain, in order, and returns the stored records.
 *
 * Given a transaction, the records commit or roll back with the caller's change. The chain tip's
 * row lock is then held until that transaction ends, which serialises every appender on every
 * process (seq numbers stay gap-free and commit in order), so append last in a transaction, after
 * the change's own row locks: an early append makes others wait longer and can deadlock with a
 * transaction that locks the same rows first. Given the Store, it appends in its own transaction.
 *
 * @example await store.transaction(async (tx) => { await writeSupplier(tx, s); await appendAudit(tx, [entry]); });
 */
export async function appendAudit(db: Queryable | Store, entries: readonly AuditEntry[]): Promise<AuditRecord[]> {
  if (entries.length === 0) return [];
  // A bare Store would run the locking SELECT in autocommit and release the lock at once.
  if (isStore(db)) return db.transaction((tx) => appendAudit(tx, entries));
  // Masked and serialised before taking the lock: everything done under it delays other appenders.
  const prepared = entries.map((e) => ({
    actor: e.actor,
    action: e.action,
    subjectType: e.subjectType ?? null,
    subjectId: e.subjectId ?? null,
    detail: JSON.parse(canonicalJson(maskSensitive(e.detail ?? {}))) as unknown,
  }));
  const [tip] = await db.query<{ last_seq: number; last_hash: string; now: string }>(
    `SELECT last_seq, last_hash, ${NOW_MS_UTC} AS now FROM audit_chain_tip WHERE id FOR UPDATE`,
  );
  if (!tip) throw Errors.AuditChainTip("audit_chain_tip has no row, so the chain has nothing to continue from");
  let seq = tip.last_seq;
  let prevHash = tip.last_hash;
  const records = prepared.map((p): AuditRecord => {
    seq += 1;
    const content = { seq, at: tip.now, ...p, prevHash };
    const record = { ...content, hash: hashAuditRecord(content) };
    prevHash = record.hash;
    return record;
  });
  // One statement for the batch whatever its size: a single JSON parameter unpacked by the server.
  await db.query(
    `INSERT INTO audit_log (seq, at, actor, action, subject_type, subject_id, detail, prev_hash, hash)
     SELECT seq, at, actor, action, subject_type, subject_id, detail, prev_hash, hash
     FROM json_to_recordset($1::json) AS r(seq bigint, at timestamptz, actor text, action text, subject_type text,
       subject_id text, detail json, prev_hash text, hash text)`,
    [
      JSON.stringify(
        records.map((r) => ({
          seq: r.seq,
          at: r.at,
          actor: r.actor,
          action: r.action,
          subject_type: r.subjectType,
          subject_id: r.subjectId,
          detail: r.detail,
          prev_hash: r.prevHash,
          hash: r.hash,
        })),
      ),
    ],
  );
  await db.query("UPDATE audit_chain_tip SET last_seq = $1, last_hash = $2 WHERE id", [seq, prevHash]);
  return records;
}

/**
 * Records one change inside the caller's transaction, so the change and its audit record commit
 * together. Call it last in the transaction (see appendAudit).
 *
 * @example await auditChange(tx, { actor: "clm", action: "contract.version.accepted", subjectType: "contract", subjectId: "ctr-1", detail: { version: 3 } });
 */
export async function auditChange(tx: Queryable, entry: AuditEntry): Promise<AuditRecord> {
  const [record] = await appendAudit(tx, [entry]);
  return record!;
}

function isStore(db: Queryable | Store): db is Store {
  return typeof (db as Partial<Store>).transaction === "function";
}
