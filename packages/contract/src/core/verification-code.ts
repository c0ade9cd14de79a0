// Zod-free, so the lite entry can use it; ../verification-code.ts adds the zod schemas.

/**
 * The rules of the e-mailed verification code (SECURITY.md C1–C7). The server enforces them; the SDK and the
 * element read them from `GET /config` to shape the input and the resend countdown.
 */
export interface VerificationCodeRules {
  /** Number of decimal digits. */
  readonly length: number;
  /** Seconds a code is valid after it was sent. */
  readonly lifetimeSeconds: number;
  /** Wrong codes a flow allows; the next submission is refused even when it is correct. */
  readonly maxAttempts: number;
  /** Seconds before another code may be requested. */
  readonly resendCooldownSeconds: number;
  /** Mails to one address within {@link VerificationCodeRules.sendWindowSeconds}. */
  readonly maxSendsPerWindow: number;
  /** The window of {@link VerificationCodeRules.maxSendsPerWindow}, in seconds. */
  readonly sendWindowSeconds: number;
}

/** The rules in force: six digits, ten minutes, five attempts, a minute between mails, three per quarter hour. */
export const VERIFICATION_CODE_RULES: VerificationCodeRules = {
  length: 6,
  lifetimeSeconds: 600,
  maxAttempts: 5,
  resendCooldownSeconds: 60,
  maxSendsPerWindow: 3,
  sendWindowSeconds: 900,
};

/**
 * Removes what people paste around a code: spaces, dashes and other separators. `" 123-456 "` becomes
 * `"123456"`. Anything else is left for the schema to refuse.
 */
export function normaliseVerificationCode(input: string): string {
  return input.replace(/[\s\u00a0\u2009\u202f._-]+/gu, '');
}
