-- Audit entries written at the same instant (an invitation and its acceptance within one clock tick, or a test's
-- fixed clock) must still list in the order they happened: a sequence number breaks ties of `at`. Only ordered
-- by, never read (the adapters return bigint differently).
ALTER TABLE audit_log ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX audit_log_organisation_seq_idx ON audit_log (organisation_id, at DESC, seq DESC);
