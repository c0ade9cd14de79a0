import type { ErrorCode, PasswordViolation, Problem, ServerStepId } from '@wij-techniek/onboarding-contract';

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
  readonly code: ErrorCode;
  readonly status: number | undefined;
  readonly attemptsLeft: number | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly violations: readonly PasswordViolation[] | undefined;
  readonly fields: Readonly<Record<string, readonly string[]>> | undefined;
  readonly step: ServerStepId | null | undefined;
  readonly problem: Problem | undefined;

  constructor(code: ErrorCode, message?: string, options: OnboardingErrorOptions = {}) {
    super(message ?? code, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.attemptsLeft = options.attemptsLeft;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.violations = options.violations;
    this.fields = options.fields;
    this.step = options.step;
    this.problem = options.problem;
  }
}

/** A `TypeError` for misuse of the SDK (a wrong argument type), with Node's code for it. */
export class CodedTypeError extends TypeError {
  override name = 'TypeError';
  readonly code = 'ERR_INVALID_ARG_TYPE';
}
