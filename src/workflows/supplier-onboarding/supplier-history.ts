import type { Queryable } from "../../store/index.js";

/** A supplier's status history: every transition of every onboarding of it, oldest first. */
export async function supplierHistory(q: Queryable, supplierId: string) {
  return q.query<{ onboardingId: string; from: string | null; to: string; reason: string; actor: string; at: Date }>(
    `SELECT t.onboarding_id AS "onboardingId", t.from_status AS "from", t.to_status AS "to", t.reason, t.actor, t.at
     FROM supplier_onboarding_transitions t JOIN supplier_onboardings o ON o.id = t.onboarding_id
     WHERE o.supplier_id = $1 ORDER BY t.id`,
    [supplierId],
  );
}
