-- Durable timers (src/workflows/timers): any workflow schedules one inside its own transaction, a
-- worker claims it when due (FOR UPDATE SKIP LOCKED, with a lease) and fires it in one transaction
-- with whatever the handler writes, so each timer fires once cluster-wide. A (workflow, key) has at
-- most one live timer: scheduling it again moves it.
CREATE TABLE workflow_timers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workflow text NOT NULL,
  timer_key text NOT NULL,
  fire_at timestamptz NOT NULL,
  payload json NOT NULL DEFAULT '{}'::json,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'firing', 'fired', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  claimed_by text,
  lease_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  fired_at timestamptz
);
CREATE UNIQUE INDEX workflow_timers_live ON workflow_timers (workflow, timer_key)
  WHERE status IN ('scheduled', 'firing');
CREATE INDEX workflow_timers_due ON workflow_timers (fire_at) WHERE status IN ('scheduled', 'firing');

-- Supplier onboarding (src/workflows/supplier-onboarding): one row per request from procurement.
-- The tax id and bank account are kept only as FieldCipher envelopes (*_sealed) and keyed HMAC
-- fingerprints (*_fp, for duplicate detection and lookup by tax id), never in clear.
CREATE TABLE supplier_onboardings (
  id text PRIMARY KEY,
  supplier_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('new', 'update')),
  status text NOT NULL CHECK (status IN ('requested', 'blocked', 'awaiting_approval', 'vendor_requested',
    'vendor_overdue', 'payable', 'rejected')),
  request json NOT NULL,
  tin_sealed text NOT NULL,
  tin_fp text NOT NULL,
  tin_last4 text NOT NULL,
  bank_sealed text NOT NULL,
  bank_fp text NOT NULL,
  bank_last4 text NOT NULL,
  -- fingerprints are comparable only under the key they were made with (FieldCipher.fingerprint)
  fp_key_id text NOT NULL,
  bank_change boolean NOT NULL DEFAULT false,
  checks json NOT NULL DEFAULT '[]'::json,
  requested_by text,
  correlation_id text NOT NULL,
  erp_vendor_number text,
  requested_at timestamptz NOT NULL,
  payable_at timestamptz,
  completion_ms bigint,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supplier_onboardings_supplier ON supplier_onboardings (supplier_id, requested_at);
CREATE INDEX supplier_onboardings_tin ON supplier_onboardings (tin_fp);
CREATE INDEX supplier_onboardings_bank ON supplier_onboardings (bank_fp);

-- Every state change of an onboarding, in order: the supplier's status history.
CREATE TABLE supplier_onboarding_transitions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  onboarding_id text NOT NULL REFERENCES supplier_onboardings (id),
  from_status text,
  to_status text NOT NULL,
  reason text NOT NULL,
  actor text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX supplier_onboarding_transitions_by_onboarding ON supplier_onboarding_transitions (onboarding_id, id);

-- Human decisions on an onboarding (the dual approval of a bank change): one per approving client.
CREATE TABLE supplier_onboarding_approvals (
  onboarding_id text NOT NULL REFERENCES supplier_onboardings (id),
  approver text NOT NULL,
  decision text NOT NULL CHECK (decision IN ('approve', 'reject')),
  comment text,
  decided_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (onboarding_id, approver)
);

-- Exclusion lists as loaded (OIG LEIE, SAM): a load replaces its source's entries in one transaction.
CREATE TABLE exclusion_list_entries (
  source text NOT NULL CHECK (source IN ('leie', 'sam')),
  entry_no integer NOT NULL,
  name text NOT NULL,
  name_norm text NOT NULL,
  tokens text[] NOT NULL,
  entity_kind text NOT NULL,
  address text,
  state text,
  ids json NOT NULL DEFAULT '{}'::json,
  excluded_on text,
  exclusion_type text,
  PRIMARY KEY (source, entry_no)
);
CREATE INDEX exclusion_list_entries_name ON exclusion_list_entries (name_norm);

CREATE TABLE exclusion_list_loads (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source text NOT NULL,
  file_name text NOT NULL,
  sha256 text NOT NULL,
  entries integer NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

-- Screening hits on suppliers (at onboarding or a re-screening): open until a person clears them.
CREATE TABLE supplier_exclusion_hits (
  supplier_id text NOT NULL,
  source text NOT NULL,
  entry_name text NOT NULL,
  match text NOT NULL CHECK (match IN ('exact', 'similar', 'identifier')),
  similarity real NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cleared')),
  found_at timestamptz NOT NULL,
  PRIMARY KEY (supplier_id, source, entry_name)
);
