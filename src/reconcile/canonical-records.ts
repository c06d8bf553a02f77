import type { Contract } from "../model/index.js";
import type { Queryable } from "../store/index.js";

/** A canonical master record under the id one system knows it by. */
export interface KeyedRecord {
  readonly key: string;
  readonly canonicalId: string;
  readonly body: Record<string, unknown>;
}

/**
 * Canonical suppliers or items that `system` has a cross-reference for, in the order of the
 * system's local id (byte order, as the exports sort), a page at a time (keyset pagination).
 */
export async function* masterByLocalId(
  q: Queryable,
  system: string,
  entityType: string,
  pageSize = 1000,
): AsyncGenerator<KeyedRecord> {
  let after = "";
  for (;;) {
    const rows = await q.query<{ key: string; canonical_id: string; body: Record<string, unknown> }>(
      `SELECT x.local_id AS key, x.canonical_id, r.body FROM xrefs x
         JOIN canonical_records r ON r.entity_type = x.entity_type AND r.id = x.canonical_id
       WHERE x.system = $1 AND x.entity_type = $2 AND x.local_id COLLATE "C" > $3
       ORDER BY x.local_id COLLATE "C" LIMIT $4`,
      [system, entityType, after, pageSize],
    );
    for (const r of rows) yield { key: r.key, canonicalId: r.canonical_id, body: r.body };
    if (rows.length < pageSize) return;
    after = rows.at(-1)!.key;
  }
}

/** Canonical records of a type that `system` has no cross-reference for: it cannot hold them. */
export async function* masterWithoutXref(
  q: Queryable,
  system: string,
  entityType: string,
  pageSize = 1000,
): AsyncGenerator<{ readonly canonicalId: string }> {
  let after = "";
  for (;;) {
    const rows = await q.query<{ id: string }>(
      `SELECT r.id FROM canonical_records r
       WHERE r.entity_type = $2 AND r.id > $3 AND NOT EXISTS (
         SELECT 1 FROM xrefs x WHERE x.system = $1 AND x.entity_type = r.entity_type AND x.canonical_id = r.id)
       ORDER BY r.id LIMIT $4`,
      [system, entityType, after, pageSize],
    );
    for (const r of rows) yield { canonicalId: r.id };
    if (rows.length < pageSize) return;
    after = rows.at(-1)!.id;
  }
}

export interface ExpectedContract {
  readonly number: string;
  readonly contractId: string;
  readonly version: number;
  readonly body: Contract;
}

/**
 * Per contract, in number order, the version `system` should hold: the newest one not parked
 * whose delivery to that system is not still under way (pending or in flight). A version still
 * travelling is the outbox's business, not drift; one that failed or died there is drift.
 */
export async function* expectedContracts(
  q: Queryable,
  system: string,
  pageSize = 100,
): AsyncGenerator<ExpectedContract> {
  let after = "";
  for (;;) {
    // The page of contracts is chosen first, so the version lookup runs for those rows only.
    const rows = await q.query<{ id: string; number: string; version: number | null; body: Contract | null }>(
      `WITH page AS (
         SELECT id, number FROM contracts WHERE number COLLATE "C" > $2 ORDER BY number COLLATE "C" LIMIT $3)
       SELECT p.id, p.number, v.version, v.body FROM page p
       LEFT JOIN LATERAL (
         SELECT cv.version, cv.body FROM contract_versions cv
         WHERE cv.contract_id = p.id AND cv.status <> 'parked' AND NOT EXISTS (
           SELECT 1 FROM deliveries d
           WHERE d.target = $1 AND d.business_key = 'contract:' || p.id AND d.key_version = cv.version
             AND d.status IN ('pending', 'in_flight'))
         ORDER BY cv.version DESC LIMIT 1) v ON true
       ORDER BY p.number COLLATE "C"`,
      [system, after, pageSize],
    );
    for (const r of rows) {
      // A contract with nothing settled for this system yet has no version it should hold.
      if (r.version !== null && r.body !== null) {
        yield { number: r.number, contractId: r.id, version: r.version, body: r.body };
      }
    }
    if (rows.length < pageSize) return;
    after = rows.at(-1)!.number;
  }
}
