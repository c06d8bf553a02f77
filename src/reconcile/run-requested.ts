import type { Store } from "../store/index.js";
import { reconcile } from "./reconcile.js";
import type { ReconcileConfig } from "./reconcile-config.js";
import type { ReconcileEntityType } from "./reconcile-types.js";

export interface RequestedRunsDeps {
  readonly store: Store;
  readonly workerId: string;
  readonly config: ReconcileConfig;
  /** Wakes the dispatcher after a healing run wrote repair events. */
  readonly onOutboxWrite?: () => void;
  readonly onError?: (e: unknown, runId: number) => void;
}

/**
 * One round of the hub's reconciliation: claims the requested run (or one whose worker stopped
 * renewing its lease, i.e. died) and runs it here, renewing the lease while it goes. Cluster-wide,
 * one worker runs it; a run a dead worker left is started again by another. Returns 1 when it ran one.
 */
export async function runRequestedReconciliation(deps: RequestedRunsDeps): Promise<number> {
  const leaseMs = deps.config.heartbeatMs * 3;
  const claimed = await deps.store.query<{ id: number; heal: boolean; entity_types: ReconcileEntityType[] | null }>(
    `UPDATE reconciliation_runs SET status = 'running', claimed_by = $1, attempts = attempts + 1, started_at = now(),
       lease_until = now() + make_interval(secs => $2::float8 / 1000)
     WHERE id = (
       SELECT id FROM reconciliation_runs
       WHERE trigger <> 'command'
         AND (status = 'requested' OR (status = 'running' AND lease_until < now()))
       ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING id, heal, entity_types`,
    [deps.workerId, leaseMs],
  );
  const run = claimed[0];
  if (!run) return 0;
  const heartbeat = setInterval(() => {
    void deps.store
      .query(
        `UPDATE reconciliation_runs SET lease_until = now() + make_interval(secs => $3::float8 / 1000)
         WHERE id = $1 AND claimed_by = $2 AND status = 'running'`,
        [run.id, deps.workerId, leaseMs],
      )
      .catch((e: unknown) => deps.onError?.(e, run.id));
  }, deps.config.heartbeatMs);
  try {
    await reconcile(
      { store: deps.store, ...(deps.onOutboxWrite ? { onOutboxWrite: deps.onOutboxWrite } : {}) },
      {
        runId: run.id,
        systems: deps.config.systems,
        heal: run.heal,
        ...(run.entity_types ? { entityTypes: run.entity_types } : {}),
      },
    );
  } catch (e) {
    // reconcile() recorded the run as failed; the worker carries on with its other work.
    deps.onError?.(e, run.id);
  } finally {
    clearInterval(heartbeat);
  }
  return 1;
}
