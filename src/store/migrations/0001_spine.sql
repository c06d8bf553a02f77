-- The spine: canonical records, cross-references, contracts with versions, inbound log,
-- outbox events, per-target deliveries, exceptions and policy violations.
-- Documents are stored as json (text, checked once), not json: Concord reads them whole and never
-- queries inside them, and json is several times cheaper to write on the hot path.

-- Master data other than contracts, one row per canonical record (suppliers, items, facilities...).
CREATE TABLE canonical_records (
  entity_type text NOT NULL,
  id text NOT NULL,
  body json NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (entity_type, id)
);

-- (system, local id) <-> canonical id. One local id per system and canonical record.
CREATE TABLE xrefs (
  system text NOT NULL,
  entity_type text NOT NULL,
  local_id text NOT NULL,
  canonical_id text NOT NULL,
  PRIMARY KEY (system, entity_type, local_id)
);
CREATE UNIQUE INDEX xrefs_by_canonical ON xrefs (system, entity_type, canonical_id);
CREATE INDEX xrefs_canonical_lookup ON xrefs (canonical_id);

-- Every message received from a source system, kept raw before anything else happens to it.
CREATE TABLE inbound_messages (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  system text NOT NULL,
  message_type text NOT NULL,
  message_id text NOT NULL,
  correlation_id text NOT NULL,
  content_type text NOT NULL,
  body text NOT NULL,
  status text NOT NULL CHECK (status IN ('accepted', 'parked', 'rejected')),
  outcome json NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (system, message_id)
);

CREATE TABLE contracts (
  id text PRIMARY KEY,
  number text NOT NULL UNIQUE,
  supplier_id text NOT NULL,
  current_version integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per accepted version. released_at is set by the price gate: a version's prices are
-- visible to buyers only once released and effective.
CREATE TABLE contract_versions (
  contract_id text NOT NULL REFERENCES contracts (id),
  version integer NOT NULL,
  body json NOT NULL,
  status text NOT NULL CHECK (status IN ('propagating', 'released', 'parked')),
  source_system text NOT NULL,
  correlation_id text NOT NULL,
  effective_from date NOT NULL,
  expires_on date NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  released_at timestamptz,
  release_reason text,
  PRIMARY KEY (contract_id, version)
);

-- Every contract that has ever priced an item: the price lookup's entry point. It reads all
-- released versions of these contracts (a newer version may have dropped the item).
CREATE TABLE contract_item_index (
  item_id text NOT NULL,
  contract_id text NOT NULL,
  PRIMARY KEY (item_id, contract_id)
);

-- The transactional outbox: written in the same transaction as the change it announces.
CREATE TABLE events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_type text NOT NULL,
  business_key text NOT NULL,
  key_version integer NOT NULL,
  payload json NOT NULL,
  correlation_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_by_key ON events (business_key, key_version);

-- One row per (event, target). status: pending -> in_flight -> delivered | acknowledged,
-- or failed (permanent, an exception says why), dead (retries exhausted; replayable),
-- parked (stale: the target already has a newer version of the business key).
CREATE TABLE deliveries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id bigint NOT NULL REFERENCES events (id),
  target text NOT NULL,
  business_key text NOT NULL,
  key_version integer NOT NULL,
  required boolean NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'in_flight', 'delivered', 'acknowledged', 'failed', 'dead', 'parked')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  claimed_by text,
  idempotency_key text NOT NULL UNIQUE,
  last_error_code text,
  last_error text,
  ack_ref text,
  replays integer NOT NULL DEFAULT 0,
  -- attempts made before the latest replay: the retry budget counts from here, while attempt
  -- numbers (and delivery_attempts rows) keep counting so no history is overwritten.
  replay_base integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  settled_at timestamptz,
  UNIQUE (event_id, target)
);
CREATE INDEX deliveries_ready ON deliveries (priority DESC, id) WHERE status IN ('pending', 'in_flight');
CREATE INDEX deliveries_by_key ON deliveries (target, business_key, key_version);
-- Propagation status and the price gate read all targets of one version.
CREATE INDEX deliveries_by_version ON deliveries (business_key, key_version);
-- The claim's ordering check probes only unfinished rows of a key, however long its history.
CREATE INDEX deliveries_unfinished_by_key ON deliveries (target, business_key, key_version)
  WHERE status IN ('pending', 'in_flight');
CREATE INDEX deliveries_dead ON deliveries (target, settled_at) WHERE status = 'dead';

-- Every attempt, for the retry history shown to operators and the backoff tests.
CREATE TABLE delivery_attempts (
  delivery_id bigint NOT NULL REFERENCES deliveries (id),
  attempt integer NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT now(),
  outcome text NOT NULL,
  error_code text,
  error text,
  retry_after_ms integer,
  next_attempt_at timestamptz,
  PRIMARY KEY (delivery_id, attempt)
);

-- Human-actionable problems: unknown or unmapped references, broken business rules, permanent
-- rejections by a target. (Dead letters are listed from deliveries, status 'dead'.)
CREATE TABLE exceptions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL,
  rule text NOT NULL,
  urgency text NOT NULL CHECK (urgency IN ('clinical', 'financial', 'compliance', 'routine')),
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  system text,
  message text NOT NULL,
  details json NOT NULL DEFAULT '{}'::json,
  correlation_id text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolution text
);
CREATE INDEX exceptions_open ON exceptions (status, created_at);
CREATE INDEX exceptions_subject ON exceptions (subject_type, subject_id);

-- A change attempted by a system that does not own the data.
CREATE TABLE policy_violations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rule text NOT NULL,
  system text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  field_groups json NOT NULL,
  message text NOT NULL,
  correlation_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);
