import { GTIN_XREF_SYSTEM, type MasterDataSnapshot } from "../../model/index.js";
import type { Queryable, Store } from "../store.js";
import { insertContractVersions, lockContracts } from "./contract-batch-queries.js";
import { upsertXrefs } from "./xref-queries.js";

/**
 * Loads a full master-data snapshot (the initial sync from the systems of record): records,
 * cross-references, and contracts as released versions, since every system already holds them.
 * Idempotent: loading the same snapshot twice changes nothing.
 */
export async function importMasterData(store: Store, snapshot: MasterDataSnapshot): Promise<void> {
  await store.transaction(async (tx) => {
    const records = [
      ...snapshot.purchasingEntities,
      ...snapshot.facilities,
      ...snapshot.costCenters,
      ...snapshot.suppliers,
      ...snapshot.items,
    ];
    for (let i = 0; i < records.length; i += 1000) await upsertRecords(tx, records.slice(i, i + 1000));
    // Items are also known by their GTIN, the identity partners' documents carry.
    const xrefs = [
      ...snapshot.xrefs,
      ...snapshot.items.flatMap((item) =>
        item.gtin ? [{ system: GTIN_XREF_SYSTEM, entityType: "item", localId: item.gtin, canonicalId: item.id }] : [],
      ),
    ];
    for (let i = 0; i < xrefs.length; i += 5000) await upsertXrefs(tx, xrefs.slice(i, i + 5000));
    // Contracts not yet known (or known at an older version) arrive as released versions.
    const known = new Map(
      (
        await tx.query<{ id: string; current_version: number }>(
          "SELECT id, current_version FROM contracts WHERE id = ANY($1::text[])",
          [snapshot.contracts.map((c) => c.id)],
        )
      ).map((r) => [r.id, r.current_version]),
    );
    const fresh = snapshot.contracts.filter((c) => (known.get(c.id) ?? 0) < c.version);
    await lockContracts(tx, fresh);
    await insertContractVersions(
      tx,
      fresh.map((contract) => ({
        contract,
        status: "released",
        sourceSystem: "bootstrap",
        correlationId: "bootstrap",
      })),
      "initial load: every system already holds this version",
    );
  });
  // Fresh statistics after a bulk load: without them the planner guesses, and PGlite's guesses
  // made the cross-reference lookup an order of magnitude slower.
  await store.query("ANALYZE");
}

async function upsertRecords(tx: Queryable, records: readonly { kind: string; id: string }[]): Promise<void> {
  await tx.query(
    `INSERT INTO canonical_records (entity_type, id, body)
     SELECT * FROM unnest($1::text[], $2::text[], $3::json[])
     ON CONFLICT (entity_type, id) DO UPDATE SET body = EXCLUDED.body, updated_at = now()
     WHERE canonical_records.body::text IS DISTINCT FROM EXCLUDED.body::text`,
    [records.map((r) => r.kind), records.map((r) => r.id), records.map((r) => JSON.stringify(r))],
  );
}
