import { z } from 'zod/mini';
import { normaliseVerificationCode } from './core/verification-code.js';
import { VERIFICATION_CODE_PATTERN } from './core/internal.js';

export * from './core/verification-code.js';

/** Schema of the rules as `GET /config` sends them. */
export const VerificationCodeRulesSchema = z.object({
  length: z.number().check(z.int(), z.positive()),
  lifetimeSeconds: z.number().check(z.int(), z.positive()),
  maxAttempts: z.number().check(z.int(), z.positive()),
  resendCooldownSeconds: z.number().check(z.int(), z.nonnegative()),
  maxSendsPerWindow: z.number().check(z.int(), z.positive()),
  sendWindowSeconds: z.number().check(z.int(), z.positive()),
});

/** Schema of a code as the person submits it: exactly six ASCII digits after normalisation. */
export const VerificationCodeSchema = z.pipe(
  z.pipe(z.string(), z.transform(normaliseVerificationCode)),
  z.string().check(z.regex(VERIFICATION_CODE_PATTERN, 'A verification code is exactly 6 digits.')),
);
