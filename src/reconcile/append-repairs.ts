import { appendEvents, type NewEvent } from "../events/index.js";
import { type Contract, contractRefs, contractXrefs } from "../model/index.js";
import { canonicalToLocal, type Queryable, type Store } from "../store/index.js";
import type { HealPlan } from "./heal-plan.js";

/** The event a contract repair travels as: the connectors map it like any contract version. */
export const CONTRACT_RESENT_EVENT = "contract.version-resent";
/**
 * Repairs have their own business key per contract: re-using `contract:<id>` would collide with
 * the idempotency key of the version's first delivery (which the target remembers and would not
 * apply again). Ordering stays safe: the payload carries the canonical version as the target's
 * revision, so a repair overtaken by a newer version is refused as stale, never applied over it.
 */
export const repairKey = (contractId: string) => `repair:contract:${contractId}`;

const BATCH = 200;

/** Writes the plan's repair events through the outbox, a batch per transaction; returns how many. */
export async function appendRepairs(store: Store, plan: HealPlan, correlationId: string): Promise<number> {
  let written = 0;
  for (const [targets, keys] of groupByTargets(plan.contracts)) {
    for (let i = 0; i < keys.length; i += BATCH) {
      const batch = keys.slice(i, i + BATCH).map((k) => {
        const [contractId, version] = k.split("\u0000");
        return { contractId: contractId!, version: Number(version) };
      });
      written += await store.transaction((tx) => appendContractRepairs(tx, batch, targets, correlationId));
    }
  }
  for (const [targets, keys] of groupByTargets(plan.masters)) {
    for (let i = 0; i < keys.length; i += BATCH) {
      const batch = keys.slice(i, i + BATCH).map((k) => {
        const [entityType, id] = k.split("\u0000");
        return { entityType: entityType as "supplier" | "item", id: id! };
      });
      written += await store.transaction((tx) => appendMasterRepairs(tx, batch, targets, correlationId));
    }
  }
  return written;
}

async function appendContractRepairs(
  tx: Queryable,
  batch: readonly { contractId: string; version: number }[],
  targets: readonly string[],
  correlationId: string,
): Promise<number> {
  const rows = await tx.query<{ contract_id: string; version: number; body: Contract }>(
    `SELECT v.contract_id, v.version, v.body FROM contract_versions v
       JOIN unnest($1::text[], $2::int[]) AS k(contract_id, version) ON v.contract_id = k.contract_id AND v.version = k.version
     ORDER BY v.contract_id, v.version`,
    [batch.map((b) => b.contractId), batch.map((b) => b.version)],
  );
  const xrefs = await canonicalToLocal(
    tx,
    targets,
    rows.flatMap((r) => contractRefs(r.body)),
  );
  const next = await nextKeyVersions(
    tx,
    rows.map((r) => repairKey(r.contract_id)),
  );
  const events: NewEvent[] = rows.map((r) => {
    const key = repairKey(r.contract_id);
    const keyVersion = next.get(key)!;
    next.set(key, keyVersion + 1);
    return {
      type: CONTRACT_RESENT_EVENT,
      businessKey: key,
      keyVersion,
      payload: { contract: r.body, xrefs: contractXrefs(xrefs, r.body) },
      correlationId,
    };
  });
  await appendEvents(
    tx,
    events,
    targets.map((target) => ({ target, required: false })),
  );
  return events.length;
}

async function appendMasterRepairs(
  tx: Queryable,
  batch: readonly { entityType: "supplier" | "item"; id: string }[],
  targets: readonly string[],
  correlationId: string,
): Promise<number> {
  const rows = await tx.query<{ entity_type: "supplier" | "item"; id: string; body: unknown }>(
    `SELECT r.entity_type, r.id, r.body FROM canonical_records r
       JOIN unnest($1::text[], $2::text[]) AS k(entity_type, id) ON r.entity_type = k.entity_type AND r.id = k.id
     ORDER BY r.entity_type, r.id`,
    [batch.map((b) => b.entityType), batch.map((b) => b.id)],
  );
  // The same events the master-data workflow writes, next in each record's key order.
  const keys = rows.map((r) => `${r.entity_type}:${r.id}`);
  const next = await nextKeyVersions(tx, keys);
  const events: NewEvent[] = rows.map((r, i) => ({
    type: `${r.entity_type}.changed`,
    businessKey: keys[i]!,
    keyVersion: next.get(keys[i]!)!,
    payload: { [r.entity_type]: r.body, system: "concord-reconcile" },
    correlationId,
  }));
  await appendEvents(
    tx,
    events,
    targets.map((target) => ({ target, required: false })),
  );
  return events.length;
}

async function nextKeyVersions(tx: Queryable, keys: readonly string[]): Promise<Map<string, number>> {
  const rows = await tx.query<{ business_key: string; v: number }>(
    "SELECT business_key, max(key_version)::int AS v FROM events WHERE business_key = ANY($1::text[]) GROUP BY business_key",
    [[...new Set(keys)]],
  );
  const last = new Map(rows.map((r) => [r.business_key, r.v]));
  return new Map(keys.map((k) => [k, (last.get(k) ?? 0) + 1]));
}

function groupByTargets(plan: ReadonlyMap<string, ReadonlySet<string>>): Map<string[], string[]> {
  const groups = new Map<string, { targets: string[]; keys: string[] }>();
  for (const [key, targets] of plan) {
    const sorted = [...targets].sort();
    const id = sorted.join("\u0000");
    const g = groups.get(id) ?? { targets: sorted, keys: [] };
    g.keys.push(key);
    groups.set(id, g);
  }
  return new Map([...groups.values()].map((g) => [g.targets, g.keys]));
}
