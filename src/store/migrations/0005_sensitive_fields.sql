-- Sensitive fields (supplier tax ids and bank accounts), kept apart from the records they belong to
-- and encrypted one value per row (src/security/, docs/security.md). Nothing here is in clear:
-- envelope is AES-256-GCM sealed with the key named in key_id (the envelope names it too), and
-- fingerprint is an HMAC under a key derived from that same key, so a changed value is noticed
-- without decrypting the one held.
CREATE TABLE sensitive_fields (
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  field text NOT NULL,
  key_id text NOT NULL,
  envelope text NOT NULL,
  fingerprint text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (entity_type, entity_id, field)
);

-- Rotation looks for values not under the active key, and start-up for keys no longer configured.
CREATE INDEX sensitive_fields_key_id ON sensitive_fields (key_id);
