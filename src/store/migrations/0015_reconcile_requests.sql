-- Reconciliation run by the hub: a run is requested (by the API or the schedule's timer), claimed
-- by one worker with a lease it renews while the run goes on, and taken over when that worker
-- died. Runs from `concord reconcile` start as 'running' as before.
ALTER TABLE reconciliation_runs DROP CONSTRAINT reconciliation_runs_status_check;
ALTER TABLE reconciliation_runs ADD CONSTRAINT reconciliation_runs_status_check
  CHECK (status IN ('requested', 'running', 'completed', 'failed'));
ALTER TABLE reconciliation_runs ADD COLUMN trigger text NOT NULL DEFAULT 'command'
  CHECK (trigger IN ('command', 'api', 'schedule'));
ALTER TABLE reconciliation_runs ADD COLUMN requested_by text;
ALTER TABLE reconciliation_runs ADD COLUMN requested_at timestamptz NOT NULL DEFAULT now();
-- The entity types asked for (null: all of them).
ALTER TABLE reconciliation_runs ADD COLUMN entity_types json;
ALTER TABLE reconciliation_runs ADD COLUMN claimed_by text;
ALTER TABLE reconciliation_runs ADD COLUMN lease_until timestamptz;
ALTER TABLE reconciliation_runs ADD COLUMN attempts integer NOT NULL DEFAULT 0;
-- At most one run waits or runs at a time: a second request gets the first one's id.
CREATE UNIQUE INDEX reconciliation_runs_one_open ON reconciliation_runs ((true))
  WHERE status IN ('requested', 'running') AND trigger <> 'command';
