-- The periodic clean-up (src/store/cleanup.ts) finds rows past their time in batches. A deleted flow sets
-- sessions.flow_id to NULL through its foreign key, and the clean-up keeps flows a session still points at:
-- without an index on flow_id, both would scan every session for each flow.
CREATE INDEX sessions_flow_idx ON sessions (flow_id);
CREATE INDEX eherkenning_transactions_created_at_idx ON eherkenning_transactions (created_at);
