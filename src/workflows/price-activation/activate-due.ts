import { appendAudit } from "../../audit/index.js";
import type { Queryable } from "../../store/index.js";

export interface VersionKey {
  readonly contractId: string;
  readonly version: number;
}

/**
 * Activates every facility of these versions whose instant has come, for versions that are
 * released and not withdrawn; in the caller's transaction (a timer firing, a release, a decision).
 * The status guard makes it once-only: a second caller finds nothing left to activate.
 * Returns the facilities activated.
 */
export async function activateDue(
  tx: Queryable,
  keys: readonly VersionKey[],
  now: Date,
  by: string,
): Promise<{ contractId: string; version: number; facilityId: string }[]> {
  if (keys.length === 0) return [];
  const activated = await tx.query<{ contractId: string; version: number; facilityId: string }>(
    `UPDATE price_activations a SET status = 'activated', activated_at = $3, activated_by = $4
     FROM unnest($1::text[], $2::int[]) AS k(contract_id, version), contract_versions v, price_activation_plans p
     WHERE a.contract_id = k.contract_id AND a.version = k.version AND a.status = 'scheduled' AND a.activate_at <= $3
       AND v.contract_id = a.contract_id AND v.version = a.version AND v.released_at IS NOT NULL
       AND p.contract_id = a.contract_id AND p.version = a.version AND p.status <> 'withdrawn'
     RETURNING a.contract_id AS "contractId", a.version, a.facility_id AS "facilityId"`,
    [keys.map((k) => k.contractId), keys.map((k) => k.version), now.toISOString(), by],
  );
  if (activated.length === 0) return [];
  // A plan whose every facility is active is done (a decision it waited for is no longer needed).
  await tx.query(
    `UPDATE price_activation_plans p SET status = 'activated', updated_at = $3
     FROM unnest($1::text[], $2::int[]) AS k(contract_id, version)
     WHERE p.contract_id = k.contract_id AND p.version = k.version AND p.status <> 'withdrawn'
       AND NOT EXISTS (SELECT 1 FROM price_activations a
         WHERE a.contract_id = p.contract_id AND a.version = p.version AND a.status = 'scheduled')`,
    [keys.map((k) => k.contractId), keys.map((k) => k.version), now.toISOString()],
  );
  const byVersion = new Map<string, { contractId: string; version: number; facilities: string[] }>();
  for (const a of activated) {
    const k = `${a.contractId}\u0000${a.version}`;
    const entry = byVersion.get(k) ?? { contractId: a.contractId, version: a.version, facilities: [] };
    entry.facilities.push(a.facilityId);
    byVersion.set(k, entry);
  }
  await appendAudit(
    tx,
    [...byVersion.values()].map((v) => ({
      actor: by,
      action: "contract.price.activated",
      subjectType: "contract",
      subjectId: v.contractId,
      detail: { version: v.version, facilities: v.facilities.sort(), at: now.toISOString() },
    })),
  );
  return activated;
}
