-- The invoice match judges duplicates and quantities already billed against the partner's earlier
-- invoices. It reads only those it can use — on the same POs, with the same number (as the policy
-- normalises it, zeros dropped: a superset), or with the same total — each found through an index,
-- so the cost of a match does not grow with the partner's history.

-- The POs an invoice names, in its header or on any line (written when the invoice is kept).
CREATE TABLE invoice_purchase_orders (
  purchase_order_id text NOT NULL,
  invoice_document_id bigint NOT NULL REFERENCES trade_documents (id),
  PRIMARY KEY (purchase_order_id, invoice_document_id)
);
INSERT INTO invoice_purchase_orders (purchase_order_id, invoice_document_id)
  SELECT DISTINCT x.po, d.id FROM trade_documents d,
    LATERAL (SELECT d.body ->> 'purchaseOrderId' AS po
             UNION SELECT l ->> 'purchaseOrderId' FROM json_array_elements(d.body -> 'lines') l) x
  WHERE d.kind = 'invoice' AND x.po IS NOT NULL;

-- The invoice number without case, punctuation or zeros ("INV-0042" and "inv42" meet here).
CREATE INDEX trade_documents_invoice_number ON trade_documents
  (partner, (regexp_replace(upper(body ->> 'id'), '[^1-9A-Z]', '', 'g'))) WHERE kind = 'invoice';

-- The total without trailing zeros after the point ("120.50" and "120.5" meet here).
CREATE INDEX trade_documents_invoice_total ON trade_documents
  (partner, (regexp_replace(regexp_replace(body ->> 'total', '^([^.]*)\.0*$', '\1'), '^([^.]*\.[0-9]*[1-9])0+$', '\1')))
  WHERE kind = 'invoice';
