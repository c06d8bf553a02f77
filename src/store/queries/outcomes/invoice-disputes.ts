import type { Queryable } from "../../store.js";

/** Invoices received in the window, how many the match held for a dispute, and the exceptions raised. */
export async function invoiceDisputes(q: Queryable, from: Date, to: Date) {
  const [inv] = await q.query<{ received: number; held: number; approved: number }>(
    `SELECT count(*)::int AS received, count(*) FILTER (WHERE status = 'held')::int AS held,
       count(*) FILTER (WHERE status = 'approved')::int AS approved
     FROM invoice_matches WHERE created_at >= $1 AND created_at < $2`,
    [from, to],
  );
  const byType = await q.query<{ type: string; open: number; resolved: number }>(
    `SELECT coalesce(details ->> 'type', split_part(substr(rule, 15), '.', 1)) AS type,
       count(*) FILTER (WHERE status = 'open')::int AS open,
       count(*) FILTER (WHERE status = 'resolved')::int AS resolved
     FROM exceptions WHERE rule LIKE 'invoice-match.%' AND created_at >= $1 AND created_at < $2
     GROUP BY 1 ORDER BY 1`,
    [from, to],
  );
  const decided = inv!.held + inv!.approved;
  return {
    invoicesReceived: inv!.received,
    disputed: inv!.held,
    disputeRate: decided === 0 ? null : inv!.held / decided,
    exceptions: {
      open: byType.reduce((n, t) => n + t.open, 0),
      resolved: byType.reduce((n, t) => n + t.resolved, 0),
      byType,
    },
  };
}
