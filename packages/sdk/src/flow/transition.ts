import {
  PASSWORD_POLICIES,
  VERIFICATION_CODE_RULES,
  type Account,
  type Config,
  type EherkenningOutcome,
  type FlowInfo,
  type InvitationPreview,
  type Membership,
  type ServerStepId,
  type StepId,
} from '@wij-techniek/onboarding-contract';
import { OnboardingError } from '../errors.js';
import type { FieldErrors, FieldName, FlowState } from './states.js';

type WithoutActions<S> = S extends unknown ? Omit<S, 'actions'> : never;

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
  /** The address the person typed last, to fill in again (never stored). */
  readonly email?: string | undefined;
  readonly invitation?: InvitationPreview | undefined;
}

/** Facts of a flow that knows nothing yet. */
export const NO_FACTS: FlowFacts = { account: null, memberships: [], flow: null };

/** What can happen to a state. */
export type FlowEvent =
  /** The person moves to a step the client owns (`begin`, `back`, …), or the flow shows a step it derived. */
  | { readonly type: 'enter'; readonly step: StepId; readonly facts: FlowFacts; readonly error?: OnboardingError }
  /**
   * The server named the step (an answer, `GET /session`): `null` means it holds no flow, and then the
   * signed-in account decides, or else `fallback`. `outcome` is the eHerkenning outcome being confirmed.
   */
  | {
      readonly type: 'server';
      readonly step: ServerStepId | null;
      readonly facts: FlowFacts;
      readonly fallback: LocalStepId;
      readonly error?: OnboardingError | undefined;
      readonly outcome?: EherkenningOutcome | undefined;
    }
  /** An intent started. */
  | { readonly type: 'busy' }
  /** An intent ended without moving the flow (its redirect was taken over by the host). */
  | { readonly type: 'idle' }
  /** An intent failed; `now` is the flow's clock (ms) for the resend countdown. */
  | { readonly type: 'failed'; readonly error: OnboardingError; readonly facts: FlowFacts; readonly now: number };

const OUTCOME_ERRORS = {
  cancelled: 'eherkenning_cancelled',
  level_too_low: 'eherkenning_level_too_low',
  failed: 'eherkenning_failed',
} as const;

/**
 * The pure heart of the flow: the next state for `event`. No HTTP, no clock, no storage: the flow runs the
 * effects and feeds their outcomes in as events, so every rule here is tested as a table.
 */
export function transition(state: FlowStateData, event: FlowEvent): FlowStateData {
  switch (event.type) {
    case 'enter':
      return enter(event.step, event.facts, event.error);
    case 'server': {
      const step = serverTarget(event.step, event.facts, event.fallback);
      // The server reports `email` only when its flow ended (five wrong codes, or it expired).
      const ended = (step === 'email' || step === 'password-email') && event.step === step;
      return enter(step, event.facts, event.error ?? (ended ? endedError() : outcomeError(event.outcome, step)));
    }
    case 'busy': {
      const { error: _error, fieldErrors: _fieldErrors, ...rest } = state;
      return { ...rest, busy: true };
    }
    case 'idle':
      return { ...state, busy: false };
    case 'failed': {
      const target = failureTarget(state, event.error);
      if (target !== state.step) return enter(target, event.facts, event.error);
      return fail(state, event.error, event.now);
    }
  }
}

/** The step for what the server reports. */
export function serverTarget(step: ServerStepId | null, facts: FlowFacts, fallback: LocalStepId): StepId {
  if (facts.invitation) return 'invitation';
  if (step !== null) return step;
  // No server-side flow: a signed-in account is either verified for an organisation or still has to be.
  if (facts.account) return facts.memberships.length > 0 ? 'verified' : 'supplier';
  return fallback;
}

/** The error that an eHerkenning outcome leaves on the step the session puts the person on. */
export function outcomeError(outcome: EherkenningOutcome | undefined, step: StepId): OnboardingError | undefined {
  if (outcome === undefined) return undefined;
  if (outcome === 'verified') {
    // The parameter alone grants nothing: without a membership on the server it was not verified.
    return step === 'verified'
      ? undefined
      : new OnboardingError('eherkenning_failed', 'The server did not confirm the eHerkenning verification.');
  }
  if (step !== 'supplier') return undefined;
  return new OnboardingError(OUTCOME_ERRORS[outcome], `eHerkenning ended with: ${outcome}.`);
}

/** Builds the state of `step` from what the flow knows; a step whose facts are missing gives way to one that works. */
export function enter(step: StepId, facts: FlowFacts, error?: OnboardingError): FlowStateData {
  const base = error ? { busy: false, error } : { busy: false };
  const policy = facts.config?.passwordPolicy ?? PASSWORD_POLICIES.business;
  switch (step) {
    case 'start':
    case 'eherkenning-info':
      return { step, ...base };
    case 'account':
    case 'email':
    case 'password-email':
      return facts.email === undefined ? { step, ...base } : { step, ...base, email: facts.email };
    case 'code':
    case 'password-code': {
      const { flow } = facts;
      if (!flow) {
        return enter(step === 'code' ? 'email' : 'password-email', facts, error ?? endedError());
      }
      return {
        step,
        ...base,
        email: flow.email,
        attemptsLeft: flow.attemptsLeft,
        resendAvailableAt: Date.parse(flow.resendAvailableAt),
        codeLength: facts.config?.verificationCode.length ?? VERIFICATION_CODE_RULES.length,
      };
    }
    case 'details':
    case 'password-new':
      return { step, ...base, policy, email: facts.flow?.email ?? facts.account?.email ?? facts.email ?? '' };
    case 'supplier': {
      if (!facts.account) return enter('account', facts, error ?? signedOut());
      return { step, ...base, account: facts.account, suppliers: facts.config?.suppliers ?? [] };
    }
    case 'verified': {
      const [membership] = facts.memberships;
      if (!facts.account) return enter('account', facts, error ?? signedOut());
      if (!membership) return enter('supplier', facts, error);
      return {
        step,
        ...base,
        account: facts.account,
        organisation: membership.organisation,
        rights: membership.rights,
        memberships: facts.memberships,
      };
    }
    case 'invitation':
      if (!facts.invitation) return enter('start', facts, error);
      return { step, ...base, invitation: facts.invitation, policy };
  }
}

/** Where a failure sends the person: codes that end the flow or the session move them, others keep the step. */
function failureTarget(state: FlowStateData, error: OnboardingError): StepId {
  const resetting = state.step.startsWith('password-');
  switch (error.code) {
    case 'too_many_attempts':
    case 'flow_expired':
    case 'step_out_of_order':
      return error.step ? error.step : resetting ? 'password-email' : 'email';
    case 'not_signed_in':
    case 'session_expired':
      return 'account';
    default:
      return error.step && error.step !== state.step ? error.step : state.step;
  }
}

function fail(state: FlowStateData, error: OnboardingError, now: number): FlowStateData {
  const fieldErrors = fieldErrorsOf(error);
  const next = { ...state, busy: false, error, ...(fieldErrors ? { fieldErrors } : {}) };
  if (!fieldErrors) delete (next as { fieldErrors?: FieldErrors }).fieldErrors;
  if ('attemptsLeft' in next && error.code === 'code_invalid') {
    return { ...next, attemptsLeft: error.attemptsLeft ?? Math.max(0, next.attemptsLeft - 1) };
  }
  if ('resendAvailableAt' in next && error.retryAfterSeconds !== undefined) {
    return { ...next, resendAvailableAt: now + error.retryAfterSeconds * 1000 };
  }
  return next;
}

const FIELDS: Readonly<Record<string, FieldName>> = {
  email: 'email',
  code: 'code',
  password: 'password',
  passwordRepeat: 'passwordRepeat',
  firstName: 'firstName',
  lastName: 'lastName',
  supplierId: 'supplierId',
};

/** The errors of `error` that belong next to one field. */
export function fieldErrorsOf(error: OnboardingError): FieldErrors | undefined {
  switch (error.code) {
    case 'passwords_differ':
      return { passwordRepeat: ['passwords_differ'] };
    case 'password_policy':
      return { password: error.violations?.length ? error.violations : ['password_policy'] };
    case 'password_unchanged':
      return { password: ['password_unchanged'] };
    case 'code_invalid':
    case 'code_expired':
      return { code: [error.code] };
    case 'invalid_email':
      return { email: ['invalid_email'] };
    case 'unknown_supplier':
      return { supplierId: ['unknown_supplier'] };
    case 'invalid_request': {
      const result: Partial<Record<FieldName, ['invalid_email' | 'invalid_request']>> = {};
      for (const key of Object.keys(error.fields ?? {})) {
        const field = FIELDS[key];
        if (field) result[field] = [field === 'email' ? 'invalid_email' : 'invalid_request'];
      }
      return Object.keys(result).length > 0 ? result : undefined;
    }
    default:
      return undefined;
  }
}

function endedError(): OnboardingError {
  return new OnboardingError('flow_expired', 'This sign-up has ended. Enter your e-mail address to start again.');
}

function signedOut(): OnboardingError {
  return new OnboardingError('not_signed_in', 'You are not signed in. Sign in to continue.');
}
