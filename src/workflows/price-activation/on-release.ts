import type { Queryable } from "../../store/index.js";
import { activateDue, type VersionKey } from "./activate-due.js";

/**
 * Called in the transaction that released versions (the price gate's acknowledgments, or an
 * approved fallback): facilities whose instant already came activate now, and a deadline decision
 * still waiting is settled by the release itself.
 */
export async function activateReleased(
  tx: Queryable,
  released: readonly VersionKey[],
  now: Date,
  by: string,
): Promise<void> {
  if (released.length === 0) return;
  const ids = released.map((k) => k.contractId);
  const versions = released.map((k) => k.version);
  const settled = await tx.query<{ exception_id: number | null }>(
    `UPDATE price_activation_plans p SET status = 'scheduled', updated_at = $3
     FROM unnest($1::text[], $2::int[]) AS k(contract_id, version)
     WHERE p.contract_id = k.contract_id AND p.version = k.version AND p.status IN ('awaiting-decision', 'keep-old-price')
     RETURNING p.exception_id`,
    [ids, versions, now.toISOString()],
  );
  const open = settled.flatMap((s) => (s.exception_id === null ? [] : [s.exception_id]));
  if (open.length > 0) {
    await tx.query(
      `UPDATE exceptions SET status = 'resolved', resolved_at = $2, resolution = $3
       WHERE id = ANY($1::bigint[]) AND status = 'open'`,
      [open, now.toISOString(), `version released by ${by}`],
    );
  }
  await activateDue(tx, released, now, by);
}
