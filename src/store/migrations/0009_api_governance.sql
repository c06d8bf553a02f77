-- Governed API: the keys Concord signs its OAuth2 access tokens with, and idempotency records.

-- Ed25519 signing keys, shared by every api process so a token issued by one verifies in all.
-- A key signs until it is superseded; it is published (JWKS) until retire_at, when no token it
-- signed can still be valid.
CREATE TABLE auth_signing_keys (
  kid text PRIMARY KEY,
  public_jwk json NOT NULL,
  private_jwk json NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retire_at timestamptz
);

-- One row per (client, Idempotency-Key): the request's fingerprint and, once answered, the answer
-- that every retry with the same key gets back. 'pending' while the first request runs.
CREATE TABLE idempotency_keys (
  client_id text NOT NULL,
  key text NOT NULL,
  method text NOT NULL,
  route text NOT NULL,
  request_hash text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'done')),
  status integer,
  content_type text,
  body text,
  locked_until timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, key)
);
CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);

-- The pricing-changes feed reads released versions in release order.
CREATE INDEX contract_versions_released ON contract_versions (released_at, contract_id, version) WHERE released_at IS NOT NULL;
