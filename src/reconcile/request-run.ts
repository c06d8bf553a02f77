import { Errors } from "../errors/index.js";
import type { Queryable } from "../store/index.js";
import type { ReconcileEntityType } from "./reconcile-types.js";

export interface RunRequest {
  readonly trigger: "api" | "schedule";
  /** The client that asked, or "concord" for the schedule. */
  readonly requestedBy: string;
  readonly heal: boolean;
  readonly entityTypes?: readonly ReconcileEntityType[];
}

export interface RequestedRun {
  readonly id: number;
  readonly created: boolean;
}

/**
 * Asks the workers for a run (inside the caller's transaction). One run waits or runs at a time:
 * when one is open, this returns its id with `created: false` (a schedule tick while a long run
 * is still going is skipped, not queued).
 */
export async function requestReconcileRun(q: Queryable, r: RunRequest): Promise<RequestedRun> {
  const inserted = await q.query<{ id: number }>(
    `INSERT INTO reconciliation_runs (status, heal, systems, trigger, requested_by, entity_types)
     VALUES ('requested', $1, '[]', $2, $3, $4::json)
     ON CONFLICT ((true)) WHERE status IN ('requested', 'running') AND trigger <> 'command' DO NOTHING
     RETURNING id`,
    [r.heal, r.trigger, r.requestedBy, r.entityTypes ? JSON.stringify(r.entityTypes) : null],
  );
  if (inserted.length > 0) return { id: inserted[0]!.id, created: true };
  const open = await q.query<{ id: number }>(
    "SELECT id FROM reconciliation_runs WHERE status IN ('requested', 'running') AND trigger <> 'command' LIMIT 1",
  );
  if (open.length === 0) throw Errors.ReconcileRunOpen("a reconciliation run was open a moment ago; ask again");
  return { id: open[0]!.id, created: false };
}
