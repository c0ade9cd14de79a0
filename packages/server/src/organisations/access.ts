import { IdSchema, type Organisation, type Right } from '@wij-techniek/onboarding-contract';
import type { Context } from 'hono';
import type { AppContext } from '../context.js';
import { problem } from '../problems.js';
import type { Queryable } from '../store/database.js';

/** The signed-in caller's membership of one organisation. */
export interface CallerMembership {
  readonly accountId: string;
  readonly membershipId: string;
  readonly organisation: Organisation;
  readonly rights: Right[];
}

/** What the caller must hold. */
export type Requirement = 'member' | 'administer';

/**
 * The signed-in caller's membership of `organisationId`, checked against `requirement`. Every organisation
 * endpoint starts here, so no handler can forget it:
 * - nobody signed in → `not_signed_in` (or `session_expired`) 401;
 * - not a member (another organisation's administrator, a malformed or unknown id) → `forbidden` 403, the same
 *   answer for an organisation that does not exist, so ids cannot be probed;
 * - a member without `administer` where it is needed → `forbidden` 403.
 *
 * Pass `tx` with `lock: true` inside a write's transaction: the caller's own row is then read `FOR UPDATE`, so a
 * concurrent change of the caller's rights cannot slip between this check and the write.
 */
export async function requireMembership(
  ctx: AppContext,
  c: Context,
  organisationId: string,
  requirement: Requirement,
  options: { db?: Queryable; lock?: boolean } = {},
): Promise<CallerMembership> {
  const session = ctx.sessions.requireAccount(c);
  if (!IdSchema.safeParse(organisationId).success) throw problem('forbidden');
  const db = options.db ?? ctx.db;
  const { rows } = await db.query<{
    id: string;
    rights: Right[];
    name: string;
    kvk_number: string;
    branch_number: string | null;
  }>(
    `SELECT m.id, m.rights, o.name, o.kvk_number, o.branch_number
     FROM memberships m JOIN organisations o ON o.id = m.organisation_id
     WHERE m.account_id = $1 AND m.organisation_id = $2${options.lock ? ' FOR UPDATE OF m' : ''}`,
    [session.accountId, organisationId],
  );
  const row = rows[0];
  if (!row) throw problem('forbidden');
  if (requirement === 'administer' && !row.rights.includes('administer')) throw problem('forbidden');
  return {
    accountId: session.accountId,
    membershipId: row.id,
    organisation: { id: organisationId, name: row.name, kvkNumber: row.kvk_number, branchNumber: row.branch_number },
    rights: row.rights,
  };
}

/**
 * Locks the organisation's row for the rest of `tx`. Every change of who administers an organisation takes this
 * lock first, so two requests that would each leave one administrator run one after the other: the second sees
 * the first's outcome (SECURITY.md F3), on PostgreSQL as on PGlite.
 */
export async function lockOrganisation(tx: Queryable, organisationId: string): Promise<void> {
  await tx.query('SELECT id FROM organisations WHERE id = $1 FOR UPDATE', [organisationId]);
}
