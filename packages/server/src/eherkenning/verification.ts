import { RIGHTS, type Right } from '@wij-techniek/onboarding-contract';
import type { Queryable } from '../store/database.js';
import type { VerifiedIdentity } from './claims.js';

/** An administrator who was there before, to be told by mail that another one joined. */
export interface ExistingAdministrator {
  readonly email: string;
}

/** What {@link recordVerification} did. */
export interface RecordedVerification {
  readonly organisationId: string;
  readonly organisationName: string;
  /** True when this callback created the organisation. */
  readonly createdOrganisation: boolean;
  readonly membershipId: string;
  readonly rightsBefore: readonly Right[] | null;
  readonly existingAdministrators: readonly ExistingAdministrator[];
}

/**
 * Writes what a verified eHerkenning login means, inside the caller's transaction `tx` (F2): the organisation
 * found or created by KvK number (the UNIQUE constraint decides races, and the upsert's row lock serialises
 * concurrent callbacks for one company, F3), the `(issuer, subject)` identity linked to this account, the account marked verified, and an administrator membership
 * with every right. Returns the administrators who were there before, for the mail.
 */
export async function recordVerification(
  tx: Queryable,
  input: { accountId: string; identity: VerifiedIdentity; now: Date },
): Promise<RecordedVerification> {
  const { accountId, identity, now } = input;
  const organisation = await tx.query<{ id: string; name: string; created: boolean }>(
    `INSERT INTO organisations (kvk_number, name, branch_number, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $4)
     ON CONFLICT (kvk_number) DO UPDATE SET updated_at = EXCLUDED.updated_at
     RETURNING id, name, (xmax = 0) AS created`,
    [identity.kvkNumber, identity.organisationName, identity.branchNumber, now],
  );
  const org = organisation.rows[0]!;

  // The (issuer, subject) key names one eHerkenning person (O10). When that person verifies a second Wij Techniek
  // account (say, after losing the first), the link moves to the newest one; both stay administrators, and the
  // mail below tells every earlier administrator, including the old account.
  await tx.query(
    `INSERT INTO eherkenning_identities (issuer, subject, account_id, organisation_id, level, created_at, last_verified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6)
     ON CONFLICT (issuer, subject) DO UPDATE
       SET account_id = EXCLUDED.account_id, organisation_id = EXCLUDED.organisation_id, level = EXCLUDED.level,
           last_verified_at = EXCLUDED.last_verified_at`,
    [identity.issuer, identity.subject, accountId, org.id, identity.level, now],
  );

  const administrators = await tx.query<{ email: string }>(
    `SELECT a.email FROM memberships m JOIN accounts a ON a.id = m.account_id
     WHERE m.organisation_id = $1 AND m.account_id <> $2 AND 'administer' = ANY (m.rights)
     ORDER BY m.created_at, m.id`,
    [org.id, accountId],
  );
  const before = await tx.query<{ rights: Right[] }>(
    'SELECT rights FROM memberships WHERE account_id = $1 AND organisation_id = $2',
    [accountId, org.id],
  );
  const membership = await tx.query<{ id: string }>(
    `INSERT INTO memberships (account_id, organisation_id, rights, created_at, updated_at)
     VALUES ($1, $2, $3::text[], $4, $4)
     ON CONFLICT (account_id, organisation_id) DO UPDATE SET rights = EXCLUDED.rights, updated_at = EXCLUDED.updated_at
     RETURNING id`,
    [accountId, org.id, [...RIGHTS], now],
  );
  await tx.query('UPDATE accounts SET verified_at = COALESCE(verified_at, $2), updated_at = $2 WHERE id = $1', [
    accountId,
    now,
  ]);
  return {
    organisationId: org.id,
    organisationName: org.name,
    createdOrganisation: org.created,
    membershipId: membership.rows[0]!.id,
    rightsBefore: before.rows[0]?.rights ?? null,
    existingAdministrators: administrators.rows,
  };
}
