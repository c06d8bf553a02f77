import type { Queryable } from "../../store.js";

/**
 * Contract activation time: a version received (accepted from the CLM) until released by the
 * price gate, for versions received in the window. Parked versions never activate and are counted
 * apart; versions still propagating are pending.
 */
export async function contractActivation(q: Queryable, from: Date, to: Date) {
  const [r] = await q.query<{
    received: number;
    released: number;
    pending: number;
    parked: number;
    p50: number | null;
    p95: number | null;
  }>(
    `SELECT count(*)::int AS received,
       count(*) FILTER (WHERE released_at IS NOT NULL)::int AS released,
       count(*) FILTER (WHERE status = 'propagating')::int AS pending,
       count(*) FILTER (WHERE status = 'parked')::int AS parked,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (released_at - received_at)) * 1000)
         FILTER (WHERE released_at IS NOT NULL) AS p50,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM (released_at - received_at)) * 1000)
         FILTER (WHERE released_at IS NOT NULL) AS p95
     FROM contract_versions WHERE received_at >= $1 AND received_at < $2`,
    [from, to],
  );
  return {
    versionsReceived: r!.received,
    released: r!.released,
    pending: r!.pending,
    parked: r!.parked,
    p50Ms: r!.p50 === null ? null : Math.round(Number(r!.p50)),
    p95Ms: r!.p95 === null ? null : Math.round(Number(r!.p95)),
  };
}
