import type { Queryable } from '../../../src/index.ts';

/**
 * The consistency rules of SECURITY.md F5, each a query that counts the rows breaking it. After any crash, and
 * after any fault, every count must be 0.
 */
export const INVARIANTS = {
  'account without a credential':
    'SELECT count(*)::int AS n FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM credentials c WHERE c.account_id = a.id)',
  'credential without an account':
    'SELECT count(*)::int AS n FROM credentials c WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = c.account_id)',
  'organisation link without an account':
    'SELECT count(*)::int AS n FROM memberships m WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = m.account_id)',
  'organisation link without an organisation':
    'SELECT count(*)::int AS n FROM memberships m WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = m.organisation_id)',
  'eHerkenning identity without an account':
    'SELECT count(*)::int AS n FROM eherkenning_identities i WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = i.account_id)',
  'verified account without its eHerkenning identity': `SELECT count(*)::int AS n FROM accounts a WHERE a.verified_at IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM eherkenning_identities i WHERE i.account_id = a.id)`,
  'consumed sign-up flow without its account':
    "SELECT count(*)::int AS n FROM flows WHERE kind = 'signup' AND consumed_at IS NOT NULL AND account_id IS NULL",
  'consumed sign-up flow whose account was not created from it': `SELECT count(*)::int AS n FROM flows f WHERE f.kind = 'signup' AND f.consumed_at IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = f.account_id AND a.email = f.email)`,
  'accepted code that is still usable':
    'SELECT count(*)::int AS n FROM flows WHERE verified_at IS NOT NULL AND code_hmac IS NOT NULL',
  'consumed flow that was never verified':
    'SELECT count(*)::int AS n FROM flows WHERE consumed_at IS NOT NULL AND verified_at IS NULL',
  'session signed in to a missing account': `SELECT count(*)::int AS n FROM sessions s WHERE s.account_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = s.account_id)`,
} as const;

/** Runs every invariant; resolves with the broken ones and their counts (empty when all hold). */
export async function brokenInvariants(db: Queryable): Promise<Record<string, number>> {
  const broken: Record<string, number> = {};
  for (const [name, sql] of Object.entries(INVARIANTS)) {
    const { rows } = await db.query<{ n: number }>(sql);
    const count = rows[0]?.n ?? 0;
    if (count !== 0) broken[name] = count;
  }
  return broken;
}
