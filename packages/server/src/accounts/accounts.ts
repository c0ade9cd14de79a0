import type { Account, Membership, Right } from '@wij-techniek/onboarding-contract';
import type { Queryable } from '../store/database.js';
import { faultPoint } from '../testing/fault-points.js';

/** An account as stored, with its credential when asked for. */
export interface AccountRecord {
  readonly id: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly verifiedAt: Date | null;
}

interface AccountRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  verified_at: Date | null;
}

const toAccount = (row: AccountRow): AccountRecord => ({
  id: row.id,
  email: row.email,
  firstName: row.first_name,
  lastName: row.last_name,
  verifiedAt: row.verified_at,
});

/** The account of a canonical address (see `normaliseEmail`), with its password hash. */
export async function findAccountByEmail(
  db: Queryable,
  email: string,
): Promise<(AccountRecord & { passwordHash: string | null }) | undefined> {
  const { rows } = await db.query<AccountRow & { password_hash: string | null }>(
    `SELECT a.id, a.email, a.first_name, a.last_name, a.verified_at, c.password_hash
     FROM accounts a LEFT JOIN credentials c ON c.account_id = a.id WHERE a.email = $1`,
    [email],
  );
  const row = rows[0];
  return row ? { ...toAccount(row), passwordHash: row.password_hash } : undefined;
}

/** The account with `id`, with its password hash. */
export async function findAccountById(
  db: Queryable,
  id: string,
): Promise<(AccountRecord & { passwordHash: string | null }) | undefined> {
  const { rows } = await db.query<AccountRow & { password_hash: string | null }>(
    `SELECT a.id, a.email, a.first_name, a.last_name, a.verified_at, c.password_hash
     FROM accounts a LEFT JOIN credentials c ON c.account_id = a.id WHERE a.id = $1`,
    [id],
  );
  const row = rows[0];
  return row ? { ...toAccount(row), passwordHash: row.password_hash } : undefined;
}

/**
 * Creates an account and its credential in `tx`. Returns undefined when the address already has an account
 * (the unique canonical address decides races: SECURITY.md F3).
 */
export async function createAccount(
  tx: Queryable,
  input: { email: string; firstName: string; lastName: string; passwordHash: string; now: Date },
): Promise<AccountRecord | undefined> {
  const { rows } = await tx.query<AccountRow>(
    `INSERT INTO accounts (email, first_name, last_name, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
     ON CONFLICT (email) DO NOTHING
     RETURNING id, email, first_name, last_name, verified_at`,
    [input.email, input.firstName, input.lastName, input.now],
  );
  const row = rows[0];
  if (!row) return undefined;
  await faultPoint('account-inserted'); // test-only crash injection (SECURITY.md F5); no-op in production
  await tx.query('INSERT INTO credentials (account_id, password_hash, updated_at) VALUES ($1, $2, $3)', [
    row.id,
    input.passwordHash,
    input.now,
  ]);
  return toAccount(row);
}

/** Replaces the password hash of `accountId`. */
export async function setPasswordHash(
  db: Queryable,
  accountId: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO credentials (account_id, password_hash, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (account_id) DO UPDATE SET password_hash = EXCLUDED.password_hash, updated_at = EXCLUDED.updated_at`,
    [accountId, passwordHash, now],
  );
}

/** The account as `GET /session` shows it. */
export function accountView(account: AccountRecord): Account {
  return {
    id: account.id,
    email: account.email,
    firstName: account.firstName,
    lastName: account.lastName,
    verified: account.verifiedAt !== null,
  };
}

/** The memberships of `accountId` with their organisations, oldest first. */
export async function membershipsOf(db: Queryable, accountId: string): Promise<Membership[]> {
  const { rows } = await db.query<{
    id: string;
    rights: Right[];
    organisation_id: string;
    name: string;
    kvk_number: string;
    branch_number: string | null;
  }>(
    `SELECT m.id, m.rights, o.id AS organisation_id, o.name, o.kvk_number, o.branch_number
     FROM memberships m JOIN organisations o ON o.id = m.organisation_id
     WHERE m.account_id = $1 ORDER BY m.created_at, m.id`,
    [accountId],
  );
  return rows.map((row) => ({
    id: row.id,
    organisation: {
      id: row.organisation_id,
      name: row.name,
      kvkNumber: row.kvk_number,
      branchNumber: row.branch_number,
    },
    rights: row.rights,
  }));
}
