-- The tamper-evident audit log: every change and every API call, hash-chained.
-- Each record's hash covers its own fields and the previous record's hash (src/audit/audit-record.ts),
-- so an edited, removed or re-ordered record breaks the chain where it happened.

-- seq is assigned by the appender from audit_chain_tip under its row lock, not by an identity or
-- a sequence: sequence numbers are not transactional, so a rolled-back caller transaction would
-- leave a gap that reads exactly like a removed record.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  subject_type text,
  subject_id text,
  detail json NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);

-- One row: the last appended record. Appenders lock it (SELECT ... FOR UPDATE), which serialises
-- the chain across processes, and verification compares it with the log's end (a truncated tail).
CREATE TABLE audit_chain_tip (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  last_seq bigint NOT NULL,
  last_hash text NOT NULL
);
INSERT INTO audit_chain_tip (id, last_seq, last_hash) VALUES (true, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Concord never changes or removes a record: refuse it, so a slip (or a careless script) fails
-- loudly. A table owner can still disable the trigger; the hash chain is what detects that.
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the audit log is append-only (% on %)', TG_OP, TG_TABLE_NAME; END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_chain_tip_kept BEFORE DELETE ON audit_chain_tip FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_chain_tip_no_truncate BEFORE TRUNCATE ON audit_chain_tip FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
