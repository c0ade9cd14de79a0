import { z } from 'zod/mini';
import { CHARACTER_CLASSES, PASSWORD_POLICY_NAMES } from './core/password-policy.js';

export * from './core/password-policy.js';

/** Schema of a policy as `GET /config` sends it. */
export const PasswordPolicySchema = z.object({
  name: z.enum(PASSWORD_POLICY_NAMES),
  minLength: z.number().check(z.int(), z.positive()),
  maxLength: z.number().check(z.int(), z.positive()),
  requiredClasses: z.array(z.enum(CHARACTER_CLASSES)),
});
