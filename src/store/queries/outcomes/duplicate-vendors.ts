import type { Queryable } from "../../store.js";

/** Onboardings checked in the window and the share whose duplicate-vendor check failed. */
export async function duplicateVendors(q: Queryable, from: Date, to: Date) {
  const [r] = await q.query<{ checked: number; duplicates: number }>(
    `SELECT count(*)::int AS checked, count(*) FILTER (WHERE c ->> 'outcome' = 'failed')::int AS duplicates
     FROM supplier_onboardings o CROSS JOIN LATERAL json_array_elements(o.checks) AS c
     WHERE c ->> 'check' = 'duplicate-vendor' AND o.requested_at >= $1 AND o.requested_at < $2`,
    [from, to],
  );
  return {
    onboardingsChecked: r!.checked,
    duplicates: r!.duplicates,
    duplicateRate: r!.checked === 0 ? null : r!.duplicates / r!.checked,
  };
}
