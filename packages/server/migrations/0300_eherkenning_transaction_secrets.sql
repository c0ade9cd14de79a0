-- A consumed eHerkenning transaction keeps no secret in clear (SECURITY.md L1): the callback finds the
-- transaction by the SHA-256 of its state, and the nonce and PKCE verifier are erased when it is used.
UPDATE eherkenning_transactions SET state = encode(sha256(convert_to(state, 'UTF8')), 'hex');
ALTER TABLE eherkenning_transactions RENAME COLUMN state TO state_hash;
ALTER TABLE eherkenning_transactions ALTER COLUMN nonce DROP NOT NULL;
ALTER TABLE eherkenning_transactions ALTER COLUMN code_verifier DROP NOT NULL;
UPDATE eherkenning_transactions SET nonce = NULL, code_verifier = NULL WHERE consumed_at IS NOT NULL;
