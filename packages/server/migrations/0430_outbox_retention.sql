-- The outbox no longer keeps what it delivered or gave up (SECURITY.md C6: codes are kept only hashed; and data
-- minimisation: addresses must not pile up). The worker erases a mail's content in the statement that marks it
-- sent or abandoned (src/mail/worker.ts), and the clean-up deletes the row OUTBOX_RETENTION after finished_at.
ALTER TABLE outbox ADD COLUMN finished_at timestamptz;
-- Rows from before: a sent mail finished when it was sent; an abandoned one at its last try, which was due at
-- next_attempt_at (the abandoning did not move it), so that is when it finished, give or take one poll.
UPDATE outbox SET finished_at = COALESCE(sent_at, next_attempt_at) WHERE status IN ('sent', 'abandoned');
-- Abandoned mails from before still hold their codes and links, long expired: erase them as the worker now does.
-- Sent ones were erased already after SMTP; those the dev mailbox delivered keep theirs for it to show.
UPDATE outbox SET subject = NULL, text_body = NULL, html_body = NULL WHERE status = 'abandoned';
-- The clean-up finds finished rows in batches without reading the queue.
CREATE INDEX outbox_finished_idx ON outbox (finished_at) WHERE status IN ('sent', 'abandoned');
