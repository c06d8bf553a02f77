-- Invoice exception SLAs (src/workflows/invoice-match): who owns each open invoice exception, when
-- it is due, and how far up its escalation chain it went. A row per exception, written in the
-- transaction that raised it, with the durable timer that escalates it at due_at. Kept beside
-- `exceptions` (not as columns on it) because only the invoice match's exceptions have an SLA.
CREATE TABLE invoice_exception_slas (
  exception_id bigint PRIMARY KEY REFERENCES exceptions (id),
  invoice_document_id bigint NOT NULL REFERENCES trade_documents (id),
  owner text NOT NULL,
  level integer NOT NULL DEFAULT 0,
  raised_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  escalated_at timestamptz
);
CREATE INDEX invoice_exception_slas_by_invoice ON invoice_exception_slas (invoice_document_id);
CREATE INDEX invoice_exception_slas_by_owner ON invoice_exception_slas (owner, due_at);

-- A held invoice whose last exception was resolved is approved, or rejected when one resolution
-- rejected it (the decision and who made it are in the audit log and the write-back event).
ALTER TABLE invoice_matches DROP CONSTRAINT invoice_matches_status_check;
ALTER TABLE invoice_matches ADD CONSTRAINT invoice_matches_status_check
  CHECK (status IN ('pending', 'matching', 'approved', 'held', 'rejected'));

-- Goods receipts taken through POST /v1/receipts: one row per receipt id, so a repeat is
-- recognised (same content: answered as a duplicate; different content: refused) and never kept twice.
CREATE TABLE receipt_intake (
  receipt_id text PRIMARY KEY,
  system text NOT NULL,
  document_row_id bigint NOT NULL REFERENCES trade_documents (id),
  content_hash text NOT NULL,
  correlation_id text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
