import type { Contract } from "../../model/index.js";
import type { Queryable } from "../store.js";

/**
 * The released versions that may price the item at one facility: as releasedVersionsPricing, minus
 * a version whose activation at this facility has not fired yet (the previous version prices until
 * then) and a withdrawn version (its predecessor's terms stand again at once). A version with no
 * activation for the facility (the facility is off its roster, or the version predates activations)
 * is left to the resolver's dates and eligibility.
 */
export async function activatedVersionsPricing(q: Queryable, itemId: string, facilityId: string): Promise<Contract[]> {
  const rows = await q.query<{ body: Contract }>(
    `SELECT v.body FROM contract_versions v
     WHERE v.released_at IS NOT NULL
       AND v.contract_id IN (SELECT contract_id FROM contract_item_index WHERE item_id = $1)
       AND NOT EXISTS (SELECT 1 FROM price_activations a
         WHERE a.facility_id = $2 AND a.contract_id = v.contract_id AND a.version = v.version AND a.status <> 'activated')
       AND NOT EXISTS (SELECT 1 FROM price_activation_plans p
         WHERE p.contract_id = v.contract_id AND p.version = v.version AND p.status = 'withdrawn')`,
    [itemId, facilityId],
  );
  return rows.map((r) => r.body);
}
