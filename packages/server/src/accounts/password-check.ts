import { checkPassword, passwordLength, type PasswordPolicy } from '@wij-techniek/onboarding-contract';
import { isBlocklisted } from '@wij-techniek/onboarding-contract/blocklist';
import { problem } from '../problems.js';

/**
 * Applies the policy to a new password before anything expensive happens (P1, P3, P6): the length and classes,
 * the blocklist, and the person's own data. Throws `password_policy` with every broken rule.
 */
export function assertPasswordAcceptable(
  password: string,
  policy: PasswordPolicy,
  context: readonly (string | undefined)[],
): void {
  // A password far over the limit is refused on length alone, without running the other checks on it.
  if (passwordLength(password) > policy.maxLength * 4) throw problem('password_policy', { violations: ['too_long'] });
  const verdict = checkPassword(password, policy, { context, isBlocklisted });
  if (!verdict.valid) throw problem('password_policy', { violations: verdict.violations });
}
