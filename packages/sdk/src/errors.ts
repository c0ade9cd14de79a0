import type { ErrorCode, PasswordViolation, Problem, ServerStepId } from '@wij-techniek/onboarding-contract/lite';

/** What an {@link OnboardingError} carries besides its code. */
export interface OnboardingErrorOptions {
  /** The HTTP status, when the error came from the server. */
  readonly status?: number;
  /** Wrong codes still allowed (`code_invalid`). */
  readonly attemptsLeft?: number;
  /** Seconds to wait before trying again (`rate_limited`, `resend_too_soon`). */
  readonly retryAfterSeconds?: number;
  /** The password rules broken (`password_policy`). */
  readonly violations?: readonly PasswordViolation[];
  /** What is wrong per request field (`invalid_request`). */
  readonly fields?: Readonly<Record<string, readonly string[]>>;
  /** The step the server says the flow is on now. */
  readonly step?: ServerStepId | null;
  /**
   * Why the server refused, where a UI says something else than the code's text: `anti_automation` (with
   * `rate_limited`) when its anti-automation hook refused the token, so the person must do the CAPTCHA again.
   */
  readonly reason?: string;
  /** The server's problem details, as received. */
  readonly problem?: Problem;
  readonly cause?: unknown;
}

/**
 * A failure of the onboarding with a stable {@link ErrorCode} from the contract: the same code the server
 * answered, that the element translates and that the `wt-error` event carries. UI-visible failures reach a UI as
 * `state.error`, never as a thrown error; the client's methods throw it.
 */
export class OnboardingError extends Error {
  override name = 'OnboardingError';
  /** The stable code; translate this, never the message. */
  declare readonly code: ErrorCode;
  declare readonly status: number | undefined;
  declare readonly attemptsLeft: number | undefined;
  declare readonly retryAfterSeconds: number | undefined;
  declare readonly violations: readonly PasswordViolation[] | undefined;
  declare readonly fields: Readonly<Record<string, readonly string[]>> | undefined;
  declare readonly step: ServerStepId | null | undefined;
  declare readonly reason: string | undefined;
  declare readonly problem: Problem | undefined;

  constructor(code: ErrorCode, message?: string, options: OnboardingErrorOptions = {}) {
    // Error takes `cause` from the options; the other options become the fields of the same names.
    super(message ?? code, options);
    Object.assign(this, options, { code });
  }
}

/** A `TypeError` for misuse of the SDK (a wrong argument type), with Node's code for it. */
export class CodedTypeError extends TypeError {
  readonly code = 'ERR_INVALID_ARG_TYPE';
}

/**
 * Throws a {@link CodedTypeError} with `message` unless `ok`: the check of an argument's type.
 *
 * @internal
 */
export function must(ok: unknown, message: string): asserts ok {
  if (!ok) throw new CodedTypeError(message);
}
