-- Requisition to PO (src/workflows/requisition-to-po): one row per requisition from procurement,
-- with the synchronous check's verdict per line, its approvals as human tasks, the purchase
-- orders it became and each line's status as the supplier confirmed it.
CREATE TABLE requisitions (
  id text PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('blocked', 'awaiting_approval', 'approved', 'rejected', 'ordered',
    'confirmed', 'confirmed_with_exceptions')),
  body json NOT NULL,
  facility_id text NOT NULL,
  cost_center_id text NOT NULL,
  fiscal_year integer NOT NULL,
  total numeric(18, 4) NOT NULL,
  currency text NOT NULL,
  -- per line: the checks that passed, were flagged or failed, and the contract price found
  checks json NOT NULL,
  -- per line: ordered, accepted, backordered, changed, rejected (from the supplier's confirmation)
  line_status json NOT NULL DEFAULT '{}'::json,
  requested_by text,
  correlation_id text NOT NULL,
  submitted_at timestamptz NOT NULL,
  ordered_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX requisitions_by_status ON requisitions (status, submitted_at);

CREATE TABLE requisition_transitions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  requisition_id text NOT NULL REFERENCES requisitions (id),
  from_status text,
  to_status text NOT NULL,
  reason text NOT NULL,
  actor text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX requisition_transitions_by_requisition ON requisition_transitions (requisition_id, id);

-- Approval tasks: one per reason a requisition needs a person (amount, clinical, off-contract),
-- owned by a role until decided; an SLA timer escalates one still open at its due date.
CREATE TABLE requisition_approvals (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  requisition_id text NOT NULL REFERENCES requisitions (id),
  kind text NOT NULL CHECK (kind IN ('amount', 'clinical', 'off-contract')),
  owner text NOT NULL,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'rejected', 'cancelled')),
  due_at timestamptz NOT NULL,
  escalations integer NOT NULL DEFAULT 0,
  decided_by text,
  comment text,
  decided_at timestamptz,
  created_at timestamptz NOT NULL,
  UNIQUE (requisition_id, kind)
);
CREATE INDEX requisition_approvals_open ON requisition_approvals (owner, due_at) WHERE status = 'open';

-- The purchase orders a requisition became (one per supplier): the document itself is the
-- outbound 'purchase-order' in trade_documents.
CREATE TABLE requisition_orders (
  purchase_order_id text PRIMARY KEY,
  requisition_id text NOT NULL REFERENCES requisitions (id),
  supplier_id text NOT NULL,
  partner text NOT NULL,
  format text NOT NULL,
  trade_document_id bigint NOT NULL,
  total numeric(18, 4) NOT NULL,
  UNIQUE (requisition_id, supplier_id)
);
CREATE SEQUENCE purchase_order_numbers START 100001;

-- A cost center's budget for a fiscal year; `committed` grows in the transaction that issues a PO.
CREATE TABLE cost_center_budgets (
  cost_center_id text NOT NULL,
  fiscal_year integer NOT NULL,
  amount numeric(18, 4) NOT NULL CHECK (amount >= 0),
  committed numeric(18, 4) NOT NULL DEFAULT 0,
  currency text NOT NULL DEFAULT 'USD',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cost_center_id, fiscal_year)
);
