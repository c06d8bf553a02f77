import type { Queryable } from "../../store.js";

/**
 * Audit actions that are a person's decision rather than a system's message: every one is work the
 * hub did not do alone. A new human action in a workflow belongs in this list.
 */
export const MANUAL_ACTIONS = [
  "dead-letters.replayed",
  "invoice.exception.resolved",
  "contract.version.released-by-approval",
  "supplier.onboarding.approved",
  "supplier.onboarding.rejected",
] as const;

/** Human actions in the audit log over the window, by action and by who took them. */
export async function manualTouches(q: Queryable, from: Date, to: Date) {
  const rows = await q.query<{ action: string; actor: string; n: number }>(
    `SELECT action, actor, count(*)::int AS n FROM audit_log
     WHERE action = ANY($3::text[]) AND at >= $1 AND at < $2
     GROUP BY action, actor ORDER BY action, actor`,
    [from, to, MANUAL_ACTIONS],
  );
  const sum = (key: "action" | "actor") => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(r[key], (m.get(r[key]) ?? 0) + r.n);
    return [...m].map(([k, count]) => ({ [key]: k, count }));
  };
  return { total: rows.reduce((n, r) => n + r.n, 0), byAction: sum("action"), byActor: sum("actor") };
}
