-- The operations API (src/api/routes/events.ts, trace.ts, purchase-orders.ts, invoice-exceptions.ts):
-- who resolved an exception and how, and the indexes its lookups need.

-- A resolution names its client (the authenticated caller) and a code from a closed list; the
-- existing `resolution` column keeps the person's reason in their own words.
ALTER TABLE exceptions ADD COLUMN resolved_by text;
ALTER TABLE exceptions ADD COLUMN resolution_code text;

-- GET /v1/traces/:correlationId reads every table by correlation id; without these each read is a
-- full scan of tables that only grow.
CREATE INDEX events_by_correlation ON events (correlation_id);
CREATE INDEX inbound_messages_by_correlation ON inbound_messages (correlation_id);
CREATE INDEX contract_versions_by_correlation ON contract_versions (correlation_id);
CREATE INDEX trade_documents_by_correlation ON trade_documents (correlation_id);
CREATE INDEX exceptions_by_correlation ON exceptions (correlation_id) WHERE correlation_id IS NOT NULL;
CREATE INDEX policy_violations_by_correlation ON policy_violations (correlation_id) WHERE correlation_id IS NOT NULL;
CREATE INDEX invoice_matches_by_correlation ON invoice_matches (correlation_id);
-- Audit records carry the correlation id inside their detail (api.call, contract and partner changes).
CREATE INDEX audit_log_by_correlation ON audit_log ((detail ->> 'correlationId')) WHERE detail ->> 'correlationId' IS NOT NULL;

-- GET /v1/events filters by type and pages by id.
CREATE INDEX events_by_type ON events (event_type, id);

-- Purchase order status: confirmations, receipts and invoices name the PO in their body.
CREATE INDEX trade_documents_by_purchase_order ON trade_documents ((body ->> 'purchaseOrderId'), kind);

-- The invoice exception work list: only the match's exceptions, oldest first.
CREATE INDEX exceptions_invoice_match ON exceptions (id) WHERE rule LIKE 'invoice-match.%';
