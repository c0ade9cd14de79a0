-- Every table the onboarding needs: accounts and their credentials, sessions and server-side flows, the mail
-- outbox, rate-limit buckets, and what eHerkenning and the organisation work fill (organisations, identities,
-- memberships, transactions, invitations, audit log). Valid on PostgreSQL 15 and PGlite. Times always come from
-- the server's clock as parameters, never from now(), so tests can move time.

CREATE TABLE accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Canonical form (NFC, trimmed, lower case: normaliseEmail in the contract); one account per address.
  email text NOT NULL UNIQUE,
  first_name text NOT NULL,
  last_name text NOT NULL,
  -- Set when eHerkenning proved, at level 3 or higher, that this person acts for an organisation.
  verified_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE credentials (
  account_id uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  -- PHC string with the scheme and its parameters: $scrypt$ln=17,r=8,p=1$<salt>$<hash>
  password_hash text NOT NULL,
  updated_at timestamptz NOT NULL
);

-- A server-side flow: sign-up, password reset or invitation. The e-mailed code is kept only as an HMAC.
CREATE TABLE flows (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('signup', 'password-reset', 'invitation')),
  email text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('nl', 'en')),
  -- Sign-up: the existing account of the address (it gets a sign-in hint, never a code), then the one created.
  -- Password reset: the account whose password is reset (NULL for an unknown address).
  account_id uuid REFERENCES accounts (id) ON DELETE CASCADE,
  code_hmac text,
  code_expires_at timestamptz,
  -- Counted in its own statement before every comparison; a resend never lowers it.
  attempts integer NOT NULL DEFAULT 0,
  sends integer NOT NULL DEFAULT 0,
  resend_available_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  verified_at timestamptz,
  consumed_at timestamptz,
  locked_at timestamptz
);
CREATE INDEX flows_email_idx ON flows (email);
CREATE INDEX flows_expires_at_idx ON flows (expires_at);

-- Sessions are found by the SHA-256 of the cookie value; the value itself is never stored.
CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  id_hash text NOT NULL UNIQUE,
  account_id uuid REFERENCES accounts (id) ON DELETE CASCADE,
  flow_id uuid REFERENCES flows (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  -- The absolute end (SESSION_MAX_HOURS after the last sign-in); the idle end is last_seen_at + idle.
  expires_at timestamptz NOT NULL,
  eherkenning_outcome text CHECK (eherkenning_outcome IN ('verified', 'cancelled', 'level_too_low', 'failed')),
  eherkenning_at timestamptz
);
CREATE INDEX sessions_account_idx ON sessions (account_id);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

-- Transactional outbox: a mail is a row written in the same transaction as the change it reports; every
-- instance drains it (FOR UPDATE SKIP LOCKED). The rendered message is erased once an SMTP server accepted it.
CREATE TABLE outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  to_address text NOT NULL,
  template text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('nl', 'en')),
  subject text,
  text_body text,
  html_body text,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'abandoned')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  -- While 'sending': when the claim lapses and another worker may retry (a worker that died mid-send).
  claimed_until timestamptz,
  last_error text,
  -- 'smtp' or 'mailbox' (the dev mailbox) once delivered.
  delivered_by text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz
);
CREATE INDEX outbox_due_idx ON outbox (status, next_attempt_at);

-- Fixed-window counters for rate limits; keys are HMACs of addresses and client IPs, never the values.
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL
);

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kvk_number text NOT NULL UNIQUE CHECK (kvk_number ~ '^[0-9]{8}$'),
  name text NOT NULL,
  branch_number text CHECK (branch_number ~ '^[0-9]{12}$'),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- The person eHerkenning vouched for, keyed by (issuer, subject) so two brokers never share a subject.
CREATE TABLE eherkenning_identities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  issuer text NOT NULL,
  subject text NOT NULL,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  organisation_id uuid REFERENCES organisations (id) ON DELETE CASCADE,
  level text,
  created_at timestamptz NOT NULL,
  last_verified_at timestamptz NOT NULL,
  UNIQUE (issuer, subject)
);
CREATE INDEX eherkenning_identities_account_idx ON eherkenning_identities (account_id);

-- Accounts and organisations, many to many, each link with its own rights (RIGHTS in the contract).
CREATE TABLE memberships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  rights text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (account_id, organisation_id)
);
CREATE INDEX memberships_organisation_idx ON memberships (organisation_id);

-- One authorization request to the broker, bound to the session that started it; single use.
CREATE TABLE eherkenning_transactions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  state text NOT NULL UNIQUE,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  supplier_id text NOT NULL,
  return_to text NOT NULL,
  created_at timestamptz NOT NULL,
  consumed_at timestamptz
);
CREATE INDEX eherkenning_transactions_session_idx ON eherkenning_transactions (session_id);

CREATE TABLE invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  email text NOT NULL,
  -- SHA-256 of the token in the mailed link; the token itself is never stored.
  token_hash text NOT NULL UNIQUE,
  rights text[] NOT NULL DEFAULT '{}',
  invited_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
  withdrawn_at timestamptz
);
CREATE INDEX invitations_organisation_idx ON invitations (organisation_id);

-- Who did what to whom, when, per organisation (AuditEntrySchema in the contract).
CREATE TABLE audit_log (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid REFERENCES organisations (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  action text NOT NULL,
  actor_account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
  subject_account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
  subject_email text,
  rights_before text[],
  rights_after text[]
);
CREATE INDEX audit_log_organisation_at_idx ON audit_log (organisation_id, at DESC);
