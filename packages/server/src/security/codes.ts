import { randomInt } from 'node:crypto';
import { VERIFICATION_CODE_RULES } from '@wij-techniek/onboarding-contract';
import { constantEquals } from './constant-equals.js';
import type { Keys } from './keys.js';

/** A verification code as mailed: six decimal digits, leading zeros kept. */
export type VerificationCode = string;

/** A new code from the CSPRNG (SECURITY.md C1): uniform over 000000–999999. */
export function generateCode(): VerificationCode {
  const { length } = VERIFICATION_CODE_RULES;
  return randomInt(0, 10 ** length)
    .toString()
    .padStart(length, '0');
}

/**
 * The stored form of a code: an HMAC under the server's key over the flow, the address and the code, so a
 * code only ever matches the flow and address it was sent for (C4, C6).
 */
export function codeHmac(keys: Keys, flowId: string, email: string, code: VerificationCode): string {
  return keys.hmac('verification-code', `${flowId}\n${email}\n${code}`);
}

/** True when `code` is the one whose HMAC is `stored`, compared in constant time (C6). */
export function codeMatches(keys: Keys, flowId: string, email: string, code: string, stored: string): boolean {
  return constantEquals(codeHmac(keys, flowId, email, code), stored);
}
