import { z } from 'zod/mini';
import { ERROR_CODES } from '../errors.js';
import { PASSWORD_VIOLATIONS } from '../password-policy.js';
import { SERVER_STEP_IDS } from '../steps.js';

/**
 * Schema of an error answer: RFC 9457 problem details with the onboarding's stable `code`, and where they apply
 * the attempts left, the seconds to wait, the broken password rules, the fields at fault, the step the flow
 * is on now and why a request was refused.
 */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int(), z.minimum(400), z.maximum(599)),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  code: z.enum(ERROR_CODES),
  attemptsLeft: z.optional(z.number().check(z.int(), z.nonnegative())),
  retryAfterSeconds: z.optional(z.number().check(z.int(), z.nonnegative())),
  violations: z.optional(z.array(z.enum(PASSWORD_VIOLATIONS))),
  /** Field names (as in the request body) with what is wrong with each, for `invalid_request`. */
  fields: z.optional(z.record(z.string(), z.array(z.string()))),
  step: z.optional(z.nullable(z.enum(SERVER_STEP_IDS))),
  /**
   * Why the request was refused, where a UI should say something else than the code's usual text: `anti_automation`
   * on `rate_limited` when the server's anti-automation hook (a CAPTCHA) refused it, so the person must do the check
   * again. Any string, so a client keeps working when a newer server names another reason.
   */
  reason: z.optional(z.string()),
});

/** An error answer of the API. */
export type Problem = z.infer<typeof ProblemSchema>;
