import { z } from 'zod/mini';

/** A limit: at most `max` hits per `windowSeconds` (fixed window). */
export interface Limit {
  readonly max: number;
  readonly windowSeconds: number;
}

/**
 * The documented limits (SECURITY.md R1, R2, R5, C5, C7) and how the waits grow. None locks anyone out for good:
 * every wait ends, the longest is {@link Limits.maxWaitSeconds}, and a successful sign-in or password reset
 * clears the failure counts of that address (wrong passwords, and wrong codes: a right code clears those too).
 * The two failure counts per address are bounded to at most 100 an hour (63B-4 §3.2.2), whatever the operator
 * sets; the other limits only bound how fast a client or an administrator can go. docs/operators.md has the table.
 */
export interface Limits {
  /** Code mails (sign-up, sign-in hint, reset) to one address: 3 per 15 minutes (C7). */
  readonly mailsPerAddress: Limit;
  /** Requests that send a code mail, per client address: sign-up starts, resends, reset requests (R5). */
  readonly mailRequestsPerClient: Limit;
  /** Code submissions per client address, on top of the five attempts per flow. */
  readonly codeAttemptsPerClient: Limit;
  /** Sign-in attempts per client address. */
  readonly loginsPerClient: Limit;
  /** Failed sign-ins per address (R2: at most 100 an hour); counted for unknown addresses too. */
  readonly loginFailuresPerAddress: Limit;
  /**
   * Code submissions per address that were not a right code, sign-up and password-reset codes together, from any
   * client (C5 step 4: at most 100 an hour); counted whether or not the address has an account (R4). Unlike the
   * five attempts per flow and {@link Limits.codeAttemptsPerClient}, no new flow or client address escapes it.
   */
  readonly codeFailuresPerAddress: Limit;
  /** Invitations one administrator sends (each is a mail to an address they choose). */
  readonly invitationsPerAdministrator: Limit;
  /** Invitation links one client tries (lookups and accepts), so tokens cannot be guessed at speed. */
  readonly invitationAttemptsPerClient: Limit;
  /**
   * The longest wait (R1). A key that is blocked again soon after its last wait ended waits twice as long as the
   * last time, from one window up to this; never longer than this or its own window, whichever is larger.
   */
  readonly maxWaitSeconds: number;
  /** A key that has not been blocked for this long after its last wait starts again from the shortest wait. */
  readonly resetAfterSeconds: number;
}

/** The names of the limits proper (the members of {@link Limits} that are a {@link Limit}). */
export type LimitName = Exclude<keyof Limits, 'maxWaitSeconds' | 'resetAfterSeconds'>;

/** The limits in force unless the environment or `createServer` set others. */
export const DEFAULT_LIMITS: Limits = {
  mailsPerAddress: { max: 3, windowSeconds: 15 * 60 },
  mailRequestsPerClient: { max: 20, windowSeconds: 15 * 60 },
  codeAttemptsPerClient: { max: 60, windowSeconds: 15 * 60 },
  loginsPerClient: { max: 30, windowSeconds: 5 * 60 },
  loginFailuresPerAddress: { max: 100, windowSeconds: 60 * 60 },
  codeFailuresPerAddress: { max: 100, windowSeconds: 60 * 60 },
  invitationsPerAdministrator: { max: 50, windowSeconds: 60 * 60 },
  invitationAttemptsPerClient: { max: 60, windowSeconds: 15 * 60 },
  maxWaitSeconds: 60 * 60,
  resetAfterSeconds: 60 * 60,
};

/** The environment variable of each limit setting (docs/operators.md, "Rate limits"). */
export const LIMIT_VARIABLES: Readonly<Record<keyof Limits, string>> = {
  mailsPerAddress: 'RATE_LIMIT_MAILS_PER_ADDRESS',
  mailRequestsPerClient: 'RATE_LIMIT_MAIL_REQUESTS_PER_CLIENT',
  codeAttemptsPerClient: 'RATE_LIMIT_CODE_ATTEMPTS_PER_CLIENT',
  loginsPerClient: 'RATE_LIMIT_LOGINS_PER_CLIENT',
  loginFailuresPerAddress: 'RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS',
  codeFailuresPerAddress: 'RATE_LIMIT_CODE_FAILURES_PER_ADDRESS',
  invitationsPerAdministrator: 'RATE_LIMIT_INVITATIONS_PER_ADMINISTRATOR',
  invitationAttemptsPerClient: 'RATE_LIMIT_INVITATION_ATTEMPTS_PER_CLIENT',
  maxWaitSeconds: 'RATE_LIMIT_MAX_WAIT',
  resetAfterSeconds: 'RATE_LIMIT_RESET_AFTER',
};

const WEEK = 7 * 24 * 3600;
// 63B-4 §3.2.2 (ASVS4 2.2.1): no more than 100 failed attempts per authenticator per account, read as an hour.
const FAILURES_MAX = 100;
const FAILURES_WINDOW = 3600;

const seconds = (min: number) =>
  z
    .number()
    .check(
      z.int('must be whole seconds'),
      z.gte(min, `must be at least ${min} s`),
      z.lte(WEEK, 'must be at most 7 days'),
    );

const LimitSchema = z.strictObject({
  max: z
    .number()
    .check(
      z.int('must be a whole number'),
      z.gte(1, 'must be at least 1'),
      z.lte(1_000_000, 'must be at most 1000000'),
    ),
  windowSeconds: seconds(1),
});

/**
 * A failure count per address: at most 100 per at least an hour, so no setting allows more guesses at one
 * account than 63B-4 §3.2.2 does. `requirement` is the SECURITY.md item the messages name (R2 passwords, C5 codes).
 */
const failuresSchema = (requirement: string) =>
  z.strictObject({
    max: z
      .number()
      .check(
        z.int('must be a whole number'),
        z.gte(1, 'must be at least 1'),
        z.lte(FAILURES_MAX, `must be at most ${FAILURES_MAX} (SECURITY.md ${requirement})`),
      ),
    windowSeconds: z
      .number()
      .check(
        z.int('must be whole seconds'),
        z.gte(FAILURES_WINDOW, `must be at least 1 h (${requirement}: at most ${FAILURES_MAX} failures an hour)`),
        z.lte(WEEK, 'must be at most 7 days'),
      ),
  });

/** The `limits` option of `createServer`: any subset of {@link Limits}, each member whole. */
export const LimitsOptionSchema = z.strictObject({
  mailsPerAddress: z.optional(LimitSchema),
  mailRequestsPerClient: z.optional(LimitSchema),
  codeAttemptsPerClient: z.optional(LimitSchema),
  loginsPerClient: z.optional(LimitSchema),
  loginFailuresPerAddress: z.optional(failuresSchema('R2')),
  codeFailuresPerAddress: z.optional(failuresSchema('C5')),
  invitationsPerAdministrator: z.optional(LimitSchema),
  invitationAttemptsPerClient: z.optional(LimitSchema),
  maxWaitSeconds: z.optional(seconds(1)),
  resetAfterSeconds: z.optional(seconds(0)),
});

/** What `createServer({ limits })` accepts. */
export type LimitsOption = Partial<Limits>;

/** A setting that is out of bounds: `path` names it (`loginsPerClient.max`), `message` says what it must be. */
export interface LimitIssue {
  readonly path: string;
  readonly message: string;
}

/** Checks `value` against the bounds of {@link LimitsOptionSchema}; the first issue, or null when it is valid. */
export function checkLimits(value: unknown): LimitIssue | null {
  const result = LimitsOptionSchema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    return {
      path: issue.keys.join(', '),
      message: `is not a limit (known: ${Object.keys(DEFAULT_LIMITS).join(', ')})`,
    };
  }
  return {
    path: issue.path.join('.'),
    message:
      issue.code !== 'invalid_type'
        ? issue.message
        : issue.expected === 'object'
          ? 'must be { max, windowSeconds }'
          : issue.expected === 'number'
            ? 'must be a number'
            : issue.message,
  };
}

const DURATION = /^([0-9]{1,7})([smh]?)$/;
const UNIT_SECONDS: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600 };

/** `90`, `90s`, `15m`, `1h` → seconds; undefined when it is not such a duration. */
export function parseDuration(value: string): number | undefined {
  const match = DURATION.exec(value);
  return match ? Number(match[1]) * UNIT_SECONDS[match[2]!]! : undefined;
}

/** `max/window` (`30/5m`, `3/900`) → a {@link Limit}; undefined when it is not of that form. */
export function parseLimit(value: string): Limit | undefined {
  const [max, window, extra] = value.split('/');
  if (extra !== undefined || !max || !/^[0-9]{1,7}$/.test(max) || window === undefined) return undefined;
  const windowSeconds = parseDuration(window);
  return windowSeconds === undefined ? undefined : { max: Number(max), windowSeconds };
}

/** Seconds as the shortest of `1h`, `15m`, `90s`. */
export function formatDuration(totalSeconds: number): string {
  if (totalSeconds > 0 && totalSeconds % 3600 === 0) return `${totalSeconds / 3600}h`;
  if (totalSeconds > 0 && totalSeconds % 60 === 0) return `${totalSeconds / 60}m`;
  return `${totalSeconds}s`;
}

/** A limit as its environment value: `30/5m`. */
export function formatLimit(limit: Limit): string {
  return `${limit.max}/${formatDuration(limit.windowSeconds)}`;
}

/** The limit names, in the order of {@link DEFAULT_LIMITS}. */
export const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS).filter(
  (name): name is LimitName => name !== 'maxWaitSeconds' && name !== 'resetAfterSeconds',
);
