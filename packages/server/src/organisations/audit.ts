import type { AuditAction, AuditEntry, Right } from '@wij-techniek/onboarding-contract';
import type { Queryable } from '../store/database.js';

/** One audit record to write: who (`actorAccountId`) did what (`action`) to whom, with the rights around it. */
export interface AuditRecord {
  readonly organisationId: string;
  readonly at: Date;
  readonly action: AuditAction;
  readonly actorAccountId: string | null;
  readonly subjectAccountId?: string | null;
  readonly subjectEmail?: string | null;
  readonly rightsBefore?: readonly Right[] | null;
  readonly rightsAfter?: readonly Right[] | null;
}

/** Writes an audit record in `db` (pass the transaction that makes the change, so both commit or neither). */
export async function recordAudit(db: Queryable, record: AuditRecord): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (organisation_id, at, action, actor_account_id, subject_account_id, subject_email,
       rights_before, rights_after)
     VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8::text[])`,
    [
      record.organisationId,
      record.at,
      record.action,
      record.actorAccountId,
      record.subjectAccountId ?? null,
      record.subjectEmail ?? null,
      record.rightsBefore ? [...record.rightsBefore] : null,
      record.rightsAfter ? [...record.rightsAfter] : null,
    ],
  );
}

/** Most entries one `GET /organisations/{id}/audit` returns, newest first. */
export const AUDIT_PAGE_SIZE = 500;

/** The organisation's audit log, newest first: who (by name), whom (account and address), what, when. */
export async function auditLog(db: Queryable, organisationId: string): Promise<AuditEntry[]> {
  const { rows } = await db.query<{
    id: string;
    at: Date;
    action: AuditEntry['action'];
    actor_account_id: string | null;
    actor_first_name: string | null;
    actor_last_name: string | null;
    subject_account_id: string | null;
    subject_email: string | null;
    rights_before: Right[] | null;
    rights_after: Right[] | null;
  }>(
    `SELECT l.id, l.at, l.action, l.actor_account_id, a.first_name AS actor_first_name, a.last_name AS actor_last_name,
       l.subject_account_id, COALESCE(l.subject_email, s.email) AS subject_email, l.rights_before, l.rights_after
     FROM audit_log l
     LEFT JOIN accounts a ON a.id = l.actor_account_id
     LEFT JOIN accounts s ON s.id = l.subject_account_id
     WHERE l.organisation_id = $1
     ORDER BY l.at DESC, l.seq DESC
     LIMIT ${AUDIT_PAGE_SIZE}`,
    [organisationId],
  );
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    actor:
      row.actor_account_id && row.actor_first_name !== null
        ? {
            accountId: row.actor_account_id,
            name: `${row.actor_first_name} ${row.actor_last_name ?? ''}`.trim(),
          }
        : null,
    subject: { accountId: row.subject_account_id, email: row.subject_email },
    rightsBefore: row.rights_before,
    rightsAfter: row.rights_after,
  }));
}
