-- SECURITY.md R1: a key that keeps hitting its limit waits longer each time (the wait doubles, up to a maximum),
-- and the row remembers it: how many blocks in a row, until when the current one lasts, and when the row says
-- nothing a fresh one would not (the clean-up deletes it then).
ALTER TABLE rate_limits ADD COLUMN blocks integer NOT NULL DEFAULT 0;
ALTER TABLE rate_limits ADD COLUMN blocked_until timestamptz;
ALTER TABLE rate_limits ADD COLUMN forget_at timestamptz;
-- Rows from before did not store their window; a day is longer than any default window.
UPDATE rate_limits SET forget_at = window_start + interval '1 day';
ALTER TABLE rate_limits ALTER COLUMN forget_at SET NOT NULL;
CREATE INDEX rate_limits_forget_at_idx ON rate_limits (forget_at);
