-- Reconciliation: each run's summary per system and entity type, and its drift findings (capped
-- per system and entity type; the full list is the run's drift file).
CREATE TABLE reconciliation_runs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
  heal boolean NOT NULL,
  systems json NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  findings integer NOT NULL DEFAULT 0,
  findings_kept integer NOT NULL DEFAULT 0,
  repair_events integer NOT NULL DEFAULT 0,
  error text
);
CREATE INDEX reconciliation_runs_completed ON reconciliation_runs (finished_at DESC) WHERE status = 'completed';

CREATE TABLE reconciliation_summaries (
  run_id bigint NOT NULL REFERENCES reconciliation_runs (id),
  system text NOT NULL,
  entity_type text NOT NULL,
  compared integer NOT NULL,
  agreeing integer NOT NULL,
  missing integer NOT NULL,
  extra integer NOT NULL,
  different integer NOT NULL,
  unreadable integer NOT NULL,
  error text,
  PRIMARY KEY (run_id, system, entity_type)
);

CREATE TABLE reconciliation_findings (
  run_id bigint NOT NULL REFERENCES reconciliation_runs (id),
  seq integer NOT NULL,
  system text NOT NULL,
  entity_type text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('missing', 'extra', 'different', 'unreadable')),
  record_key text NOT NULL,
  canonical_id text,
  finding json NOT NULL,
  PRIMARY KEY (run_id, seq)
);
CREATE INDEX reconciliation_findings_drill ON reconciliation_findings (run_id, system, entity_type, seq);
