import type { TestStack } from './harness.ts';

/**
 * What a verified eHerkenning login creates, counted: a refused callback must leave these exactly as they were
 * (O14, F7: nothing changed).
 */
export async function eherkenningState(stack: TestStack): Promise<Record<string, number>> {
  const { rows } = await stack.server.context.db.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM organisations) AS organisations,
            (SELECT count(*)::int FROM memberships) AS memberships,
            (SELECT count(*)::int FROM eherkenning_identities) AS identities,
            (SELECT count(*)::int FROM audit_log) AS audit,
            (SELECT count(*)::int FROM accounts WHERE verified_at IS NOT NULL) AS verified,
            (SELECT count(*)::int FROM outbox WHERE template = 'administrator-added') AS mails`,
  );
  return rows[0]!;
}
