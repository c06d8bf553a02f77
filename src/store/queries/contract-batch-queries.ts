import type { Contract } from "../../model/index.js";
import type { Queryable } from "../store.js";
import type { ContractVersionStatus } from "./contract-queries.js";

/**
 * Finds or creates the contract rows for several numbers and locks them for the rest of the
 * transaction, in number order so two concurrent batches cannot deadlock. A new number inserts the
 * row; an existing one takes the DO UPDATE path, which locks it and returns it as stored.
 */
export async function lockContracts(
  tx: Queryable,
  contracts: readonly { id: string; number: string; supplierId: string }[],
): Promise<Map<string, { id: string; currentVersion: number }>> {
  const byNumber = new Map(contracts.map((c) => [c.number, c]));
  const unique = [...byNumber.values()].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  const rows = await tx.query<{ id: string; number: string; current_version: number }>(
    `INSERT INTO contracts (id, number, supplier_id, current_version)
     SELECT *, 0 FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (number) DO UPDATE SET number = EXCLUDED.number
     RETURNING id, number, current_version`,
    [unique.map((c) => c.id), unique.map((c) => c.number), unique.map((c) => c.supplierId)],
  );
  return new Map(rows.map((r) => [r.number, { id: r.id, currentVersion: r.current_version }]));
}

/** The current version's body of each contract that has one. */
export async function currentBodies(q: Queryable, contractIds: readonly string[]): Promise<Map<string, Contract>> {
  if (contractIds.length === 0) return new Map();
  const rows = await q.query<{ id: string; body: Contract }>(
    `SELECT c.id, v.body FROM contracts c
     JOIN contract_versions v ON v.contract_id = c.id AND v.version = c.current_version
     WHERE c.id = ANY($1::text[])`,
    [contractIds],
  );
  return new Map(rows.map((r) => [r.id, r.body]));
}

export interface NewContractVersion {
  readonly contract: Contract;
  readonly status: ContractVersionStatus;
  readonly sourceSystem: string;
  readonly correlationId: string;
  /** Items the contract's previous version already priced (already indexed): skipped. */
  readonly indexedItems?: ReadonlySet<string>;
}

/**
 * Stores several versions in three statements: the versions, each contract's new current version
 * (the highest non-parked one given), and the item index the price lookup starts from.
 */
export async function insertContractVersions(
  tx: Queryable,
  versions: readonly NewContractVersion[],
  releaseReason = "no required targets",
): Promise<void> {
  if (versions.length === 0) return;
  const cs = versions.map((v) => v.contract);
  await tx.query(
    `INSERT INTO contract_versions (contract_id, version, body, status, source_system, correlation_id, effective_from,
       expires_on, released_at, release_reason)
     SELECT v.contract_id, v.version, v.body, v.status, v.source_system, v.correlation_id, v.effective_from, v.expires_on,
       CASE WHEN v.status = 'released' THEN now() END, CASE WHEN v.status = 'released' THEN $9::text END
     FROM unnest($1::text[], $2::int[], $3::json[], $4::text[], $5::text[], $6::text[], $7::date[], $8::date[])
       AS v(contract_id, version, body, status, source_system, correlation_id, effective_from, expires_on)
     ON CONFLICT (contract_id, version) DO NOTHING`,
    [
      cs.map((c) => c.id),
      cs.map((c) => c.version),
      cs.map((c) => JSON.stringify(c)),
      versions.map((v) => v.status),
      versions.map((v) => v.sourceSystem),
      versions.map((v) => v.correlationId),
      cs.map((c) => c.effectiveFrom),
      cs.map((c) => c.expiresOn),
      releaseReason,
    ],
  );
  const current = new Map<string, Contract>();
  for (const v of versions) {
    if (v.status === "parked") continue;
    const seen = current.get(v.contract.id);
    if (!seen || seen.version < v.contract.version) current.set(v.contract.id, v.contract);
  }
  if (current.size === 0) return;
  const latest = [...current.values()];
  await tx.query(
    `UPDATE contracts c SET current_version = u.version, supplier_id = u.supplier_id, updated_at = now()
     FROM unnest($1::text[], $2::int[], $3::text[]) AS u(id, version, supplier_id)
     WHERE c.id = u.id AND c.current_version < u.version`,
    [latest.map((c) => c.id), latest.map((c) => c.version), latest.map((c) => c.supplierId)],
  );
  // Most amendments change prices, not the item list: only new items need an index row.
  const pairs = versions
    .filter((v) => v.status !== "parked")
    .flatMap((v) =>
      [...new Set(v.contract.priceLines.map((l) => l.itemId))]
        .filter((item) => !v.indexedItems?.has(item))
        .map((item) => [item, v.contract.id] as const),
    );
  if (pairs.length === 0) return;
  await tx.query(
    `INSERT INTO contract_item_index (item_id, contract_id)
     SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
    [pairs.map(([i]) => i), pairs.map(([, c]) => c)],
  );
}
