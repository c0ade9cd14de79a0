// WCAG 2.2.1: on a fresh sign-up's code and details steps, `sessionEndsAt` is the end the server will enforce, so a
// warning two minutes before it comes two minutes before the real end. The stand-in API keeps the server's rules
// (packages/server/src/sessions/sessions.ts): the session ends SESSION_IDLE_MINUTES after its last recorded
// activity, a request records activity only when the last record is a minute old or more, and a sign-up flow ends
// 30 minutes after it began. The answers of the code steps (FlowAccepted, StepAnswer) do not carry the session's
// end; GET /session and the sign-in answers do. Time is node:test's fake Date, moved by the test.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it, mock } from 'node:test';
import type { FlowInfo, Session } from '@wij-techniek/onboarding-contract';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import {
  createOnboardingClient,
  createOnboardingFlow,
  type FlowState,
  type OnboardingFlow,
  type StateOf,
} from '../../src/index.js';
import { API, config, session } from '../fixtures.js';

const MINUTE = 60_000;
const FLOW_LIFETIME = 30 * MINUTE;
const START = Date.parse('2026-03-02T09:00:00.000Z');

/** The server's session and sign-up flow, by its rules. */
class StandIn {
  idle = 30 * MINUTE;
  /** How long after the session the request that made both makes the flow (the server reads its clock twice). */
  flowLag = 0;
  lastSeen: number | undefined;
  flow: (FlowInfo & { verified: boolean }) | undefined;
  readonly requests: string[] = [];
  failSession = false;

  /** The middleware: activity is recorded only when the last record is a minute old. */
  touch(create = false): void {
    const now = Date.now();
    if (this.lastSeen === undefined) {
      if (create) this.lastSeen = now;
    } else if (now - this.lastSeen >= MINUTE) this.lastSeen = now;
  }

  /** The end the server enforces on the code and details steps: the session's idle end or the flow's, the earlier. */
  realEnd(): number {
    return Math.min(this.lastSeen! + this.idle, Date.parse(this.flow!.expiresAt));
  }

  /** The middleware's end: a session idle past its end is gone, with its flow. */
  expire(): void {
    if (this.lastSeen !== undefined && Date.now() > this.lastSeen + this.idle) {
      this.lastSeen = undefined;
      this.flow = undefined;
    }
  }

  session(): Session {
    // A flow past its end is over: the server names its e-mail step and no flow (flowStep, flowInfo).
    if (this.flow && Date.now() > Date.parse(this.flow.expiresAt)) {
      return { ...session({ step: 'email', flow: null }), ...this.end() };
    }
    return { ...this.session0(), ...this.end() };
  }

  end(): Pick<Session, 'expiresAt' | 'extendable'> {
    return {
      expiresAt: this.lastSeen === undefined ? null : new Date(this.lastSeen + this.idle).toISOString(),
      extendable: this.lastSeen !== undefined,
    };
  }

  session0(): Session {
    const step = this.flow ? (this.flow.verified ? 'details' : 'code') : null;
    const { verified: _verified, ...flow } = this.flow ?? { verified: false };
    return session({
      step,
      flow: this.flow ? (flow as FlowInfo) : null,
      expiresAt: this.lastSeen === undefined ? null : new Date(this.lastSeen + this.idle).toISOString(),
      extendable: this.lastSeen !== undefined,
    });
  }

  startFlow(email: string): { step: 'code'; flow: FlowInfo } {
    this.touch(true);
    const now = Date.now() + this.flowLag;
    // F4: the same address within the resend countdown keeps the flow and sends nothing.
    if (!(this.flow?.email === email && now < Date.parse(this.flow.resendAvailableAt))) {
      this.flow = {
        kind: 'signup',
        email,
        lang: 'nl',
        attemptsLeft: 5,
        resendAvailableAt: new Date(now + MINUTE).toISOString(),
        expiresAt: new Date(now + FLOW_LIFETIME).toISOString(),
        verified: false,
      };
    }
    return { step: 'code', flow: this.session().flow! };
  }
}

const server = setupServer();
let api: StandIn;
before(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  mock.timers.enable({ apis: ['Date'], now: START });
  api = new StandIn();
  const seen = (route: string) => api.requests.push(route);
  server.use(
    http.get(`${API}/config`, () => HttpResponse.json(config)),
    http.get(`${API}/session`, () => {
      seen('GET /session');
      if (api.failSession) return HttpResponse.error();
      api.expire();
      api.touch();
      return HttpResponse.json(api.session());
    }),
    http.post(`${API}/signup/email`, async ({ request }) => {
      seen('POST /signup/email');
      const { email } = (await request.json()) as { email: string };
      return HttpResponse.json(api.startFlow(email), { status: 202 });
    }),
    http.post(`${API}/signup/code`, () => {
      seen('POST /signup/code');
      api.touch();
      api.flow!.verified = true;
      return HttpResponse.json({ step: 'details' });
    }),
  );
});
afterEach(() => {
  server.resetHandlers();
  mock.timers.reset();
});
after(() => server.close());

function newFlow(): OnboardingFlow {
  return createOnboardingFlow({
    client: createOnboardingClient({ apiBase: API, retries: 0 }),
    storage: null,
    location: { href: 'https://www.wij-techniek.nl/account' },
    history: { replaceState: () => undefined },
    navigate: () => undefined,
  });
}

function at<Id extends 'code' | 'details'>(flow: OnboardingFlow, step: Id): StateOf<Id> {
  assert.equal(flow.state.step, step, `on ${flow.state.step} (${flow.state.error?.code ?? 'no error'})`);
  return flow.state as StateOf<Id>;
}

const tick = (ms: number) => mock.timers.tick(ms);
const iso = (ms: number | undefined) => (ms === undefined ? 'none' : new Date(ms).toISOString());

/** From a first visit (no session) to the code step for `email`. */
async function signUp(flow: OnboardingFlow, email = 'jan@bedrijf.nl') {
  const state = await flow.restore();
  assert.equal(state.step, 'start');
  if (state.step === 'start') state.actions.begin();
  if (flow.state.step === 'eherkenning-info') flow.state.actions.next();
  if (flow.state.step === 'account') flow.state.actions.createAccount();
  if (flow.state.step !== 'email') assert.fail(`on ${flow.state.step}`);
  await flow.state.actions.submit(email);
  return at(flow, 'code');
}

/** Asserts that the state ends when the stand-in server will end it, and whether staying active moves that. */
function endsWhenServerDoes(flow: OnboardingFlow, extendable: boolean, what: string) {
  const { sessionEndsAt, sessionExtendable } = flow.state;
  assert.equal(iso(sessionEndsAt), iso(api.realEnd()), `${what}: the end shown is the real end`);
  assert.equal(sessionExtendable, extendable, `${what}: extendable`);
}

describe('session end on a fresh sign-up’s code and details steps (WCAG 2.2.1)', () => {
  it('SESSION_IDLE_MINUTES under the flow’s 30: the steps end when the session does, and staying active helps', async () => {
    api.idle = 15 * MINUTE;
    const flow = newFlow();
    tick(90_000);
    const code = await signUp(flow);
    assert.equal(code.sessionEndsAt, START + 90_000 + 15 * MINUTE, 'fifteen minutes after the first request');
    endsWhenServerDoes(flow, true, 'code');
    tick(50_000);
    await code.actions.submit('123456');
    endsWhenServerDoes(flow, true, 'details, within a minute: nothing recorded');
    tick(10 * MINUTE);
    await at(flow, 'details').actions.stayActive();
    endsWhenServerDoes(flow, true, 'details, after staying active');
    assert.equal(flow.state.sessionEndsAt, Date.now() + 15 * MINUTE);
  });

  it('a second address within a minute of the first: the session ends up to a minute before the new flow', async () => {
    const flow = newFlow();
    const code = await signUp(flow);
    tick(30_000);
    code.actions.changeEmail();
    if (flow.state.step !== 'email') assert.fail(`on ${flow.state.step}`);
    await flow.state.actions.submit('piet@bedrijf.nl');
    const second = at(flow, 'code');
    assert.equal(second.email, 'piet@bedrijf.nl');
    assert.equal(second.sessionEndsAt, START + 30 * MINUTE, 'the session’s idle end, 30 s before the new flow’s');
    endsWhenServerDoes(flow, true, 'code of the second address');
    tick(50_000);
    await second.actions.submit('123456');
    // 80 s after the first request the code was activity: now the flow's fixed end comes first.
    endsWhenServerDoes(flow, false, 'details');
  });

  it('an end learnt before the flow does not make the warning early (a reload, then another address)', async () => {
    const flow = newFlow();
    await signUp(flow);
    tick(30_000);
    await flow.restore(); // a reload: GET /session, within a minute, records nothing
    tick(90_000);
    at(flow, 'code').actions.changeEmail();
    if (flow.state.step !== 'email') assert.fail(`on ${flow.state.step}`);
    await flow.state.actions.submit('piet@bedrijf.nl');
    // The submit was activity (2 minutes on): the end of 30 minutes from the first request has gone.
    endsWhenServerDoes(flow, false, 'code of the second address');
    assert.equal(flow.state.sessionEndsAt, START + 120_000 + FLOW_LIFETIME);
  });

  it('a session made milliseconds before its flow by the same request: one end, the flow’s, nothing to extend', async () => {
    api.flowLag = 4;
    const flow = newFlow();
    const code = await signUp(flow);
    assert.equal(code.sessionEndsAt, START + 4 + FLOW_LIFETIME);
    assert.equal(code.sessionExtendable, false);
    assert.ok(code.sessionEndsAt - api.realEnd() < 1000, 'within a second of the real end');
  });

  it('asks GET /session once after each answer without the end, never after one that carries it', async () => {
    const flow = newFlow();
    const code = await signUp(flow);
    await code.actions.submit('123456');
    assert.deepEqual(api.requests, [
      'GET /session', // restore
      'POST /signup/email',
      'GET /session',
      'POST /signup/code',
      'GET /session',
    ]);
    api.requests.length = 0;
    await at(flow, 'details').actions.stayActive();
    assert.deepEqual(api.requests, ['GET /session'], 'a Session answer carries the end');
  });

  it('GET /session failing after the answer: the step still moves, without an error, on the end known before', async () => {
    const flow = newFlow();
    await flow.restore();
    api.failSession = true;
    if (flow.state.step === 'start') flow.state.actions.begin();
    if (flow.state.step === 'eherkenning-info') flow.state.actions.next();
    if (flow.state.step === 'account') flow.state.actions.createAccount();
    if (flow.state.step !== 'email') assert.fail(`on ${flow.state.step}`);
    await flow.state.actions.submit('jan@bedrijf.nl');
    const code = at(flow, 'code');
    assert.equal(code.error, undefined);
    assert.equal(code.busy, false);
    assert.equal(code.sessionEndsAt, Date.parse(api.flow!.expiresAt), 'no session end known: the flow’s');
  });
});

/** The flow's state now, typed afresh. */
const newState = (flow: OnboardingFlow): FlowState => flow.state;

/** Lets the flow's requests to the stand-in finish (setImmediate is not faked). */
async function settle(flow: OnboardingFlow): Promise<void> {
  for (let i = 0; i < 100 && flow.state.busy; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('when the end passes, the flow says so at once (WCAG 2.2.1)', () => {
  beforeEach(() => {
    // setTimeout too: the flow's own timer at the end.
    mock.timers.reset();
    mock.timers.enable({ apis: ['Date', 'setTimeout'], now: START });
  });

  it('the session ended on the code step, nobody signed in: GET /session confirms it and the e-mail step shows flow_expired, with the address', async () => {
    api.idle = 15 * MINUTE;
    const flow = newFlow();
    const code = await signUp(flow);
    const ends = code.sessionEndsAt!;
    assert.equal(ends, START + 15 * MINUTE);
    api.requests.length = 0;
    tick(ends - Date.now());
    assert.equal(flow.state.step, 'code', 'not before the server agrees (a second after the end)');
    tick(1000);
    await settle(flow);
    assert.deepEqual(api.requests, ['GET /session']);
    const ended = newState(flow); // not narrowed by the assertion on the step above
    // "Log opnieuw in" cannot help someone without an account: they start again, the address filled in.
    assert.equal(ended.step, 'email');
    assert.equal(ended.error?.code, 'flow_expired');
    assert.equal(ended.step === 'email' && ended.email, 'jan@bedrijf.nl');
  });

  it('the session ended on the details step, before the account was made: the e-mail step with flow_expired', async () => {
    api.idle = 15 * MINUTE;
    const flow = newFlow();
    await (await signUp(flow)).actions.submit('123456');
    const details = at(flow, 'details');
    tick(details.sessionEndsAt! + 1000 - Date.now());
    await settle(flow);
    const ended = newState(flow);
    assert.equal(ended.step, 'email');
    assert.equal(ended.error?.code, 'flow_expired');
    assert.equal(ended.step === 'email' && ended.email, 'jan@bedrijf.nl');
  });

  it('a failed request had moved the end on: the session is alive, the later end is shown; that one is not asked again', async () => {
    api.idle = 10 * MINUTE;
    const flow = newFlow();
    const code = await signUp(flow);
    const known = code.sessionEndsAt!;
    tick(5 * MINUTE);
    api.touch(); // a request that failed on the way back, after the server recorded it
    api.requests.length = 0;
    tick(known + 1000 - Date.now());
    await settle(flow);
    assert.deepEqual(api.requests, ['GET /session']);
    const later = at(flow, 'code');
    assert.equal(later.error, undefined, 'nothing expired');
    assert.ok(later.sessionEndsAt! > known, 'the end the server has now');
    endsWhenServerDoes(flow, true, 'after the check');
    // The check itself was activity: asking at every end would keep an idle session alive for ever.
    tick(later.sessionEndsAt! + 1000 - Date.now());
    await settle(flow);
    assert.deepEqual(api.requests, ['GET /session'], 'not asked again');
    assert.equal(flow.state.step, 'email');
    assert.equal(flow.state.error?.code, 'flow_expired');
  });

  it('the flow’s fixed end passed: the e-mail step with flow_expired', async () => {
    api.idle = 60 * MINUTE;
    const flow = newFlow();
    const code = await signUp(flow);
    assert.equal(code.sessionExtendable, false);
    tick(code.sessionEndsAt! + 1000 - Date.now());
    await settle(flow);
    assert.equal(flow.state.step, 'email');
    assert.equal(flow.state.error?.code, 'flow_expired');
  });

  it('an action in between: the end it brings is watched, and a request under way is not disturbed', async () => {
    api.idle = 15 * MINUTE;
    const flow = newFlow();
    const code = await signUp(flow);
    tick(10 * MINUTE);
    await code.actions.stayActive();
    const moved = at(flow, 'code').sessionEndsAt!;
    assert.equal(moved, START + 25 * MINUTE);
    tick(START + 15 * MINUTE + 1000 - Date.now());
    await settle(flow);
    assert.equal(flow.state.step, 'code', 'the old end no longer counts');
    tick(moved + 1000 - Date.now());
    await settle(flow);
    assert.equal(flow.state.step, 'email');
  });
});
