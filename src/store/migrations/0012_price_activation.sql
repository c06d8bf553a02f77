-- Contract price activation (docs/workflows/contract-price-activation.md). A contract version's
-- prices become usable at a facility when that facility's activation fires: at the start of the
-- effective day in the facility's time zone, once the version is released.

-- One row per accepted contract version: its deadline, the person's decision, a withdrawal.
CREATE TABLE price_activation_plans (
  contract_id text NOT NULL,
  version integer NOT NULL,
  status text NOT NULL CHECK (status IN ('scheduled', 'awaiting-decision', 'keep-old-price', 'activated', 'withdrawn')),
  -- The day prices start (the contract's effective date, or the fiscal period start it was aligned to).
  effective_day text NOT NULL,
  aligned_to_fiscal_period boolean NOT NULL,
  deadline_at timestamptz NOT NULL,
  exception_id bigint,
  decision text CHECK (decision IN ('keep-old-price', 'activate-anyway')),
  decided_by text,
  decision_reason text,
  decided_at timestamptz,
  -- On a compensation version: the withdrawn version whose terms it undoes.
  compensates_version integer,
  withdrawn_at timestamptz,
  withdrawal_reason text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (contract_id, version)
);

-- One row per (version, eligible facility): when its prices become usable there.
CREATE TABLE price_activations (
  contract_id text NOT NULL,
  version integer NOT NULL,
  facility_id text NOT NULL,
  tier integer NOT NULL,
  time_zone text NOT NULL,
  activation_day text NOT NULL,
  activate_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('scheduled', 'activated', 'cancelled')),
  activated_at timestamptz,
  activated_by text,
  PRIMARY KEY (contract_id, version, facility_id),
  FOREIGN KEY (contract_id, version) REFERENCES price_activation_plans (contract_id, version)
);
-- The price query asks "is any version of these contracts not yet active at this facility?".
CREATE INDEX price_activations_pending ON price_activations (facility_id, contract_id) WHERE status <> 'activated';
