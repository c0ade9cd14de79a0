import {
  API_PREFIX,
  AcceptInvitationRequestSchema,
  AccountRequestSchema,
  AuditLogSchema,
  CodeRequestSchema,
  ConfigSchema,
  EherkenningStartRequestSchema,
  EherkenningStartSchema,
  EmailRequestSchema,
  FlowAcceptedSchema,
  InvitationCreatedSchema,
  InvitationListSchema,
  InvitationLookupRequestSchema,
  InvitationPreviewSchema,
  InviteMemberRequestSchema,
  LoginRequestSchema,
  MemberListSchema,
  MemberUpdatedSchema,
  OrganisationViewSchema,
  PasswordResetRequestSchema,
  SessionSchema,
  StepAnswerSchema,
  UpdateMemberRequestSchema,
  type AcceptInvitationRequest,
  type AccountRequest,
  type AuditEntry,
  type CodeRequest,
  type Config,
  type EherkenningStart,
  type EherkenningStartRequest,
  type EmailRequest,
  type EndpointName,
  type FlowAccepted,
  type Invitation,
  type InvitationPreview,
  type InviteMemberRequest,
  type LoginRequest,
  type Member,
  type OrganisationView,
  type PasswordResetRequest,
  type Session,
  type StepAnswer,
  type UpdateMemberRequest,
} from '@wij-techniek/onboarding-contract';
import { CodedTypeError } from './errors.js';
import { send, type Call, type RequestOptions, type TransportOptions } from './http.js';

export type { RequestOptions } from './http.js';

/** How {@link createOnboardingClient} reaches the API. */
export interface OnboardingClientOptions {
  /**
   * The API's prefix as a URL (default `/api/v1`). A relative value is resolved against the page's `location`;
   * outside a browser pass an absolute URL.
   */
  readonly apiBase?: string | URL | undefined;
  /** The `fetch` to use (default: the global one), e.g. one that adds tracing. */
  readonly fetch?: typeof fetch | undefined;
  /** How long one request may take before it fails with `timeout` (default 15000 ms). */
  readonly timeoutMs?: number | undefined;
  /** How often a failed read (`GET`) is repeated after a network failure or a 502–504 (default 2). */
  readonly retries?: number | undefined;
  /** The first pause before a repeat, doubled each time (default 300 ms). */
  readonly retryDelayMs?: number | undefined;
}

/** Body of `POST /invitations/lookup`. */
export interface InvitationLookupRequest {
  readonly token: string;
}

/**
 * A typed client of the onboarding's HTTP API: one method per endpoint of the contract. Every method checks its
 * input with the contract's schema before anything is sent (`invalid_request`, with `fields`), checks the answer
 * when it arrives (`invalid_response`), sends the session cookie, and rejects with an {@link OnboardingError}
 * carrying the server's `code` (and `attemptsLeft`, `retryAfterSeconds`, `violations`, `fields`, `step`).
 * A wrong argument type throws a {@link CodedTypeError}. Reads are repeated after a network failure; writes never.
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
  /** `GET /organisations/{id}`: the organisation and the caller's rights in it. */
  organisation(organisationId: string, options?: RequestOptions): Promise<OrganisationView>;
  /** `GET /organisations/{id}/members`. */
  members(organisationId: string, options?: RequestOptions): Promise<{ members: Member[] }>;
  /** `POST /organisations/{id}/members`: invites an employee with the given rights. */
  inviteMember(
    organisationId: string,
    body: InviteMemberRequest,
    options?: RequestOptions,
  ): Promise<{ invitation: Invitation }>;
  /** `PATCH /organisations/{id}/members/{memberId}`: changes a member's rights. */
  updateMember(
    organisationId: string,
    memberId: string,
    body: UpdateMemberRequest,
    options?: RequestOptions,
  ): Promise<{ member: Member }>;
  /** `DELETE /organisations/{id}/members/{memberId}`. */
  removeMember(organisationId: string, memberId: string, options?: RequestOptions): Promise<void>;
  /** `GET /organisations/{id}/invitations`: the invitations not yet accepted. */
  invitations(organisationId: string, options?: RequestOptions): Promise<{ invitations: Invitation[] }>;
  /** `DELETE /organisations/{id}/invitations/{invitationId}`. */
  withdrawInvitation(organisationId: string, invitationId: string, options?: RequestOptions): Promise<void>;
  /** `GET /organisations/{id}/audit`: who changed what, when. */
  audit(organisationId: string, options?: RequestOptions): Promise<{ entries: AuditEntry[] }>;
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
  if (typeof options !== 'object' || options === null) throw new CodedTypeError('options must be an object');
  const fetchFn = options.fetch ?? globalThis.fetch;
  if (typeof fetchFn !== 'function') throw new CodedTypeError('options.fetch must be a function');
  const transport: TransportOptions = {
    apiBase: resolveApiBase(options.apiBase),
    // Called unbound: a browser's fetch throws "Illegal invocation" when `this` is the transport.
    fetch: (input, init) => fetchFn(input, init),
    timeoutMs: count('timeoutMs', options.timeoutMs, 15_000),
    retries: count('retries', options.retries, 2),
    retryDelayMs: count('retryDelayMs', options.retryDelayMs, 300),
  };
  const call = <Out>(name: EndpointName, spec: Call) => send<Out>(transport, name, spec);
  const org = (organisationId: unknown, more: Record<string, unknown> = {}) => ({ organisationId, ...more });
  return {
    apiBase: transport.apiBase,
    config: (o) => call('config', { output: ConfigSchema, options: o }),
    signupEmail: (body, o) =>
      call('signupEmail', { input: EmailRequestSchema, body, output: FlowAcceptedSchema, options: o }),
    signupCode: (body, o) =>
      call('signupCode', { input: CodeRequestSchema, body, output: StepAnswerSchema, options: o }),
    signupCodeResend: (o) => call('signupCodeResend', { output: FlowAcceptedSchema, options: o }),
    signupAccount: (body, o) =>
      call('signupAccount', { input: AccountRequestSchema, body, output: SessionSchema, options: o }),
    login: (body, o) => call('login', { input: LoginRequestSchema, body, output: SessionSchema, options: o }),
    logout: (o) => call('logout', { options: o }),
    passwordForgot: (body, o) =>
      call('passwordForgot', { input: EmailRequestSchema, body, output: FlowAcceptedSchema, options: o }),
    passwordCode: (body, o) =>
      call('passwordCode', { input: CodeRequestSchema, body, output: StepAnswerSchema, options: o }),
    passwordCodeResend: (o) => call('passwordCodeResend', { output: FlowAcceptedSchema, options: o }),
    passwordReset: (body, o) =>
      call('passwordReset', { input: PasswordResetRequestSchema, body, output: SessionSchema, options: o }),
    session: (o) => call('session', { output: SessionSchema, options: o }),
    eherkenningStart: (body, o) =>
      call('eherkenningStart', {
        input: EherkenningStartRequestSchema,
        body,
        output: EherkenningStartSchema,
        options: o,
      }),
    organisation: (organisationId, o) =>
      call('organisation', { params: org(organisationId), output: OrganisationViewSchema, options: o }),
    members: (organisationId, o) =>
      call('members', { params: org(organisationId), output: MemberListSchema, options: o }),
    inviteMember: (organisationId, body, o) =>
      call('inviteMember', {
        params: org(organisationId),
        input: InviteMemberRequestSchema,
        body,
        output: InvitationCreatedSchema,
        options: o,
      }),
    updateMember: (organisationId, memberId, body, o) =>
      call('updateMember', {
        params: org(organisationId, { memberId }),
        input: UpdateMemberRequestSchema,
        body,
        output: MemberUpdatedSchema,
        options: o,
      }),
    removeMember: (organisationId, memberId, o) =>
      call('removeMember', { params: org(organisationId, { memberId }), options: o }),
    invitations: (organisationId, o) =>
      call('invitations', { params: org(organisationId), output: InvitationListSchema, options: o }),
    withdrawInvitation: (organisationId, invitationId, o) =>
      call('withdrawInvitation', { params: org(organisationId, { invitationId }), options: o }),
    audit: (organisationId, o) => call('audit', { params: org(organisationId), output: AuditLogSchema, options: o }),
    lookupInvitation: (body, o) =>
      call('lookupInvitation', {
        input: InvitationLookupRequestSchema,
        body,
        output: InvitationPreviewSchema,
        options: o,
      }),
    acceptInvitation: (body, o) =>
      call('acceptInvitation', { input: AcceptInvitationRequestSchema, body, output: SessionSchema, options: o }),
  };
}

function resolveApiBase(apiBase: string | URL | undefined): URL {
  const value = apiBase ?? API_PREFIX;
  if (typeof value !== 'string' && !(value instanceof URL)) {
    throw new CodedTypeError('options.apiBase must be a string or a URL');
  }
  const base = (globalThis as { location?: { href: string } }).location?.href;
  try {
    return new URL(value, base);
  } catch {
    throw new CodedTypeError(`options.apiBase "${String(value)}" is not a URL; outside a browser give an absolute one`);
  }
}

function count(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new CodedTypeError(`options.${name} must be a number of at least 0`);
  }
  return value;
}
