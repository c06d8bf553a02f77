import type { Queryable } from "../../store/index.js";
import type { AuditRecord } from "../audit-record.js";

// `at` as the text that was hashed (UTC, milliseconds), never through a driver's Date.
const COLUMNS = `seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor, action,
  subject_type AS "subjectType", subject_id AS "subjectId", detail, prev_hash AS "prevHash", hash`;

/** Records after a seq, in seq order (keyset pagination: each page costs the same however deep). */
export async function readAuditPage(q: Queryable, after: number, limit: number): Promise<AuditRecord[]> {
  return q.query<AuditRecord & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
    [after, limit],
  );
}

export async function readAuditRecord(q: Queryable, seq: number): Promise<AuditRecord | undefined> {
  const [row] = await q.query<AuditRecord & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM audit_log WHERE seq = $1`,
    [seq],
  );
  return row;
}

export interface ChainTip {
  readonly seq: number;
  readonly hash: string;
}

/** The last record appended through appendAudit, as the chain tip row remembers it. */
export async function readChainTip(q: Queryable): Promise<ChainTip | undefined> {
  const [row] = await q.query<{ seq: number; hash: string }>(
    "SELECT last_seq AS seq, last_hash AS hash FROM audit_chain_tip WHERE id",
  );
  return row;
}
