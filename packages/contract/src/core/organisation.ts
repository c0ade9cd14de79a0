// Zod-free, so the lite entry can use it; ../organisation.ts adds the zod schemas.

/**
 * What a membership may do. An administrator holds all of them and grants them to employees.
 * - `register_for_meetings`: register colleagues for meetings and events;
 * - `submit_expense_claims`: submit expense claims (declaraties);
 * - `access_exclusive_content`: exclusive information and tools;
 * - `administer`: manage the organisation's members and their rights.
 */
export const RIGHTS = [
  'register_for_meetings',
  'submit_expense_claims',
  'access_exclusive_content',
  'administer',
] as const;

/** One of {@link RIGHTS}. */
export type Right = (typeof RIGHTS)[number];

/** What the audit log records. */
export const AUDIT_ACTIONS = [
  'administrator_verified',
  'member_invited',
  'invitation_withdrawn',
  'invitation_accepted',
  'rights_changed',
  'member_removed',
] as const;

/** One of {@link AUDIT_ACTIONS}. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
