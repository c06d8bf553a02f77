import type { Queryable } from "../../store/index.js";

/**
 * Gives claimed deliveries back unsent (pending, due now, the claim's attempt not counted): e.g. a
 * delivery claimed on append for a target whose circuit opened before it could be sent.
 */
export async function releaseClaims(tx: Queryable, workerId: string, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await tx.query(
    `UPDATE deliveries SET status = 'pending', attempts = attempts - 1, lease_until = NULL, claimed_by = NULL
     WHERE id = ANY($2::bigint[]) AND claimed_by = $1 AND status = 'in_flight' RETURNING id`,
    [workerId, ids],
  );
  return rows.length;
}
