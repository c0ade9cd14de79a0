import {
  ERROR_STATUS,
  PROBLEM_MEDIA_TYPE,
  problemType,
  type PasswordViolation,
  type Problem,
  type ServerErrorCode,
  type ServerStepId,
} from '@wij-techniek/onboarding-contract';

/** What a problem may carry besides its code (RFC 9457 extension members of the contract). */
export interface ProblemExtras {
  readonly detail?: string;
  readonly attemptsLeft?: number;
  /** Also sent as the `Retry-After` header. */
  readonly retryAfterSeconds?: number;
  readonly violations?: readonly PasswordViolation[];
  readonly fields?: Readonly<Record<string, readonly string[]>>;
  /** The step the flow is on now, when the error moved it (five wrong codes → `email`). */
  readonly step?: ServerStepId | null;
  /** Why it was refused, where a UI says something else than the code's text (`anti_automation`). */
  readonly reason?: string;
  /** Extra headers, such as `Allow` on 405. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** The title and the default "what happened, what to do next" of each code, in English. */
const TEXTS: Readonly<Record<ServerErrorCode, readonly [title: string, detail: string]>> = {
  invalid_request: ['The request is not valid', 'Correct the fields named in "fields" and send the request again.'],
  invalid_email: ['The e-mail address is not valid', 'Enter an e-mail address such as naam@bedrijf.nl.'],
  unsupported_media_type: ['Unsupported media type', 'Send the body as JSON with Content-Type: application/json.'],
  payload_too_large: [
    'The request is too large',
    'Send a smaller body; no field of this API needs more than a few kB.',
  ],
  origin_not_allowed: [
    'Request from a page that may not use this service',
    'Open the onboarding from the Wij Techniek site itself and try again.',
  ],
  method_not_allowed: ['Method not allowed', 'Use one of the methods in the Allow header.'],
  not_found: ['Not found', 'Check the address; the API lives under /api/v1.'],
  rate_limited: ['Too many requests', 'Wait for the time in Retry-After, then try again.'],
  code_invalid: ['The code is not correct', 'Check the code in the latest e-mail and enter it again.'],
  code_expired: ['The code has expired', 'Ask for a new code and enter that one.'],
  too_many_attempts: [
    'Too many wrong codes',
    'For your safety this attempt has ended. Enter your e-mail address again to receive a new code.',
  ],
  resend_too_soon: ['A new code was sent recently', 'Wait for the time in Retry-After before asking for another code.'],
  password_policy: ['The password does not meet the rules', 'Choose a password that meets every rule in "violations".'],
  password_unchanged: ['This is your current password', 'Choose a password that differs from the one you had.'],
  step_out_of_order: [
    'This step is not open yet',
    'Continue at the step named in "step", or start again by entering your e-mail address.',
  ],
  flow_expired: ['This attempt has expired', 'Enter your e-mail address again to receive a new code.'],
  session_expired: ['Your session has expired', 'Sign in again to continue.'],
  invalid_credentials: [
    'E-mail address or password is not correct',
    'Check both and try again, or choose "Wachtwoord vergeten?" to set a new password.',
  ],
  not_signed_in: ['You are not signed in', 'Sign in or create an account first.'],
  unknown_supplier: ['Unknown eHerkenning supplier', 'Choose a supplier from the list.'],
  return_to_not_allowed: ['Return address not allowed', 'Start from a page of the Wij Techniek site.'],
  eherkenning_cancelled: ['eHerkenning was cancelled', 'Choose your supplier and try again when you are ready.'],
  eherkenning_level_too_low: [
    'eHerkenning level too low',
    'Log in with eHerkenning level 3 or higher; ask your supplier how to get it.',
  ],
  eherkenning_failed: ['eHerkenning did not succeed', 'Try again; if it keeps failing, contact Wij Techniek.'],
  broker_unavailable: ['eHerkenning is not reachable', 'Try again in a few minutes.'],
  forbidden: ['Not allowed', 'Ask an administrator of your organisation for the right to do this.'],
  last_administrator: [
    'The last administrator cannot be removed',
    'Make another member administrator first, then try again.',
  ],
  already_member: ['Already a member', 'This person is already a member of the organisation.'],
  invitation_invalid: ['The invitation is not valid', 'Ask the administrator who invited you for a new invitation.'],
  invitation_expired: ['The invitation has expired', 'Ask the administrator who invited you for a new invitation.'],
  invitation_email_mismatch: [
    'This invitation is for another address',
    'Sign in with the address the invitation was sent to.',
  ],
  service_unavailable: ['The service is temporarily unavailable', 'Try again in a few minutes.'],
  internal_error: ['Something went wrong on our side', 'Try again; if it keeps happening, contact Wij Techniek.'],
};

/**
 * The default detail of `step_out_of_order` with `step: null`: there is no step to continue at, so "continue at the
 * step named in "step"" would point nowhere. A client that keeps no cookies (Node's plain `fetch`) meets it first.
 */
export const NO_FLOW_DETAIL =
  'No sign-up or password reset is under way in this session: the request carried no session cookie, its session ' +
  'has no flow, or another request has just finished it. Start again with POST /signup/email (or POST ' +
  '/password/forgot), and send the cookie it sets with every request after it (in Node: a fetch that keeps ' +
  'cookies, see docs/developers.md "In Node").';

/**
 * An error answer as a value: thrown by routes and services, rendered once by the app's error handler as RFC 9457
 * problem details. Its `code` is stable (the contract's), its status comes from `ERROR_STATUS`.
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly code: ServerErrorCode;
  readonly status: number;
  readonly extras: ProblemExtras;
  constructor(code: ServerErrorCode, extras: ProblemExtras = {}) {
    super(TEXTS[code][0]);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.extras = extras;
  }

  /** The body of the answer. */
  toProblem(): Problem {
    const { detail, attemptsLeft, retryAfterSeconds, violations, fields, step, reason } = this.extras;
    const body: Problem = {
      type: problemType(this.code),
      title: TEXTS[this.code][0],
      status: this.status,
      detail: detail ?? (this.code === 'step_out_of_order' && step === null ? NO_FLOW_DETAIL : TEXTS[this.code][1]),
      code: this.code,
    };
    if (attemptsLeft !== undefined) body.attemptsLeft = attemptsLeft;
    if (retryAfterSeconds !== undefined) body.retryAfterSeconds = retryAfterSeconds;
    if (violations !== undefined) body.violations = [...violations];
    if (fields !== undefined) body.fields = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [...v]]));
    if (step !== undefined) body.step = step;
    if (reason !== undefined) body.reason = reason;
    return body;
  }

  /** The answer: `application/problem+json`, with `Retry-After` when the client must wait. */
  toResponse(): Response {
    const headers = new Headers({ 'Content-Type': PROBLEM_MEDIA_TYPE, ...this.extras.headers });
    if (this.extras.retryAfterSeconds !== undefined) {
      headers.set('Retry-After', String(this.extras.retryAfterSeconds));
    }
    return new Response(JSON.stringify(this.toProblem()), { status: this.status, headers });
  }
}

/** Makes the error answer for `code`; routes `throw problem('forbidden')`. */
export function problem(code: ServerErrorCode, extras?: ProblemExtras): ProblemError {
  return new ProblemError(code, extras);
}
