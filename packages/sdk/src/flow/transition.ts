import {
  PASSWORD_POLICIES,
  VERIFICATION_CODE_RULES,
  type Account,
  type Config,
  type EherkenningOutcome,
  type EndedFlow,
  type ErrorCode,
  type FlowInfo,
  type InvitationPreview,
  type Membership,
  type ServerStepId,
  type StepId,
} from '@wij-techniek/onboarding-contract/lite';
import { OnboardingError } from '../errors.js';
import type { FieldErrors, FieldName, FlowNotice, FlowState } from './states.js';

/** `S` without its `actions`, member by member of a union: a state as {@link transition} sees it. */
export type WithoutActions<S> = S extends unknown ? Omit<S, 'actions'> : never;

/** A state without its actions: what {@link transition} computes. The flow adds the actions. */
export type FlowStateData = WithoutActions<FlowState>;

/** The steps that exist before the server holds a flow; only these are kept in storage. */
export const LOCAL_STEPS = ['start', 'eherkenning-info', 'account', 'email', 'password-email'] as const;

/** One of {@link LOCAL_STEPS}. */
export type LocalStepId = (typeof LOCAL_STEPS)[number];

/** True when `value` is one of {@link LOCAL_STEPS}. */
export function isLocalStep(value: unknown): value is LocalStepId {
  return (LOCAL_STEPS as readonly unknown[]).includes(value);
}

/**
 * What the flow knows besides the step: the configuration, the session's account, memberships and server-side
 * flow, the address last typed and the invitation being accepted. Every state is built from these.
 */
export interface FlowFacts {
  readonly config?: Config | undefined;
  readonly account: Account | null;
  readonly memberships: readonly Membership[];
  readonly flow: FlowInfo | null;
  /** The session's code flow that ended unused, as `GET /session` tells it: why its e-mail step shows. */
  readonly endedFlow?: EndedFlow | null | undefined;
  /** The address the person typed last, else that of the server's flow, to fill in again (never stored). */
  readonly email?: string | undefined;
  readonly invitation?: InvitationPreview | undefined;
  /**
   * When the session ends, from the last answer that carried a Session or, after a code step's answer, from
   * `GET /session` (`null`: no session).
   */
  readonly expiresAt?: string | null | undefined;
  /** Whether a request moves {@link FlowFacts.expiresAt} on. */
  readonly extendable?: boolean | undefined;
}

/** Ends closer than this (ms) are one moment to a person: the flow's end stands for both. */
const SAME_MOMENT_MS = 1000;

/** Facts of a flow that knows nothing yet. */
export const NO_FACTS: FlowFacts = { account: null, memberships: [], flow: null };

/** What can happen to a state. */
export type FlowEvent =
  /**
   * The person moves to a step the client owns (`begin`, `back`, …), or the flow shows a step it derived; `notice`
   * confirms what led there (signed out).
   */
  | {
      readonly type: 'enter';
      readonly step: StepId;
      readonly facts: FlowFacts;
      readonly error?: OnboardingError;
      readonly notice?: FlowNotice | undefined;
    }
  /**
   * The server named the step (an answer, `GET /session`): `null` means it holds no flow, and then the
   * signed-in account decides, or else `fallback`. `outcome` is the eHerkenning outcome being confirmed.
   * `previousFlow` is the server-side flow the facts held before this answer (what the request was sent with): an
   * e-mail step's answer that names that same flow sent no mail (`alreadySent`). `notice` confirms what the
   * request did (a new password saved), on whatever step the server names.
   */
  | {
      readonly type: 'server';
      readonly step: ServerStepId | null;
      readonly facts: FlowFacts;
      readonly fallback: LocalStepId;
      readonly error?: OnboardingError | undefined;
      readonly outcome?: EherkenningOutcome | undefined;
      readonly previousFlow?: FlowInfo | null | undefined;
      readonly notice?: FlowNotice | undefined;
      /**
       * A step of the client's that wins over the server's while nobody is signed in: `account` for the sign-in link
       * of the "you already have an account" mail (whose flow waits for a code that never comes).
       */
      readonly chosen?: LocalStepId | undefined;
    }
  /** An intent started: the last one's error and notice go. */
  | { readonly type: 'busy' }
  /** An intent ended without moving the flow (its redirect was taken over by the host). */
  | { readonly type: 'idle' }
  /**
   * An intent failed; `now` is the flow's clock (ms) for the resend countdown; `blank` names the fields the person
   * left empty, which then say "fill it in" rather than "not valid".
   */
  | {
      readonly type: 'failed';
      readonly error: OnboardingError;
      readonly facts: FlowFacts;
      readonly now: number;
      readonly blank?: readonly FieldName[] | undefined;
      /** The errors per field, when the flow found them itself (a refused password form); else from `error`. */
      readonly fieldErrors?: FieldErrors | undefined;
    };

/**
 * The pure heart of the flow: the next state for `event`. No HTTP, no clock, no storage: the flow runs the
 * effects and feeds their outcomes in as events, so every rule here is tested as a table.
 */
export function transition(state: FlowStateData, event: FlowEvent): FlowStateData {
  switch (event.type) {
    case 'enter':
      return enter(event.step, event.facts, event.error, event.notice);
    case 'server': {
      const { facts, outcome } = event;
      // Only a signed-in person starts eHerkenning: back from it without an account, the session has gone.
      const step = serverTarget(event.step, facts, outcome ? 'account' : event.fallback, event.chosen);
      // The server reports `email` only when its flow ended (five wrong codes, or it expired): `endedFlow` says which.
      const ended = event.step === step && step.endsWith('email');
      const next = enter(
        step,
        facts,
        event.error ?? (ended ? endedError(facts.endedFlow) : outcomeError(outcome, step)),
        event.notice,
      );
      return 'alreadySent' in next && keptFlow(state.step, event.previousFlow, facts.flow)
        ? { ...next, alreadySent: true }
        : next;
    }
    case 'busy': {
      const { error: _error, fieldErrors: _fieldErrors, notice: _notice, ...rest } = state;
      return { ...rest, busy: true };
    }
    case 'idle':
      return { ...state, busy: false };
    case 'failed': {
      const blank = event.blank ?? [];
      const error = attemptEnded(leftEmpty(startAgain(event.error, state.step), blank));
      const target = failureTarget(state, error);
      return target === state.step
        ? fail(state, error, event.now, event.fieldErrors ?? fieldErrorsOf(error, blank))
        : enter(target, event.facts, error);
    }
  }
}

/** The step for what the server reports; `chosen` wins while nobody is signed in. */
export function serverTarget(
  step: ServerStepId | null,
  facts: FlowFacts,
  fallback: LocalStepId,
  chosen?: LocalStepId,
): StepId {
  if (facts.invitation) return 'invitation';
  if (chosen && !facts.account) return chosen;
  // No server-side flow: a signed-in account is either verified for an organisation or still has to be.
  return step ?? (facts.account ? (facts.memberships.length > 0 ? 'verified' : 'supplier') : fallback);
}

/**
 * The message of `session_expired` that the flow raises itself.
 *
 * @internal
 */
export const SESSION_ENDED = 'The session has ended; sign in again to continue.';

/** What to do after an eHerkenning round trip that did not verify. */
const AGAIN = 'choose a supplier and try again.';

/** The error that an eHerkenning outcome leaves on the step the session puts the person on. */
export function outcomeError(outcome: EherkenningOutcome | undefined, step: StepId): OnboardingError | undefined {
  // The session that started the round trip has ended (signed out, expired): whatever the address says, the
  // person signs in again, and the server, not the parameter, then tells whether they were verified.
  if (outcome && step === 'account') return new OnboardingError('session_expired', SESSION_ENDED);
  // The parameter alone grants nothing: without a membership on the server it was not verified.
  if (outcome === 'verified') {
    return step === 'verified'
      ? undefined
      : new OnboardingError('eherkenning_failed', `The session does not confirm "verified"; ${AGAIN}`);
  }
  return outcome && step === 'supplier'
    ? new OnboardingError(`eherkenning_${outcome}`, `eHerkenning ended with "${outcome}"; ${AGAIN}`)
    : undefined;
}

/**
 * Builds the state of `step` from what the flow knows; a step whose facts are missing gives way to one that works.
 * `notice` goes along to whichever step that is.
 */
export function enter(step: StepId, facts: FlowFacts, error?: OnboardingError, notice?: FlowNotice): FlowStateData {
  const { config, account, memberships, flow, email, invitation } = facts;
  const base = { step, busy: false, ...endOf(facts, step), ...(error && { error }), ...(notice && { notice }) };
  const policy = config?.passwordPolicy ?? PASSWORD_POLICIES.business;
  switch (step) {
    case 'code':
    case 'password-code':
      return flow
        ? {
            ...base,
            step,
            email: flow.email,
            attemptsLeft: flow.attemptsLeft,
            resendAvailableAt: Date.parse(flow.resendAvailableAt),
            codeLength: config?.verificationCode.length ?? VERIFICATION_CODE_RULES.length,
            alreadySent: false,
          }
        : enter(step === 'code' ? 'email' : 'password-email', facts, error ?? endedError(), notice);
    case 'details':
    case 'password-new':
      return { ...base, step, policy, email: flow?.email ?? account?.email ?? email ?? '' };
    case 'supplier':
    case 'verified': {
      if (!account) {
        return enter(
          'account',
          facts,
          error ?? new OnboardingError('not_signed_in', 'Nobody is signed in; sign in first.'),
          notice,
        );
      }
      const [membership] = memberships;
      if (step === 'supplier' || !membership) {
        return { ...base, step: 'supplier', account, suppliers: config?.suppliers ?? [] };
      }
      const { organisation, rights } = membership;
      return { ...base, step, account, organisation, rights, memberships };
    }
    case 'invitation':
      return invitation ? { ...base, step, invitation, policy } : enter('start', facts, error, notice);
    case 'start':
    case 'eherkenning-info':
      return { ...base, step };
    default:
      return email === undefined ? { ...base, step } : { ...base, step, email };
  }
}

/**
 * Whether the server answered the e-mail step `left` with the flow the session already ran (`before`), so no mail
 * went out: the server keeps a flow when its address comes again within the resend countdown (SECURITY.md F4), and
 * a new flow's countdown starts at its own mail, so the same kind, address and `resendAvailableAt` is the kept flow.
 * A flow that ended (too many codes, expired) is never kept: the server starts a new one, with a new countdown.
 */
function keptFlow(left: StepId, before: FlowInfo | null | undefined, after: FlowInfo | null): boolean {
  return (
    !!before &&
    !!after &&
    left === (before.kind === 'signup' ? 'email' : 'password-email') &&
    after.kind === before.kind &&
    after.email === before.email &&
    Date.parse(after.resendAvailableAt) === Date.parse(before.resendAvailableAt)
  );
}

/**
 * When the work of `step` ends if nothing happens: the session's end, or the server-side flow's on the steps that
 * need it when that comes first (a flow has a fixed lifetime, so then no request moves the end on). A session made
 * by the request that made the flow ends a few milliseconds before it (the server reads its clock twice): within
 * {@link SAME_MOMENT_MS} the two are one end, the flow's, so nobody is offered to extend by milliseconds.
 */
function endOf({ expiresAt, extendable, flow }: FlowFacts, step: StepId) {
  const session = expiresAt ? Date.parse(expiresAt) : undefined;
  // The steps that need the flow: code, password-code, details, password-new.
  const flowEnd = flow && /code|details|new/.test(step) ? Date.parse(flow.expiresAt) : undefined;
  return flowEnd !== undefined && flowEnd < (session ?? flowEnd) + SAME_MOMENT_MS
    ? { sessionEndsAt: flowEnd, sessionExtendable: false }
    : session === undefined
      ? undefined
      : { sessionEndsAt: session, sessionExtendable: extendable === true };
}

/**
 * The failure as the person must read it. The server answers the last wrong code allowed with `code_invalid`, no
 * attempts left and the start step (SECURITY.md C5: wrong codes 1–5 are `code_invalid`), yet the attempt has
 * ended: that is `too_many_attempts`, so no UI says "wrong code, try again". The server's error stays the cause.
 */
function attemptEnded(error: OnboardingError): OnboardingError {
  const { code, attemptsLeft, status, step } = error;
  return code === 'code_invalid' && attemptsLeft === 0
    ? new OnboardingError('too_many_attempts', LAST_CODE, { status, step, attemptsLeft, cause: error })
    : error;
}

/** The message of `too_many_attempts` when the last wrong code ended the flow, live or seen after a reload. */
const LAST_CODE = 'The last wrong code ended the code flow; submit the e-mail address again.';

/**
 * A session that ended on a step of a sign-up or password reset (the e-mail, code, details and new-password steps):
 * nobody is signed in there, so "sign in again" cannot help. The person starts again at the flow's e-mail step:
 * `flow_expired`, with the server's error as the cause.
 */
function startAgain(error: OnboardingError, step: StepId): OnboardingError {
  const { code, status } = error;
  return code === 'session_expired' && /email|code|details|new/.test(step)
    ? new OnboardingError('flow_expired', 'The session ended before an account was signed in; start again.', {
        status,
        cause: error,
      })
    : error;
}

/**
 * An empty address is not a wrong one: `invalid_email` for an address left empty becomes `invalid_request`, as for
 * any other field left empty, so the person reads "fill in your address", not "this is no valid address".
 */
function leftEmpty(error: OnboardingError, blank: readonly FieldName[]): OnboardingError {
  const { code, status, fields } = error;
  return code === 'invalid_email' && blank.includes('email')
    ? new OnboardingError('invalid_request', 'The e-mail address is empty; fill it in.', {
        status,
        fields: fields ?? { email: ['This field is required.'] },
        cause: error,
      })
    : error;
}

/** Where a failure sends the person: codes that end the flow or the session move them, others keep the step. */
function failureTarget(state: FlowStateData, error: OnboardingError): StepId {
  switch (error.code) {
    case 'too_many_attempts':
    case 'flow_expired':
    case 'step_out_of_order':
      return error.step || (state.step.startsWith('password-') ? 'password-email' : 'email');
    case 'not_signed_in':
    case 'session_expired':
      return 'account';
    default:
      return error.step || state.step;
  }
}

function fail(state: FlowStateData, error: OnboardingError, now: number, fieldErrors?: FieldErrors): FlowStateData {
  const { fieldErrors: _fieldErrors, ...rest } = state;
  const next = { ...rest, busy: false, error, ...(fieldErrors && { fieldErrors }) };
  if ('attemptsLeft' in next && error.code === 'code_invalid') {
    return { ...next, attemptsLeft: error.attemptsLeft ?? Math.max(0, next.attemptsLeft - 1) };
  }
  if ('resendAvailableAt' in next && error.retryAfterSeconds !== undefined) {
    return { ...next, resendAvailableAt: now + error.retryAfterSeconds * 1000 };
  }
  return next;
}

/** The field each error code belongs to. */
const FIELD_OF: Partial<Record<ErrorCode, FieldName>> = {
  passwords_differ: 'passwordRepeat',
  password_policy: 'password',
  password_unchanged: 'password',
  code_invalid: 'code',
  code_expired: 'code',
  invalid_email: 'email',
  unknown_supplier: 'supplierId',
};

/** Every {@link FieldName}, to pick those out of a server's `invalid_request`. */
const FIELD_NAMES: readonly string[] = [...Object.values(FIELD_OF), 'firstName', 'lastName'];

/**
 * What a field named in `invalid_request` shows: the server's own code for that field where it has one (an address
 * that is no address is `invalid_email`; one left empty stays `invalid_request`, "fill it in"), else
 * `invalid_request`. A code that is not six digits stays
 * `invalid_request`: it was refused unsent and counted as no attempt, while `code_invalid` says "wrong code, N
 * tries left" (C5).
 */
const CODE_OF: Partial<Record<FieldName, ErrorCode>> = { email: 'invalid_email' };

/** The errors of `error` that belong next to one field; `blank` names the fields left empty. */
export function fieldErrorsOf(error: OnboardingError, blank: readonly FieldName[] = []): FieldErrors | undefined {
  const { code, violations } = error;
  if (code === 'invalid_request') {
    const fields = Object.keys(error.fields ?? {}).filter((key) => FIELD_NAMES.includes(key)) as FieldName[];
    return fields.length > 0
      ? Object.fromEntries(fields.map((field) => [field, [(!blank.includes(field) && CODE_OF[field]) || code]]))
      : undefined;
  }
  const field = FIELD_OF[code];
  return field && { [field]: code === 'password_policy' && violations?.length ? violations : [code] };
}

/** Why the flow's e-mail step shows again: too many wrong codes when the server says so, else `flow_expired`. */
function endedError(ended?: EndedFlow | null): OnboardingError {
  return ended?.reason === 'too_many_attempts'
    ? new OnboardingError('too_many_attempts', LAST_CODE, { attemptsLeft: 0 })
    : new OnboardingError('flow_expired', 'The code flow has ended; submit the e-mail address again.');
}
