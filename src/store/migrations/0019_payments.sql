-- Payments accounts payable made (POST /v1/payments, the ERP's remittances): one row per payment
-- id with a hash of its content, so a resend is a duplicate and a changed resend a conflict. The
-- payment itself is a trade document (kind 'payment'); its remittances say which invoices it settles.
CREATE TABLE payment_intake (
  payment_id text PRIMARY KEY,
  system text NOT NULL,
  document_row_id bigint NOT NULL REFERENCES trade_documents (id),
  content_hash text NOT NULL,
  correlation_id text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
