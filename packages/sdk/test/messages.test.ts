// Every error the SDK makes itself (no server problem details to pass on) has a message for the developer that
// says what happened and what to do, as the server's problem `detail`s do; the codes stay the contract's.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { ErrorCode } from '@wij-techniek/onboarding-contract';
import { HttpResponse, delay, http } from 'msw';
import { setupServer } from 'msw/node';
import {
  OnboardingError,
  createOnboardingClient,
  createOnboardingFlow,
  transition,
  type FlowState,
  type OnboardingClient,
} from '../src/index.js';
import { NO_FACTS, enter } from '../src/flow/transition.js';
import { createOrganisationMembers } from '../src/organisation/index.js';
import { API, GOOD_PASSWORD, PAGE, account, config, flowInfo, session, signedIn } from './fixtures.js';

const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

/**
 * Asserts that `error` is an {@link OnboardingError} with `code` whose message is a sentence in two parts: what
 * happened, then (after "; ") what to do. A bare code or a fragment ("a bug") fails.
 */
function assertSays(error: unknown, code: ErrorCode): void {
  assert.ok(error instanceof OnboardingError, `${code}: an OnboardingError`);
  assert.equal(error.code, code);
  const { message } = error;
  assert.notEqual(message, code, `${code}: more than the code`);
  assert.match(message, /^\S.{9,}; [a-z].{9,}\.$/su, `${code}: "what happened; what to do." — got "${message}"`);
}

const client = (options: Parameters<typeof createOnboardingClient>[0] = {}) =>
  createOnboardingClient({ apiBase: API, retryDelayMs: 0, retries: 0, ...options });
const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('messages of the client’s own errors', () => {
  it('invalid_email and invalid_request refused before sending', async () => {
    assertSays(await caught(client().signupEmail({ email: 'geen-adres' })), 'invalid_email');
    assertSays(await caught(client().signupCode({ code: '12a456' })), 'invalid_request');
  });

  it('network_error and timeout', async () => {
    const offline = client({ fetch: () => Promise.reject(new TypeError('fetch failed')) });
    assertSays(await caught(offline.config()), 'network_error');
    server.use(
      http.get(`${API}/config`, async () => {
        // Longer than the timeout, but a timer that holds the event loop: the SDK's timeout is an unref'd
        // AbortSignal.timeout, and with msw there is no socket either, so Node's runner would cancel the test.
        await delay(1_000);
        return HttpResponse.json(config);
      }),
    );
    assertSays(await caught(client({ timeoutMs: 20 }).config()), 'timeout');
  });

  it('invalid_response and service_unavailable for answers that are not the API’s', async () => {
    server.use(http.get(`${API}/config`, () => HttpResponse.json({ nothing: true })));
    assertSays(await caught(client().config()), 'invalid_response');
    server.use(http.get(`${API}/config`, () => new HttpResponse('<h1>teapot</h1>', { status: 418 })));
    assertSays(await caught(client().config()), 'invalid_response');
    server.use(http.get(`${API}/config`, () => new HttpResponse('<h1>bad gateway</h1>', { status: 502 })));
    assertSays(await caught(client().config()), 'service_unavailable');
  });
});

describe('messages of the flow’s own errors', () => {
  /** A flow on the `details` step (or what `sessionAnswer` puts it on), restored against the stand-in API. */
  async function restored(
    sessionAnswer = session({ step: 'details', flow: flowInfo() }),
    flowClient?: OnboardingClient,
  ) {
    server.use(
      http.get(`${API}/config`, () => HttpResponse.json(config)),
      http.get(`${API}/session`, () => HttpResponse.json(sessionAnswer)),
    );
    const flow = createOnboardingFlow({ client: flowClient ?? client(), storage: null, location: { href: PAGE } });
    await flow.restore();
    return flow;
  }
  const input = { password: GOOD_PASSWORD, passwordRepeat: GOOD_PASSWORD, firstName: 'Jan', lastName: 'Jansen' };

  it('passwords_differ and password_policy, refused before sending', async () => {
    const flow = await restored();
    const details = flow.state as Extract<FlowState, { step: 'details' }>;
    await details.actions.submit({ ...input, passwordRepeat: `${GOOD_PASSWORD}?` });
    assertSays(flow.state.error, 'passwords_differ');
    const state = flow.state as Extract<FlowState, { step: 'details' }>;
    await state.actions.submit({ ...input, password: 'Jansen#2026!abcd', passwordRepeat: 'Jansen#2026!abcd' });
    assertSays(flow.state.error, 'password_policy');
  });

  it('invalid_transition for an action of a state the flow has left', async () => {
    const flow = await restored(session());
    const start = flow.state as Extract<FlowState, { step: 'start' }>;
    start.actions.begin();
    let thrown: unknown;
    try {
      start.actions.begin();
    } catch (error) {
      thrown = error;
    }
    assertSays(thrown, 'invalid_transition');
  });

  it('session_expired when stayActive finds the session gone', async () => {
    const flow = await restored(signedIn());
    server.use(http.get(`${API}/session`, () => HttpResponse.json(session())));
    await (flow.state as Extract<FlowState, { step: 'supplier' }>).actions.stayActive();
    assertSays(flow.state.error, 'session_expired');
  });

  it('internal_error when the client fails with something else than an OnboardingError', async () => {
    const broken: OnboardingClient = { ...client(), config: () => Promise.reject(new Error('boom')) };
    const flow = await restored(session(), broken);
    assertSays(flow.state.error, 'internal_error');
  });
});

describe('messages of the transition’s own errors', () => {
  const facts = { ...NO_FACTS, config };
  const signedInFacts = { ...facts, account };
  const start = enter('start', facts);

  it('flow_expired, not_signed_in and too_many_attempts', () => {
    assertSays(enter('code', facts).error, 'flow_expired');
    assertSays(enter('supplier', facts).error, 'not_signed_in');
    const lastWrong = new OnboardingError('code_invalid', 'x', { attemptsLeft: 0, step: 'email' });
    const code = enter('code', { ...facts, flow: flowInfo() });
    assertSays(transition(code, { type: 'failed', error: lastWrong, facts, now: 0 }).error, 'too_many_attempts');
  });

  it('every eHerkenning outcome that did not verify', () => {
    const outcomes = [
      ['verified', 'eherkenning_failed'],
      ['cancelled', 'eherkenning_cancelled'],
      ['level_too_low', 'eherkenning_level_too_low'],
      ['failed', 'eherkenning_failed'],
    ] as const;
    for (const [outcome, code] of outcomes) {
      const next = transition(start, {
        type: 'server',
        step: 'supplier',
        facts: signedInFacts,
        fallback: 'start',
        outcome,
      });
      assertSays(next.error, code);
    }
  });
});

describe('messages of the members state’s own errors', () => {
  it('not_signed_in and forbidden when the session has no account or no organisation', async () => {
    server.use(http.get(`${API}/session`, () => HttpResponse.json(session())));
    const nobody = createOrganisationMembers({ apiBase: API });
    await nobody.load();
    assertSays(nobody.state.error?.error, 'not_signed_in');
    server.use(http.get(`${API}/session`, () => HttpResponse.json(signedIn())));
    const noOrganisation = createOrganisationMembers({ apiBase: API });
    await noOrganisation.load();
    assertSays(noOrganisation.state.error?.error, 'forbidden');
  });
});
