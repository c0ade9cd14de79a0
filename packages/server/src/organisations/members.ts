import { RIGHTS, type Member, type Right } from '@wij-techniek/onboarding-contract';
import { problem } from '../problems.js';
import type { Queryable } from '../store/database.js';

interface MemberRow {
  id: string;
  account_id: string;
  email: string;
  first_name: string;
  last_name: string;
  rights: Right[];
  created_at: Date;
}

const MEMBER_SELECT = `SELECT m.id, m.account_id, a.email, a.first_name, a.last_name, m.rights, m.created_at
  FROM memberships m JOIN accounts a ON a.id = m.account_id`;

function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    accountId: row.account_id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    rights: RIGHTS.filter((right) => row.rights.includes(right)),
    joinedAt: row.created_at.toISOString(),
  };
}

/** The organisation's members, longest-standing first. */
export async function listMembers(db: Queryable, organisationId: string): Promise<Member[]> {
  const { rows } = await db.query<MemberRow>(
    `${MEMBER_SELECT} WHERE m.organisation_id = $1 ORDER BY m.created_at, m.id`,
    [organisationId],
  );
  return rows.map(toMember);
}

/** One member of the organisation; `not_found` when `memberId` is no member of it. */
export async function findMember(db: Queryable, organisationId: string, memberId: string): Promise<Member> {
  const { rows } = await db.query<MemberRow>(`${MEMBER_SELECT} WHERE m.organisation_id = $1 AND m.id = $2`, [
    organisationId,
    memberId,
  ]);
  if (!rows[0]) throw problem('not_found', { detail: 'This member is not (or no longer) part of the organisation.' });
  return toMember(rows[0]);
}

/** How many members of the organisation hold `administer`, `except` one membership. */
export async function administratorsExcept(db: Queryable, organisationId: string, except: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM memberships
     WHERE organisation_id = $1 AND id <> $2 AND 'administer' = ANY (rights)`,
    [organisationId, except],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Refuses a change that would leave the organisation without anyone holding `administer`: taking the right
 * from, or removing, its last administrator (`last_administrator` 409). Run it after `lockOrganisation`.
 */
export async function assertAdministratorRemains(
  db: Queryable,
  organisationId: string,
  member: Member,
  rightsAfter: readonly Right[] | null,
): Promise<void> {
  const losesAdminister = member.rights.includes('administer') && !(rightsAfter ?? []).includes('administer');
  if (!losesAdminister) return;
  if ((await administratorsExcept(db, organisationId, member.id)) === 0) {
    throw problem('last_administrator', {
      detail: 'This is the last administrator of the organisation. Give another member the administer right first.',
    });
  }
}

/** Sets a member's rights; returns the member as saved. */
export async function setRights(db: Queryable, member: Member, rights: readonly Right[], now: Date): Promise<Member> {
  await db.query('UPDATE memberships SET rights = $2::text[], updated_at = $3 WHERE id = $1', [
    member.id,
    [...rights],
    now,
  ]);
  return { ...member, rights: RIGHTS.filter((right) => rights.includes(right)) };
}

/** Removes a membership (the account itself stays: it may belong to other organisations). */
export async function deleteMembership(db: Queryable, memberId: string): Promise<void> {
  await db.query('DELETE FROM memberships WHERE id = $1', [memberId]);
}
