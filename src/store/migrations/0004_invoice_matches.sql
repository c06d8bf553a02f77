-- The invoice match workflow: one row per invoice received, from 'pending' (written in the same
-- transaction that kept the invoice) through 'matching' (claimed by a worker, with a lease: a
-- crashed worker's invoice is taken over when it expires) to 'approved' or 'held' (decided, with
-- the match result and an exception per problem, in one transaction).
CREATE TABLE invoice_matches (
  invoice_document_id bigint PRIMARY KEY REFERENCES trade_documents (id),
  partner text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'matching', 'approved', 'held')),
  attempts integer NOT NULL DEFAULT 0,
  claimed_by text,
  lease_until timestamptz,
  result json,
  correlation_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz
);
CREATE INDEX invoice_matches_open ON invoice_matches (created_at) WHERE status IN ('pending', 'matching');
