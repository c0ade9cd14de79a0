import {
  ONBOARDING_ENDPOINT_SCHEMAS,
  type AcceptInvitationRequest,
  type AccountRequest,
  type CodeRequest,
  type Config,
  type EherkenningStart,
  type EherkenningStartRequest,
  type EmailRequest,
  type FlowAccepted,
  type InvitationPreview,
  type LoginRequest,
  type PasswordResetRequest,
  type Session,
  type StepAnswer,
} from '@wij-techniek/onboarding-contract/lite';
import { buildClient, type EndpointTable, type OnboardingClientOptions, type RequestOptions } from './http.js';

export type { OnboardingClientOptions, RequestOptions } from './http.js';

/** Body of `POST /invitations/lookup`. */
export interface InvitationLookupRequest {
  readonly token: string;
}

/**
 * A typed client of the onboarding's HTTP API: one method per endpoint the flow uses (organisation management is
 * in `@wij-techniek/onboarding-sdk/organisation`). Every method checks its input with the contract's schema
 * before anything is sent (`invalid_request`, with `fields`), checks the answer when it arrives
 * (`invalid_response`), sends the session cookie, and rejects with an {@link OnboardingError} carrying the
 * server's `code` (and `attemptsLeft`, `retryAfterSeconds`, `violations`, `fields`, `step`). A wrong argument
 * type rejects with a {@link CodedTypeError}. Reads are repeated after a network failure; writes never.
 */
export interface OnboardingClient {
  /** The resolved API prefix. */
  readonly apiBase: URL;
  /** `GET /config`: the password policy, code rules and the eHerkenning suppliers in the broker's order. */
  config(options?: RequestOptions): Promise<Config>;
  /** `POST /signup/email`: sends a verification code; the same answer whether or not the address has an account. */
  signupEmail(body: EmailRequest, options?: RequestOptions): Promise<FlowAccepted>;
  /** `POST /signup/code`: checks the e-mailed code. */
  signupCode(body: CodeRequest, options?: RequestOptions): Promise<StepAnswer>;
  /** `POST /signup/code/resend`: sends a new code (after the cooldown). */
  signupCodeResend(options?: RequestOptions): Promise<FlowAccepted>;
  /** `POST /signup/account`: creates the account and signs in. */
  signupAccount(body: AccountRequest, options?: RequestOptions): Promise<Session>;
  /** `POST /login`: signs in with an existing account. */
  login(body: LoginRequest, options?: RequestOptions): Promise<Session>;
  /** `POST /logout`: ends the session. */
  logout(options?: RequestOptions): Promise<void>;
  /** `POST /password/forgot`: sends a reset code; the same answer for any address. */
  passwordForgot(body: EmailRequest, options?: RequestOptions): Promise<FlowAccepted>;
  /** `POST /password/code`: checks the reset code. */
  passwordCode(body: CodeRequest, options?: RequestOptions): Promise<StepAnswer>;
  /** `POST /password/code/resend`: sends a new reset code. */
  passwordCodeResend(options?: RequestOptions): Promise<FlowAccepted>;
  /** `POST /password/reset`: sets the new password and signs in; other sessions end. */
  passwordReset(body: PasswordResetRequest, options?: RequestOptions): Promise<Session>;
  /** `GET /session`: the account, its memberships and the step the flow is on. */
  session(options?: RequestOptions): Promise<Session>;
  /** `POST /eherkenning/start`: where to send the browser for the chosen supplier. */
  eherkenningStart(body: EherkenningStartRequest, options?: RequestOptions): Promise<EherkenningStart>;
  /** `POST /invitations/lookup`: what an invitation link offers. */
  lookupInvitation(body: InvitationLookupRequest, options?: RequestOptions): Promise<InvitationPreview>;
  /** `POST /invitations/accept`: accepts an invitation, creating the account when the person has none. */
  acceptInvitation(body: AcceptInvitationRequest, options?: RequestOptions): Promise<Session>;
}

/**
 * Creates a client of the onboarding's HTTP API.
 *
 * @example
 * ```ts
 * import { OnboardingError, createOnboardingClient } from '@wij-techniek/onboarding-sdk';
 *
 * const client = createOnboardingClient({ apiBase: 'https://www.wij-techniek.nl/api/v1' });
 * try {
 *   const answer = await client.signupEmail({ email: 'naam@bedrijf.nl', lang: 'nl' });
 *   console.log(answer.step); // 'code'
 * } catch (error) {
 *   if (error instanceof OnboardingError && error.code === 'rate_limited') {
 *     console.log(`Try again in ${error.retryAfterSeconds ?? 60} s`);
 *   }
 * }
 * ```
 */
export function createOnboardingClient(options: OnboardingClientOptions = {}): OnboardingClient {
  // The contract's table has a row for each method and no other (test/client.test.ts checks the second).
  const table = ONBOARDING_ENDPOINT_SCHEMAS satisfies EndpointTable &
    Record<Exclude<keyof OnboardingClient, 'apiBase'>, unknown>;
  return buildClient(options, table) as OnboardingClient;
}
