-- Partner documents: EDI X12, cXML, CSV and FHIR traffic beside the spine.

-- An outbound document whose delivery is not acknowledged until the partner's functional
-- acknowledgment (X12 997/999) arrives: the delivery stays 'delivered' with ack_due_at set;
-- the acknowledgment turns it 'acknowledged' (or 'failed' when the partner rejected the document);
-- past ack_due_at an exception says the acknowledgment is overdue.
ALTER TABLE deliveries ADD COLUMN ack_due_at timestamptz;
CREATE INDEX deliveries_awaiting_ack ON deliveries (ack_due_at) WHERE status = 'delivered' AND ack_due_at IS NOT NULL;

-- X12 interchange control numbers received per sender/receiver pair: a re-sent interchange is
-- refused as a duplicate (the trading partner's retry after a lost acknowledgment).
CREATE TABLE x12_interchanges (
  sender text NOT NULL,
  receiver text NOT NULL,
  control_number text NOT NULL,
  inbound_message_id text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sender, receiver, control_number)
);

-- ISA13/GS06 of the interchanges Concord sends (acknowledgments, documents): unique per partner.
CREATE SEQUENCE x12_control_numbers MINVALUE 1 MAXVALUE 999999999 CYCLE;

-- Trade documents exchanged with partners (orders, confirmations, ship notices, invoices,
-- catalogs, price authorizations), in canonical form, with the warnings decoding raised.
-- The raw message is in inbound_messages; workflows read documents from here.
CREATE TABLE trade_documents (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  partner text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  document_id text NOT NULL,
  format text NOT NULL,
  body json NOT NULL,
  warnings json NOT NULL,
  unresolved json NOT NULL,
  inbound_system text,
  inbound_message_id text,
  correlation_id text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trade_documents_by_document ON trade_documents (kind, document_id);
CREATE INDEX trade_documents_by_partner ON trade_documents (partner, received_at);
