import { RIGHTS, type Invitation, type InvitationPreview, type Right } from '@wij-techniek/onboarding-contract';
import { addSeconds } from '../clock.js';
import { problem } from '../problems.js';
import type { Queryable } from '../store/database.js';
import { INVITATION_LIFETIME_SECONDS } from './limits.js';
import { hashInvitationToken } from './tokens.js';

/** An invitation as stored. */
export interface InvitationRecord {
  readonly id: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly email: string;
  readonly rights: Right[];
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly acceptedAt: Date | null;
  readonly withdrawnAt: Date | null;
}

interface InvitationRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  email: string;
  rights: Right[];
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  withdrawn_at: Date | null;
}

const SELECT = `SELECT i.id, i.organisation_id, o.name AS organisation_name, i.email, i.rights, i.created_at,
    i.expires_at, i.accepted_at, i.withdrawn_at
  FROM invitations i JOIN organisations o ON o.id = i.organisation_id`;

function toRecord(row: InvitationRow): InvitationRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    email: row.email,
    rights: RIGHTS.filter((right) => row.rights.includes(right)),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    withdrawnAt: row.withdrawn_at,
  };
}

/** An invitation as the administrator sees it (never the token). */
export function invitationView(record: InvitationRecord): Invitation {
  return {
    id: record.id,
    email: record.email,
    rights: record.rights,
    createdAt: record.createdAt.toISOString(),
    expiresAt: record.expiresAt.toISOString(),
  };
}

/** What the accept screen shows of an invitation. */
export function invitationPreview(record: InvitationRecord, accountExists: boolean): InvitationPreview {
  return {
    organisation: { name: record.organisationName },
    email: record.email,
    rights: record.rights,
    expiresAt: record.expiresAt.toISOString(),
    accountExists,
  };
}

/**
 * Stores a new invitation for `email` with `rights`, valid for seven days from `now`. A pending invitation of
 * the same address to the same organisation is withdrawn first: its link stops working, only the newest counts.
 * Returns the new record and the ids of the invitations it replaced.
 */
export async function createInvitation(
  tx: Queryable,
  input: {
    organisationId: string;
    organisationName: string;
    email: string;
    rights: readonly Right[];
    tokenHash: string;
    invitedBy: string;
    now: Date;
  },
): Promise<{ invitation: InvitationRecord; replaced: string[] }> {
  const replaced = await tx.query<{ id: string }>(
    `UPDATE invitations SET withdrawn_at = $3
     WHERE organisation_id = $1 AND email = $2 AND accepted_at IS NULL AND withdrawn_at IS NULL
     RETURNING id`,
    [input.organisationId, input.email, input.now],
  );
  const { rows } = await tx.query<Omit<InvitationRow, 'organisation_name'>>(
    `INSERT INTO invitations (organisation_id, email, token_hash, rights, invited_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4::text[], $5, $6, $7)
     RETURNING id, organisation_id, email, rights, created_at, expires_at, accepted_at, withdrawn_at`,
    [
      input.organisationId,
      input.email,
      input.tokenHash,
      [...input.rights],
      input.invitedBy,
      input.now,
      addSeconds(input.now, INVITATION_LIFETIME_SECONDS),
    ],
  );
  return {
    invitation: toRecord({ ...rows[0]!, organisation_name: input.organisationName }),
    replaced: replaced.rows.map((row) => row.id),
  };
}

/** The organisation's invitations not yet accepted nor withdrawn (expired ones included), oldest first. */
export async function pendingInvitations(db: Queryable, organisationId: string): Promise<InvitationRecord[]> {
  const { rows } = await db.query<InvitationRow>(
    `${SELECT} WHERE i.organisation_id = $1 AND i.accepted_at IS NULL AND i.withdrawn_at IS NULL
     ORDER BY i.created_at, i.id`,
    [organisationId],
  );
  return rows.map(toRecord);
}

/**
 * Withdraws a pending invitation of the organisation; returns it, or throws `not_found` when there is no such
 * pending invitation (unknown, of another organisation, already accepted or withdrawn).
 */
export async function withdrawInvitation(
  tx: Queryable,
  organisationId: string,
  invitationId: string,
  now: Date,
): Promise<InvitationRecord> {
  const { rows } = await tx.query<{ id: string }>(
    `UPDATE invitations SET withdrawn_at = $3
     WHERE id = $1 AND organisation_id = $2 AND accepted_at IS NULL AND withdrawn_at IS NULL
     RETURNING id`,
    [invitationId, organisationId, now],
  );
  if (!rows[0]) {
    throw problem('not_found', { detail: 'This invitation is not pending (any more): it was accepted or withdrawn.' });
  }
  const found = await tx.query<InvitationRow>(`${SELECT} WHERE i.id = $1`, [invitationId]);
  return toRecord(found.rows[0]!);
}

/**
 * The invitation of a mailed token, usable at `now`: `invitation_invalid` when no invitation has this token or
 * it was accepted or withdrawn (single use), `invitation_expired` after seven days. With `lock` the row is read
 * `FOR UPDATE`, so two accepts of one link cannot both pass (the second sees it accepted).
 */
export async function usableInvitation(
  db: Queryable,
  token: string,
  now: Date,
  options: { lock?: boolean } = {},
): Promise<InvitationRecord> {
  const { rows } = await db.query<InvitationRow>(
    `${SELECT} WHERE i.token_hash = $1${options.lock ? ' FOR UPDATE OF i' : ''}`,
    [hashInvitationToken(token)],
  );
  const row = rows[0];
  if (!row || row.accepted_at || row.withdrawn_at) throw problem('invitation_invalid');
  if (now >= row.expires_at) throw problem('invitation_expired');
  return toRecord(row);
}

/** Marks an invitation accepted by `accountId`. */
export async function markAccepted(tx: Queryable, invitationId: string, accountId: string, now: Date): Promise<void> {
  await tx.query('UPDATE invitations SET accepted_at = $2, accepted_by = $3 WHERE id = $1', [
    invitationId,
    now,
    accountId,
  ]);
}
