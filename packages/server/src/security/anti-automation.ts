import type { Context } from 'hono';
import { z } from 'zod/mini';
import type { Logger } from '../logger.js';
import { problem } from '../problems.js';

/**
 * The request header that carries a CAPTCHA or proof-of-work token to the anti-automation hook. A header, so
 * the contract's request bodies stay as they are; CORS allows it.
 */
export const ANTI_AUTOMATION_HEADER = 'Anti-Automation-Token';

/** The routes that consult the hook: the two that start a flow and send a mail to an address anyone may type. */
export type AntiAutomationRoute = '/signup/email' | '/password/forgot';

/** What the hook is asked about. It gets no address or other personal data of the person. */
export interface AntiAutomationRequest {
  /** The client address the rate limits use (`X-Forwarded-For` only from `TRUSTED_PROXIES`). */
  readonly clientAddress: string;
  /** The {@link ANTI_AUTOMATION_HEADER} value, or undefined when the request has none. */
  readonly token: string | undefined;
  /** Which start is asked for, as the path below `/api/v1`. */
  readonly route: AntiAutomationRoute;
}

/** The hook's answer: `true`/`false`, or an object that may also say how long the client should wait. */
export type AntiAutomationVerdict =
  | boolean
  | {
      readonly allowed: boolean;
      /** `Retry-After` of the refusal (default 30). */ readonly retryAfterSeconds?: number;
    };

/**
 * An optional check before a sign-up or password-reset start (SECURITY.md R5): a CAPTCHA or proof-of-work
 * verifier, an IP reputation lookup. Consulted after the body is validated and before anything else happens; a
 * refusal answers 429 `rate_limited` with `reason: "anti_automation"` (so a UI asks for the check again), a hook
 * that throws, answers something else or takes longer than `timeoutMs` answers 503 `service_unavailable` (it fails
 * closed).
 */
export interface AntiAutomation {
  verify(request: AntiAutomationRequest): Promise<AntiAutomationVerdict> | AntiAutomationVerdict;
  /** How long to wait for `verify` (default 5000 ms). */
  readonly timeoutMs?: number;
}

/** The `antiAutomation` option as `createServer` validates it. */
export const AntiAutomationSchema = z.object({
  verify: z.custom<AntiAutomation['verify']>((value) => typeof value === 'function', 'verify must be a function'),
  timeoutMs: z.optional(z.number().check(z.int(), z.gte(1), z.lte(60_000, 'timeoutMs must be at most 60000'))),
});

const VerdictSchema = z.union([
  z.boolean(),
  z.object({
    allowed: z.boolean(),
    retryAfterSeconds: z.optional(z.number().check(z.int(), z.gte(1), z.lte(24 * 3600))),
  }),
]);

// Tokens of the usual CAPTCHA services are a few kB at most; more is not a token.
const TokenSchema = z.optional(z.string().check(z.maxLength(8192)));

const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_REFUSAL_RETRY_SECONDS = 30;

/**
 * Consults `hook` for this request; returns when it allows, throws the problem to answer otherwise. Without a
 * hook it returns at once. The token is never logged.
 */
export async function checkAntiAutomation(
  hook: AntiAutomation | undefined,
  c: Context,
  request: Omit<AntiAutomationRequest, 'token'>,
  logger: Logger,
  pseudonym: (value: string) => string,
): Promise<void> {
  if (!hook) return;
  const header = TokenSchema.safeParse(c.req.header(ANTI_AUTOMATION_HEADER));
  if (!header.success) {
    throw problem('invalid_request', {
      detail: `The ${ANTI_AUTOMATION_HEADER} header is longer than 8192 characters.`,
    });
  }
  const subject = pseudonym(request.clientAddress);
  let verdict: z.infer<typeof VerdictSchema>;
  let timer: NodeJS.Timeout | undefined;
  try {
    const answer = await Promise.race([
      Promise.resolve().then(() => hook.verify({ ...request, token: header.data })),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${hook.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`)),
          hook.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        );
      }),
    ]);
    const parsed = VerdictSchema.safeParse(answer);
    if (!parsed.success) throw new Error('the hook answered neither a boolean nor { allowed }');
    verdict = parsed.data;
  } catch (error) {
    // Fail closed: a broken verifier must not open the door it guards.
    logger.error('anti_automation_failed', {
      route: request.route,
      subject,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
    throw problem('service_unavailable', { retryAfterSeconds: DEFAULT_REFUSAL_RETRY_SECONDS });
  } finally {
    clearTimeout(timer);
  }
  const allowed = typeof verdict === 'boolean' ? verdict : verdict.allowed;
  if (allowed) return;
  const retryAfterSeconds =
    (typeof verdict === 'object' ? verdict.retryAfterSeconds : undefined) ?? DEFAULT_REFUSAL_RETRY_SECONDS;
  logger.warn('anti_automation_refused', { route: request.route, subject, hadToken: header.data !== undefined });
  // The reason tells a UI the person must do the check again (the token was single use), not just wait.
  throw problem('rate_limited', { retryAfterSeconds, reason: 'anti_automation', detail: REFUSED_DETAIL });
}

const REFUSED_DETAIL =
  'The anti-automation check (CAPTCHA) did not accept the token. Have the person do the check again and send the ' +
  'request with the new token (a token is single use).';
