// The pure transition table, without HTTP: every row is a state, an event and the state that must follow.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PASSWORD_POLICIES, STEP_IDS, type ErrorCode } from '@wij-techniek/onboarding-contract';
import { OnboardingError, transition, type FlowEvent, type FlowFacts, type FlowStateData } from '../../src/index.js';
import { enter, NO_FACTS } from '../../src/flow/transition.js';
import { account, config, flowInfo, invitationPreview, membership } from '../fixtures.js';

const facts: FlowFacts = { ...NO_FACTS, config };
const withFlow: FlowFacts = { ...facts, flow: flowInfo({ attemptsLeft: 3 }), email: 'jan@bedrijf.nl' };
const withResetFlow: FlowFacts = { ...facts, flow: flowInfo({ kind: 'password-reset' }), email: 'jan@bedrijf.nl' };
const signedIn: FlowFacts = { ...facts, account };
const verified: FlowFacts = { ...facts, account: { ...account, verified: true }, memberships: [membership] };
const error = (code: ErrorCode, options: ConstructorParameters<typeof OnboardingError>[2] = {}) =>
  new OnboardingError(code, code, options);

const codeState = enter('code', withFlow);
const resendAt = Date.parse(flowInfo().resendAvailableAt);
const flowEndsAt = Date.parse(flowInfo().expiresAt);

interface Row {
  name: string;
  from?: FlowStateData;
  event: FlowEvent;
  /** The step and fields the next state must have (compared exactly where given). */
  expect: Partial<Record<string, unknown>> & { step: FlowStateData['step'] };
  /** The error code the next state carries (`undefined`: none). */
  errorCode?: ErrorCode | undefined;
}

const start = enter('start', facts);

const ROWS: Row[] = [
  // ── entering steps from what the flow knows ────────────────────────────────────────────────────────────
  { name: 'start', event: { type: 'enter', step: 'start', facts }, expect: { step: 'start', busy: false } },
  {
    name: 'eherkenning-info',
    event: { type: 'enter', step: 'eherkenning-info', facts },
    expect: { step: 'eherkenning-info' },
  },
  {
    name: 'account fills in the address typed before',
    event: { type: 'enter', step: 'account', facts: { ...facts, email: 'jan@bedrijf.nl' } },
    expect: { step: 'account', email: 'jan@bedrijf.nl' },
  },
  {
    name: 'email without an address',
    event: { type: 'enter', step: 'email', facts },
    expect: { step: 'email', email: undefined },
  },
  {
    name: 'code shows the address, attempts, resend time and code length of the server flow',
    event: { type: 'enter', step: 'code', facts: withFlow },
    expect: { step: 'code', email: 'jan@bedrijf.nl', attemptsLeft: 3, resendAvailableAt: resendAt, codeLength: 6 },
  },
  // WCAG 2.2.1: the code and password steps end at the session's end or the flow's, whichever comes first.
  {
    name: 'code whose session ends a minute before the flow: the session’s end, which staying active moves on',
    event: {
      type: 'enter',
      step: 'code',
      facts: { ...withFlow, expiresAt: '2026-03-01T10:29:00.000Z', extendable: true },
    },
    expect: { step: 'code', sessionEndsAt: Date.parse('2026-03-01T10:29:00.000Z'), sessionExtendable: true },
  },
  {
    name: 'code whose session ends under a second before the flow (one request made both): the flow’s end, fixed',
    event: {
      type: 'enter',
      step: 'code',
      facts: { ...withFlow, expiresAt: '2026-03-01T10:29:59.996Z', extendable: true },
    },
    expect: { step: 'code', sessionEndsAt: flowEndsAt, sessionExtendable: false },
  },
  {
    name: 'details whose flow ends first: the flow’s end, fixed',
    event: {
      type: 'enter',
      step: 'details',
      facts: { ...withFlow, expiresAt: '2026-03-01T10:45:00.000Z', extendable: true },
    },
    expect: { step: 'details', sessionEndsAt: flowEndsAt, sessionExtendable: false },
  },
  {
    name: 'code without a session end known: the flow’s end, fixed',
    event: { type: 'enter', step: 'code', facts: withFlow },
    expect: { step: 'code', sessionEndsAt: flowEndsAt, sessionExtendable: false },
  },
  {
    name: 'supplier has no flow: the session’s end',
    event: {
      type: 'enter',
      step: 'supplier',
      facts: { ...signedIn, flow: flowInfo(), expiresAt: '2026-03-01T10:29:00.000Z', extendable: true },
    },
    expect: { step: 'supplier', sessionEndsAt: Date.parse('2026-03-01T10:29:00.000Z'), sessionExtendable: true },
  },
  {
    name: 'code without a server flow gives way to email with flow_expired',
    event: { type: 'enter', step: 'code', facts },
    expect: { step: 'email' },
    errorCode: 'flow_expired',
  },
  {
    name: 'password-code without a server flow gives way to password-email',
    event: { type: 'enter', step: 'password-code', facts },
    expect: { step: 'password-email' },
    errorCode: 'flow_expired',
  },
  {
    name: 'details carries the configured policy and the flow’s address',
    event: {
      type: 'enter',
      step: 'details',
      facts: {
        ...withFlow,
        config: { ...config, passwordPolicy: { ...PASSWORD_POLICIES.standards, requiredClasses: [] } },
      },
    },
    expect: { step: 'details', policy: PASSWORD_POLICIES.standards, email: 'jan@bedrijf.nl' },
  },
  {
    name: 'details before the configuration loaded uses the business policy',
    event: { type: 'enter', step: 'details', facts: { ...NO_FACTS, flow: flowInfo() } },
    expect: { step: 'details', policy: PASSWORD_POLICIES.business },
  },
  {
    name: 'password-new carries the policy',
    event: { type: 'enter', step: 'password-new', facts: withResetFlow },
    expect: { step: 'password-new', policy: config.passwordPolicy, email: 'jan@bedrijf.nl' },
  },
  {
    name: 'supplier lists the suppliers in the broker’s order',
    event: { type: 'enter', step: 'supplier', facts: signedIn },
    expect: { step: 'supplier', account, suppliers: config.suppliers },
  },
  {
    name: 'supplier without an account gives way to account with not_signed_in',
    event: { type: 'enter', step: 'supplier', facts },
    expect: { step: 'account' },
    errorCode: 'not_signed_in',
  },
  {
    name: 'verified shows the organisation and the rights of the membership',
    event: { type: 'enter', step: 'verified', facts: verified },
    expect: {
      step: 'verified',
      organisation: membership.organisation,
      rights: membership.rights,
      memberships: [membership],
    },
  },
  {
    name: 'verified without a membership gives way to supplier: nothing is granted without the server',
    event: { type: 'enter', step: 'verified', facts: signedIn },
    expect: { step: 'supplier' },
  },
  {
    name: 'verified without an account gives way to account',
    event: { type: 'enter', step: 'verified', facts },
    expect: { step: 'account' },
    errorCode: 'not_signed_in',
  },
  {
    name: 'invitation shows what the link offers',
    event: { type: 'enter', step: 'invitation', facts: { ...facts, invitation: invitationPreview } },
    expect: { step: 'invitation', invitation: invitationPreview, policy: config.passwordPolicy },
  },
  {
    name: 'invitation without a looked-up link gives way to start',
    event: { type: 'enter', step: 'invitation', facts },
    expect: { step: 'start' },
  },

  // ── what the server reports ──────────────────────────────────────────────────────────────────────────
  {
    name: 'server step null without an account: the stored local step',
    event: { type: 'server', step: null, facts, fallback: 'account' },
    expect: { step: 'account' },
  },
  {
    name: 'server step null, signed in without membership: supplier',
    event: { type: 'server', step: null, facts: signedIn, fallback: 'start' },
    expect: { step: 'supplier' },
  },
  {
    name: 'server step null, signed in with a membership: verified',
    event: { type: 'server', step: null, facts: verified, fallback: 'start' },
    expect: { step: 'verified' },
  },
  {
    name: 'server step email means the server flow ended',
    event: { type: 'server', step: 'email', facts, fallback: 'start' },
    expect: { step: 'email' },
    errorCode: 'flow_expired',
  },
  {
    name: 'server step password-email means the reset flow ended',
    event: { type: 'server', step: 'password-email', facts, fallback: 'start' },
    expect: { step: 'password-email' },
    errorCode: 'flow_expired',
  },
  {
    name: 'server step email with an ended flow that too many wrong codes ended: too_many_attempts (C5)',
    event: {
      type: 'server',
      step: 'email',
      facts: {
        ...facts,
        endedFlow: { kind: 'signup', email: 'jan@bedrijf.nl', reason: 'too_many_attempts' },
        email: 'jan@bedrijf.nl',
      },
      fallback: 'start',
    },
    expect: { step: 'email', email: 'jan@bedrijf.nl' },
    errorCode: 'too_many_attempts',
  },
  {
    name: 'server step password-email with an ended flow that expired: flow_expired',
    event: {
      type: 'server',
      step: 'password-email',
      facts: { ...facts, endedFlow: { kind: 'password-reset', email: 'jan@bedrijf.nl', reason: 'expired' } },
      fallback: 'start',
    },
    expect: { step: 'password-email' },
    errorCode: 'flow_expired',
  },
  {
    name: 'server step code is mirrored, whatever was stored',
    event: { type: 'server', step: 'code', facts: withFlow, fallback: 'account' },
    expect: { step: 'code' },
  },
  // SECURITY.md F4: the server keeps the flow of the same address within the resend countdown, without a mail. The
  // event carries the flow known before the answer; no state carries it.
  {
    name: 'back on email while the flow runs: the state has the address, nothing of the flow',
    event: { type: 'enter', step: 'email', facts: withFlow },
    expect: { step: 'email', email: 'jan@bedrijf.nl', runningFlow: undefined, resendAvailableAt: undefined },
  },
  {
    name: 'code after email with the flow it was left with: alreadySent (no mail went out)',
    from: { ...enter('email', withFlow), busy: true },
    event: { type: 'server', step: 'code', facts: withFlow, fallback: 'email', previousFlow: withFlow.flow },
    expect: { step: 'code', alreadySent: true, resendAvailableAt: resendAt },
  },
  {
    name: 'the same flow written another way (an offset instead of Z) is the same flow: alreadySent',
    from: { ...enter('email', withFlow), busy: true },
    event: {
      type: 'server',
      step: 'code',
      facts: withFlow,
      fallback: 'email',
      previousFlow: flowInfo({ attemptsLeft: 3, resendAvailableAt: '2026-03-01T11:01:00.000+01:00' }),
    },
    expect: { step: 'code', alreadySent: true },
  },
  {
    name: 'password-code after password-email with the reset flow it was left with: alreadySent',
    from: { ...enter('password-email', withResetFlow), busy: true },
    event: {
      type: 'server',
      step: 'password-code',
      facts: withResetFlow,
      fallback: 'password-email',
      previousFlow: withResetFlow.flow,
    },
    expect: { step: 'password-code', alreadySent: true },
  },
  {
    name: 'code after email without a flow before (the first submit): not alreadySent',
    from: { ...enter('email', facts), busy: true },
    event: { type: 'server', step: 'code', facts: withFlow, fallback: 'email', previousFlow: null },
    expect: { step: 'code', alreadySent: false },
  },
  {
    name: 'code after email when the event says nothing of the flow before: not alreadySent',
    from: { ...enter('email', withFlow), busy: true },
    event: { type: 'server', step: 'code', facts: withFlow, fallback: 'email' },
    expect: { step: 'code', alreadySent: false },
  },
  {
    name: 'code after email with a flow whose countdown starts anew: not alreadySent',
    from: { ...enter('email', withFlow), busy: true },
    event: {
      type: 'server',
      step: 'code',
      facts: { ...withFlow, flow: flowInfo({ resendAvailableAt: '2026-03-01T10:03:00.000Z' }) },
      fallback: 'email',
      previousFlow: withFlow.flow,
    },
    expect: { step: 'code', alreadySent: false },
  },
  {
    name: 'code after email for another address: not alreadySent',
    from: { ...enter('email', withFlow), busy: true },
    event: {
      type: 'server',
      step: 'code',
      facts: { ...withFlow, flow: flowInfo({ email: 'piet@bedrijf.nl' }) },
      fallback: 'email',
      previousFlow: withFlow.flow,
    },
    expect: { step: 'code', alreadySent: false },
  },
  {
    name: 'password-code after password-email while a sign-up flow ran: a new flow, not alreadySent',
    from: { ...enter('password-email', withFlow), busy: true },
    event: {
      type: 'server',
      step: 'password-code',
      facts: { ...withFlow, flow: flowInfo({ kind: 'password-reset' }) },
      fallback: 'password-email',
      previousFlow: withFlow.flow,
    },
    expect: { step: 'password-code', alreadySent: false },
  },
  {
    name: 'email after a failure that ended the flow, then a new flow for the same address: not alreadySent',
    from: { ...enter('email', withFlow, error('too_many_attempts')), busy: true },
    event: {
      type: 'server',
      step: 'code',
      facts: { ...withFlow, flow: flowInfo({ attemptsLeft: 5, resendAvailableAt: '2026-03-01T10:04:00.000Z' }) },
      fallback: 'email',
      previousFlow: withFlow.flow,
    },
    expect: { step: 'code', alreadySent: false, attemptsLeft: 5 },
  },
  {
    name: 'code after a resend: not alreadySent',
    from: { ...enter('code', withFlow), busy: true, alreadySent: true } as FlowStateData,
    event: { type: 'server', step: 'code', facts: withFlow, fallback: 'email', previousFlow: withFlow.flow },
    expect: { step: 'code', alreadySent: false },
  },
  {
    name: 'restore on the code step with the flow it shows: not alreadySent (only an e-mail step’s answer is)',
    from: { ...enter('code', withFlow), busy: true },
    event: { type: 'server', step: 'code', facts: withFlow, fallback: 'start', previousFlow: withFlow.flow },
    expect: { step: 'code', alreadySent: false },
  },
  {
    name: 'an invitation link wins over the session’s step',
    event: { type: 'server', step: null, facts: { ...facts, invitation: invitationPreview }, fallback: 'start' },
    expect: { step: 'invitation' },
  },
  {
    name: 'outcome verified confirmed by a membership: verified without error',
    event: { type: 'server', step: 'verified', facts: verified, fallback: 'start', outcome: 'verified' },
    expect: { step: 'verified' },
  },
  {
    name: 'outcome verified that the session does not confirm: supplier with eherkenning_failed',
    event: { type: 'server', step: 'supplier', facts: signedIn, fallback: 'start', outcome: 'verified' },
    expect: { step: 'supplier' },
    errorCode: 'eherkenning_failed',
  },
  {
    name: 'outcome verified but the session has gone (no account): account with session_expired, nothing granted',
    event: { type: 'server', step: null, facts, fallback: 'start', outcome: 'verified' },
    expect: { step: 'account' },
    errorCode: 'session_expired',
  },
  {
    name: 'outcome cancelled but the session has gone: account with session_expired',
    event: { type: 'server', step: null, facts, fallback: 'eherkenning-info', outcome: 'cancelled' },
    expect: { step: 'account' },
    errorCode: 'session_expired',
  },
  {
    name: 'no outcome and no session: the stored step, no error',
    event: { type: 'server', step: null, facts, fallback: 'eherkenning-info' },
    expect: { step: 'eherkenning-info' },
  },
  {
    name: 'outcome cancelled: supplier with eherkenning_cancelled',
    event: { type: 'server', step: 'supplier', facts: signedIn, fallback: 'start', outcome: 'cancelled' },
    expect: { step: 'supplier' },
    errorCode: 'eherkenning_cancelled',
  },
  {
    name: 'outcome level_too_low: supplier with eherkenning_level_too_low',
    event: { type: 'server', step: 'supplier', facts: signedIn, fallback: 'start', outcome: 'level_too_low' },
    expect: { step: 'supplier' },
    errorCode: 'eherkenning_level_too_low',
  },
  {
    name: 'outcome failed: supplier with eherkenning_failed',
    event: { type: 'server', step: 'supplier', facts: signedIn, fallback: 'start', outcome: 'failed' },
    expect: { step: 'supplier' },
    errorCode: 'eherkenning_failed',
  },
  {
    name: 'outcome cancelled while the server shows verified: verified, no error',
    event: { type: 'server', step: 'verified', facts: verified, fallback: 'start', outcome: 'cancelled' },
    expect: { step: 'verified' },
  },
  {
    name: 'an explicit error wins over the outcome',
    event: {
      type: 'server',
      step: 'supplier',
      facts: signedIn,
      fallback: 'start',
      outcome: 'cancelled',
      error: error('invitation_invalid'),
    },
    expect: { step: 'supplier' },
    errorCode: 'invitation_invalid',
  },

  // ── busy and idle ──────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'busy clears the last error and field errors and keeps the data',
    from: { ...codeState, error: error('code_invalid'), fieldErrors: { code: ['code_invalid'] } },
    event: { type: 'busy' },
    expect: { step: 'code', busy: true, email: 'jan@bedrijf.nl', fieldErrors: undefined },
  },
  { name: 'idle', from: { ...codeState, busy: true }, event: { type: 'idle' }, expect: { step: 'code', busy: false } },

  // ── failures ───────────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'code_invalid keeps the code step with the server’s attempts left (C5)',
    from: { ...codeState, busy: true },
    event: { type: 'failed', error: error('code_invalid', { attemptsLeft: 1 }), facts: withFlow, now: 0 },
    expect: { step: 'code', busy: false, attemptsLeft: 1, fieldErrors: { code: ['code_invalid'] } },
    errorCode: 'code_invalid',
  },
  {
    name: 'code_invalid without attemptsLeft counts one down',
    from: codeState,
    event: { type: 'failed', error: error('code_invalid'), facts: withFlow, now: 0 },
    expect: { step: 'code', attemptsLeft: 2 },
    errorCode: 'code_invalid',
  },
  {
    name: 'code_expired belongs to the code field; the person can resend (C2)',
    from: codeState,
    event: { type: 'failed', error: error('code_expired'), facts: withFlow, now: 0 },
    expect: { step: 'code', fieldErrors: { code: ['code_expired'] } },
    errorCode: 'code_expired',
  },
  {
    name: 'too_many_attempts ends the flow: back to email with the address filled in (C5)',
    from: codeState,
    event: { type: 'failed', error: error('too_many_attempts'), facts: withFlow, now: 0 },
    expect: { step: 'email', email: 'jan@bedrijf.nl' },
    errorCode: 'too_many_attempts',
  },
  {
    name: 'too_many_attempts in the reset flow: back to password-email',
    from: enter('password-code', withResetFlow),
    event: { type: 'failed', error: error('too_many_attempts'), facts: withResetFlow, now: 0 },
    expect: { step: 'password-email' },
    errorCode: 'too_many_attempts',
  },
  {
    name: 'the last wrong code (code_invalid, 0 left, step email) is too_many_attempts: back to email (C5)',
    from: codeState,
    event: {
      type: 'failed',
      error: error('code_invalid', { attemptsLeft: 0, step: 'email', status: 400 }),
      facts: withFlow,
      now: 0,
    },
    expect: { step: 'email', email: 'jan@bedrijf.nl', fieldErrors: undefined },
    errorCode: 'too_many_attempts',
  },
  {
    name: 'the last wrong code in the reset flow: back to password-email with too_many_attempts (C5)',
    from: enter('password-code', withResetFlow),
    event: {
      type: 'failed',
      error: error('code_invalid', { attemptsLeft: 0, step: null }),
      facts: withResetFlow,
      now: 0,
    },
    expect: { step: 'password-email' },
    errorCode: 'too_many_attempts',
  },
  {
    name: 'flow_expired on details: back to email',
    from: enter('details', withFlow),
    event: { type: 'failed', error: error('flow_expired'), facts: withFlow, now: 0 },
    expect: { step: 'email' },
    errorCode: 'flow_expired',
  },
  {
    name: 'step_out_of_order goes where the server says',
    from: enter('details', withFlow),
    event: { type: 'failed', error: error('step_out_of_order', { step: 'code' }), facts: withFlow, now: 0 },
    expect: { step: 'code' },
    errorCode: 'step_out_of_order',
  },
  {
    name: 'any failure that names another step is mirrored',
    from: enter('details', withFlow),
    event: { type: 'failed', error: error('forbidden', { step: 'supplier' }), facts: signedIn, now: 0 },
    expect: { step: 'supplier' },
    errorCode: 'forbidden',
  },
  {
    name: 'not_signed_in on supplier: back to account',
    from: enter('supplier', signedIn),
    event: { type: 'failed', error: error('not_signed_in'), facts, now: 0 },
    expect: { step: 'account' },
    errorCode: 'not_signed_in',
  },
  {
    name: 'session_expired on verified: back to account (S4)',
    from: enter('verified', verified),
    event: { type: 'failed', error: error('session_expired'), facts, now: 0 },
    expect: { step: 'account' },
    errorCode: 'session_expired',
  },
  {
    name: 'session_expired on code, nobody signed in: the e-mail step with flow_expired, not "sign in again"',
    from: codeState,
    event: { type: 'failed', error: error('session_expired'), facts: withFlow, now: 0 },
    expect: { step: 'email' },
    errorCode: 'flow_expired',
  },
  {
    name: 'session_expired on password-new: the reset starts again at password-email with flow_expired',
    from: enter('password-new', withFlow),
    event: { type: 'failed', error: error('session_expired'), facts: withFlow, now: 0 },
    expect: { step: 'password-email' },
    errorCode: 'flow_expired',
  },
  {
    name: 'resend_too_soon moves the countdown to now + retryAfterSeconds (C7)',
    from: codeState,
    event: { type: 'failed', error: error('resend_too_soon', { retryAfterSeconds: 30 }), facts: withFlow, now: 1_000 },
    expect: { step: 'code', resendAvailableAt: 31_000 },
    errorCode: 'resend_too_soon',
  },
  {
    name: 'password_policy violations belong to the password field (P1)',
    from: enter('details', withFlow),
    event: {
      type: 'failed',
      error: error('password_policy', { violations: ['blocklisted'] }),
      facts: withFlow,
      now: 0,
    },
    expect: { step: 'details', fieldErrors: { password: ['blocklisted'] } },
    errorCode: 'password_policy',
  },
  {
    name: 'password_policy without violations still marks the password field',
    from: enter('password-new', withResetFlow),
    event: { type: 'failed', error: error('password_policy'), facts: withResetFlow, now: 0 },
    expect: { step: 'password-new', fieldErrors: { password: ['password_policy'] } },
    errorCode: 'password_policy',
  },
  {
    name: 'password_unchanged belongs to the password field',
    from: enter('password-new', withResetFlow),
    event: { type: 'failed', error: error('password_unchanged'), facts: withResetFlow, now: 0 },
    expect: { step: 'password-new', fieldErrors: { password: ['password_unchanged'] } },
    errorCode: 'password_unchanged',
  },
  {
    name: 'passwords_differ belongs to the repeat field',
    from: enter('details', withFlow),
    event: { type: 'failed', error: error('passwords_differ'), facts: withFlow, now: 0 },
    expect: { step: 'details', fieldErrors: { passwordRepeat: ['passwords_differ'] } },
    errorCode: 'passwords_differ',
  },
  {
    name: 'invalid_email belongs to the email field',
    from: enter('email', facts),
    event: { type: 'failed', error: error('invalid_email'), facts, now: 0 },
    expect: { step: 'email', fieldErrors: { email: ['invalid_email'] } },
    errorCode: 'invalid_email',
  },
  {
    name: 'invalid_request maps the known fields (email as invalid_email, the rest as invalid_request) and ignores others',
    from: enter('details', withFlow),
    event: {
      type: 'failed',
      error: error('invalid_request', { fields: { firstName: ['x'], email: ['y'], code: ['w'], returnTo: ['z'] } }),
      facts: withFlow,
      now: 0,
    },
    expect: {
      step: 'details',
      // The code as invalid_request, never code_invalid: a code the schema refuses was not tried (C5).
      fieldErrors: { firstName: ['invalid_request'], email: ['invalid_email'], code: ['invalid_request'] },
    },
    errorCode: 'invalid_request',
  },
  {
    name: 'unknown_supplier belongs to the supplier field',
    from: enter('supplier', signedIn),
    event: { type: 'failed', error: error('unknown_supplier'), facts: signedIn, now: 0 },
    expect: { step: 'supplier', fieldErrors: { supplierId: ['unknown_supplier'] } },
    errorCode: 'unknown_supplier',
  },
  {
    name: 'invalid_credentials is not tied to a field: it never says which of the two was wrong (R4)',
    from: enter('account', facts),
    event: { type: 'failed', error: error('invalid_credentials'), facts, now: 0 },
    expect: { step: 'account', fieldErrors: undefined },
    errorCode: 'invalid_credentials',
  },
  {
    name: 'network_error keeps the step and ends busy',
    from: { ...enter('email', facts), busy: true },
    event: { type: 'failed', error: error('network_error'), facts, now: 0 },
    expect: { step: 'email', busy: false },
    errorCode: 'network_error',
  },
  // ── notices: what the last action did, on the step that follows, gone with the next intent ──────────────
  {
    name: 'signed out: the start step carries signed_out',
    from: enter('verified', verified),
    event: { type: 'enter', step: 'start', facts, notice: 'signed_out' },
    expect: { step: 'start', notice: 'signed_out' },
  },
  {
    name: 'a new password saved: the step the server names carries password_changed',
    from: { ...enter('password-new', withResetFlow), busy: true },
    event: { type: 'server', step: null, facts: signedIn, fallback: 'start', notice: 'password_changed' },
    expect: { step: 'supplier', notice: 'password_changed' },
  },
  {
    name: 'a notice goes with the next intent',
    from: enter('supplier', signedIn, undefined, 'password_changed'),
    event: { type: 'busy' },
    expect: { step: 'supplier', notice: undefined, busy: true },
  },
  {
    name: 'a notice goes with the next step',
    from: enter('start', facts, undefined, 'signed_out'),
    event: { type: 'enter', step: 'eherkenning-info', facts },
    expect: { step: 'eherkenning-info', notice: undefined },
  },
  // ── an address left empty says "fill it in", a wrong one "not valid" ──────────────────────────────────
  {
    name: 'an empty address is invalid_request beside the field, not invalid_email',
    from: { ...enter('email', facts), busy: true },
    event: {
      type: 'failed',
      error: error('invalid_email', { fields: { email: ['Enter an e-mail address'] } }),
      facts,
      now: 0,
      blank: ['email'],
    },
    expect: { step: 'email', fieldErrors: { email: ['invalid_request'] } },
    errorCode: 'invalid_request',
  },
  {
    name: 'a wrong address stays invalid_email',
    from: { ...enter('password-email', facts), busy: true },
    event: {
      type: 'failed',
      error: error('invalid_email', { fields: { email: ['Enter an e-mail address'] } }),
      facts,
      now: 0,
    },
    expect: { step: 'password-email', fieldErrors: { email: ['invalid_email'] } },
    errorCode: 'invalid_email',
  },
  {
    name: 'signing in with both fields empty: both say fill it in',
    from: { ...enter('account', facts), busy: true },
    event: {
      type: 'failed',
      error: error('invalid_request', { fields: { email: ['x'], password: ['y'] } }),
      facts,
      now: 0,
      blank: ['email', 'password'],
    },
    expect: { step: 'account', fieldErrors: { email: ['invalid_request'], password: ['invalid_request'] } },
    errorCode: 'invalid_request',
  },
  {
    name: 'signing in with a wrong address and no password: the address is invalid_email',
    from: { ...enter('account', facts), busy: true },
    event: {
      type: 'failed',
      error: error('invalid_request', { fields: { email: ['x'], password: ['y'] } }),
      facts,
      now: 0,
      blank: ['password'],
    },
    expect: { step: 'account', fieldErrors: { email: ['invalid_email'], password: ['invalid_request'] } },
    errorCode: 'invalid_request',
  },
];

describe('transition: table', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const next = transition(row.from ?? start, row.event);
      for (const [key, value] of Object.entries(row.expect)) {
        assert.deepEqual((next as Record<string, unknown>)[key], value, `${key} of ${row.name}`);
      }
      assert.equal(next.error?.code, row.errorCode, 'error code');
    });
  }
});

describe('transition: properties', () => {
  it('the last wrong code keeps the server’s code_invalid as the cause of too_many_attempts (C5)', () => {
    const server = error('code_invalid', { attemptsLeft: 0, step: 'email', status: 400 });
    const next = transition(codeState, { type: 'failed', error: server, facts: withFlow, now: 0 });
    assert.ok(next.error instanceof OnboardingError);
    assert.equal(next.error.code, 'too_many_attempts');
    assert.equal(next.error.cause, server);
    assert.equal(next.error.attemptsLeft, 0);
    assert.equal(next.error.status, 400);
    assert.match(next.error.message, /e-mail address again/);
  });

  it('can enter every step of the contract', () => {
    const all: FlowFacts = { ...verified, flow: flowInfo(), invitation: undefined };
    for (const step of STEP_IDS) {
      const next = transition(start, {
        type: 'enter',
        step,
        facts: step === 'invitation' ? { ...all, invitation: invitationPreview } : all,
      });
      assert.equal(next.step, step);
      assert.equal(next.busy, false);
    }
  });

  it('is pure: the previous state is not changed', () => {
    const from = Object.freeze({ ...codeState, busy: true });
    const next = transition(from, {
      type: 'failed',
      error: error('code_invalid', { attemptsLeft: 1 }),
      facts: withFlow,
      now: 0,
    });
    assert.notEqual(next, from);
    assert.equal(from.busy, true);
    assert.equal('attemptsLeft' in from && from.attemptsLeft, 3);
  });
});
