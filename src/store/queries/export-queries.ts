import type { Contract } from "../../model/index.js";
import type { Queryable } from "../store.js";

/**
 * Every canonical record of a type, in id order, read a page at a time (keyset pagination), so an
 * export streams with flat memory however many records there are.
 */
export async function* pageRecords<T>(q: Queryable, entityType: string, pageSize = 500): AsyncGenerator<T> {
  let after = "";
  for (;;) {
    const rows = await q.query<{ id: string; body: T }>(
      "SELECT id, body FROM canonical_records WHERE entity_type = $1 AND id > $2 ORDER BY id LIMIT $3",
      [entityType, after, pageSize],
    );
    for (const r of rows) yield r.body;
    if (rows.length < pageSize) return;
    after = rows.at(-1)!.id;
  }
}

/** The current version of every contract, in id order, a page at a time. */
export async function* pageCurrentContracts(q: Queryable, pageSize = 100): AsyncGenerator<Contract> {
  let after = "";
  for (;;) {
    const rows = await q.query<{ id: string; body: Contract }>(
      `SELECT c.id, v.body FROM contracts c JOIN contract_versions v ON v.contract_id = c.id AND v.version = c.current_version
       WHERE c.id > $1 ORDER BY c.id LIMIT $2`,
      [after, pageSize],
    );
    for (const r of rows) yield r.body;
    if (rows.length < pageSize) return;
    after = rows.at(-1)!.id;
  }
}
