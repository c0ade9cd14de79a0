import { z } from 'zod/mini';
import { EHERKENNING_LEVELS, EherkenningSupplierSchema } from '../eherkenning.js';
import { LanguageSchema } from '../fields.js';
import { PasswordPolicySchema } from '../password-policy.js';
import { VerificationCodeRulesSchema } from '../verification-code.js';

/** Schema of `GET /config`: what the UI needs to know before the person starts. */
export const ConfigSchema = z.object({
  passwordPolicy: PasswordPolicySchema,
  verificationCode: VerificationCodeRulesSchema,
  /** The suppliers in the broker's order. */
  suppliers: z.array(EherkenningSupplierSchema),
  minimumLevel: z.enum(EHERKENNING_LEVELS),
  defaultLanguage: LanguageSchema,
});

/** The answer of `GET /config`. */
export type Config = z.infer<typeof ConfigSchema>;
