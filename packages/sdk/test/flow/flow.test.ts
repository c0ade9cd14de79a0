// The flow against an msw stand-in of the API: every step, every error state, abort, stale answers, restore.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { EherkenningOutcome, Session, StepId } from '@wij-techniek/onboarding-contract';
import { HttpResponse, delay, http, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import {
  CodedTypeError,
  OnboardingError,
  SIGN_IN_PARAM,
  STEP_STORAGE_KEY,
  createOnboardingClient,
  createOnboardingFlow,
  type FlowErrorEvent,
  FlowSignedOutEvent,
  type FlowState,
  type OnboardingClient,
  type OnboardingFlow,
  type StateOf,
} from '../../src/index.js';
import {
  API,
  GOOD_PASSWORD,
  PAGE,
  SESSION_ENDS_AT,
  TOKEN,
  account,
  config,
  flowInfo,
  invitationPreview,
  membership,
  problem,
  session,
  signedIn,
  until,
  verifiedSession,
} from '../fixtures.js';

const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

const NOW = Date.parse('2026-03-01T10:00:00.000Z');

/** Records the requests that reached the stand-in API: `METHOD /path` and the JSON body. */
interface Sent {
  route: string;
  body: unknown;
  signal: AbortSignal | undefined;
}

interface Harness {
  flow: OnboardingFlow;
  sent: Sent[];
  storage: Map<string, string>;
  navigated: string[];
  replaced: string[];
  events: Event[];
  changes: [FlowState, FlowState][];
}

/** A flow on a page at `href`, with memory storage, a recording history and navigation, and a fixed clock. */
function harness(
  options: {
    session?: Session;
    href?: string;
    stored?: StepId;
    client?: OnboardingClient;
  } = {},
): Harness {
  const sent: Sent[] = [];
  server.use(
    http.get(`${API}/config`, () => HttpResponse.json(config)),
    http.get(`${API}/session`, () => HttpResponse.json(options.session ?? session())),
  );
  const storage = new Map<string, string>();
  if (options.stored) storage.set(STEP_STORAGE_KEY, options.stored);
  const location = { href: options.href ?? PAGE };
  const navigated: string[] = [];
  const replaced: string[] = [];
  const flow = createOnboardingFlow({
    client: options.client ?? recordingClient(sent),
    storage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
      removeItem: (key) => void storage.delete(key),
    },
    location,
    history: {
      replaceState: (_data, _unused, url) => {
        replaced.push(String(url));
        location.href = String(url);
      },
    },
    navigate: (url) => navigated.push(url),
    clock: () => NOW,
  });
  const events: Event[] = [];
  for (const type of [
    'change',
    'stepchange',
    'accountcreated',
    'signedin',
    'signedout',
    'verified',
    'error',
    'redirect',
  ]) {
    flow.addEventListener(type, (event) => events.push(event));
  }
  const changes: [FlowState, FlowState][] = [];
  flow.subscribe((state, previous) => changes.push([state, previous]));
  return { flow, sent, storage, navigated, replaced, events, changes };
}

/** A real client whose fetch writes down every request, in the order they leave. */
function recordingClient(sent: Sent[]): OnboardingClient {
  return createOnboardingClient({
    apiBase: API,
    retryDelayMs: 0,
    fetch: (input, init) => {
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      const route = `${init?.method ?? 'GET'} ${new URL(input instanceof Request ? input.url : input).pathname.slice(API.length - 'http://app.test'.length)}`;
      sent.push({ route, body, signal: init?.signal ?? undefined });
      return fetch(input, init);
    },
  });
}

/** The current state, asserted to be on `step`. */
function at<Id extends StepId>(flow: OnboardingFlow, step: Id): StateOf<Id> {
  assert.equal(
    flow.state.step,
    step,
    `expected step ${step}, got ${flow.state.step} (${flow.state.error?.code ?? 'no error'})`,
  );
  return flow.state as StateOf<Id>;
}

const eventsOf = <T extends Event>(h: Harness, type: string) => h.events.filter((e) => e.type === type) as T[];
const routes = (h: Harness) => h.sent.map((s) => s.route);

function answer(method: 'get' | 'post', path: string, body: JsonBodyType | Response, status = 200) {
  server.use(
    http[method](`${API}${path}`, () => (body instanceof Response ? body : HttpResponse.json(body, { status }))),
  );
}

/** Walks a new person from `start` to the `code` step. */
async function toCode(h: Harness) {
  await h.flow.restore();
  at(h.flow, 'start').actions.begin();
  at(h.flow, 'eherkenning-info').actions.next();
  at(h.flow, 'account').actions.createAccount();
  answer('post', '/signup/email', { step: 'code', flow: flowInfo() }, 202);
  await at(h.flow, 'email').actions.submit('jan@bedrijf.nl');
  return at(h.flow, 'code');
}

/** Walks a person who forgot their password from `account` to the `password-code` step. */
async function toPasswordCode(h: Harness) {
  await h.flow.restore();
  at(h.flow, 'start').actions.begin();
  at(h.flow, 'eherkenning-info').actions.next();
  at(h.flow, 'account').actions.forgotPassword();
  answer('post', '/password/forgot', { step: 'password-code', flow: flowInfo({ kind: 'password-reset' }) }, 202);
  await at(h.flow, 'password-email').actions.submit('jan@bedrijf.nl');
  return at(h.flow, 'password-code');
}

describe('flow: sign-up from start to eHerkenning', () => {
  it('walks every step, sends what each step collected and announces the account', async () => {
    const h = harness();
    const code = await toCode(h);
    assert.equal(code.email, 'jan@bedrijf.nl');
    assert.equal(code.attemptsLeft, 5);
    assert.equal(code.codeLength, 6);
    assert.equal(code.resendAvailableAt, Date.parse(flowInfo().resendAvailableAt));

    answer('post', '/signup/code', { step: 'details' });
    await code.actions.submit(' 123-456 ');
    const details = at(h.flow, 'details');
    assert.deepEqual(details.policy, config.passwordPolicy);

    answer('post', '/signup/account', signedIn(), 201);
    await details.actions.submit({
      password: GOOD_PASSWORD,
      passwordRepeat: GOOD_PASSWORD,
      firstName: 'Jan',
      lastName: 'Jansen',
    });
    const supplier = at(h.flow, 'supplier');
    assert.deepEqual(supplier.suppliers, config.suppliers);
    assert.deepEqual(supplier.account, account);

    answer('post', '/eherkenning/start', { redirectUrl: 'https://broker.test/authorize?x=1' });
    await supplier.actions.choose('kpn');

    assert.deepEqual(
      h.sent.filter((s) => s.route.startsWith('POST')).map(({ route, body }) => ({ route, body })),
      [
        { route: 'POST /signup/email', body: { email: 'jan@bedrijf.nl', lang: 'nl' } },
        { route: 'POST /signup/code', body: { code: '123456' } },
        { route: 'POST /signup/account', body: { password: GOOD_PASSWORD, firstName: 'Jan', lastName: 'Jansen' } },
        { route: 'POST /eherkenning/start', body: { supplierId: 'kpn', returnTo: PAGE } },
      ],
    );
    assert.deepEqual(h.navigated, ['https://broker.test/authorize?x=1']);
    const [created] = eventsOf<Event & { account: unknown }>(h, 'accountcreated');
    assert.deepEqual(created?.account, account);
    const redirect = eventsOf<Event & { supplierId: string; redirectUrl: string }>(h, 'redirect');
    assert.deepEqual(
      redirect.map((e) => [e.supplierId, e.redirectUrl]),
      [['kpn', 'https://broker.test/authorize?x=1']],
    );
    assert.deepEqual(
      eventsOf<Event & { step: StepId; previousStep: StepId }>(h, 'stepchange').map(
        (e) => `${e.previousStep}>${e.step}`,
      ),
      [
        'start>eherkenning-info',
        'eherkenning-info>account',
        'account>email',
        'email>code',
        'code>details',
        'details>supplier',
      ],
    );
    assert.equal(at(h.flow, 'supplier').busy, false);
  });

  it('lets the host take over the redirect: a cancelled redirect event navigates nowhere', async () => {
    const h = harness({ session: signedIn(), href: `${PAGE}?utm=mail#top` });
    await h.flow.restore();
    h.flow.addEventListener('redirect', (event) => event.preventDefault());
    answer('post', '/eherkenning/start', { redirectUrl: 'https://broker.test/authorize' });
    await at(h.flow, 'supplier').actions.choose('digidentity');
    assert.deepEqual(h.navigated, []);
    assert.equal(at(h.flow, 'supplier').busy, false);
    assert.deepEqual(h.sent.at(-1)?.body, { supplierId: 'digidentity', returnTo: `${PAGE}?utm=mail#top` });
  });

  it('marks the state busy while a request is under way, as a change', async () => {
    const h = harness();
    await h.flow.restore();
    at(h.flow, 'start').actions.begin();
    at(h.flow, 'eherkenning-info').actions.next();
    at(h.flow, 'account').actions.createAccount();
    answer('post', '/signup/email', { step: 'code', flow: flowInfo() }, 202);
    const pending = at(h.flow, 'email').actions.submit('jan@bedrijf.nl');
    assert.equal(at(h.flow, 'email').busy, true);
    await pending;
    assert.equal(at(h.flow, 'code').busy, false);
    assert.ok(h.changes.some(([state]) => state.step === 'email' && state.busy));
  });

  it('uses the language set last for the mails', async () => {
    const h = harness();
    await h.flow.restore();
    h.flow.setLanguage('en');
    assert.equal(h.flow.lang, 'en');
    at(h.flow, 'start').actions.begin();
    at(h.flow, 'eherkenning-info').actions.next();
    at(h.flow, 'account').actions.createAccount();
    answer('post', '/signup/email', { step: 'code', flow: flowInfo({ lang: 'en' }) }, 202);
    await at(h.flow, 'email').actions.submit('jan@bedrijf.nl');
    assert.deepEqual(h.sent.find((s) => s.route === 'POST /signup/email')?.body, {
      email: 'jan@bedrijf.nl',
      lang: 'en',
    });
    assert.throws(() => h.flow.setLanguage('de' as never), CodedTypeError);
  });

  it('goes back and forth between the steps the client owns, and changes the address from the code step', async () => {
    const h = harness();
    const code = await toCode(h);
    code.actions.changeEmail();
    const email = at(h.flow, 'email');
    assert.equal(email.email, 'jan@bedrijf.nl');
    email.actions.back();
    at(h.flow, 'account').actions.back();
    at(h.flow, 'eherkenning-info').actions.back();
    at(h.flow, 'start');
  });

  // SECURITY.md F4: within the resend countdown the server keeps the flow of the same address and sends no mail.
  for (const signup of [true, false]) {
    const [codeStep, emailStep] = signup
      ? (['code', 'email'] as const)
      : (['password-code', 'password-email'] as const);
    const endpoint = signup ? '/signup/email' : '/password/forgot';
    const kind = signup ? 'signup' : 'password-reset';

    it(`the same address again within the countdown (${codeStep}): alreadySent, the first code still works (F4)`, async () => {
      const h = harness();
      const first = signup ? await toCode(h) : await toPasswordCode(h);
      assert.equal(first.alreadySent, false, 'a first submit sends a mail');
      first.actions.changeEmail();
      const back = at(h.flow, emailStep);
      // The comparison happens inside the flow: the e-mail state carries nothing of the running flow.
      assert.deepEqual(Object.keys(back).sort(), ['actions', 'busy', 'email', 'step']);
      // The server's answer to the same address: the flow it kept, to the millisecond (the server sends no mail).
      answer('post', endpoint, { step: codeStep, flow: flowInfo({ kind }) }, 202);
      await back.actions.submit('jan@bedrijf.nl');
      const again = at(h.flow, codeStep);
      assert.equal(again.alreadySent, true);
      assert.equal(again.resendAvailableAt, first.resendAvailableAt, 'the countdown runs on');
    });

    it(`another address, or the same after the countdown (${codeStep}): a new mail, not alreadySent`, async () => {
      const h = harness();
      await (signup ? toCode(h) : toPasswordCode(h));
      for (const flow of [
        flowInfo({ kind, email: 'piet@bedrijf.nl', resendAvailableAt: '2026-03-01T10:01:30.000Z' }),
        flowInfo({ kind, resendAvailableAt: '2026-03-01T10:02:00.000Z' }),
      ]) {
        at(h.flow, codeStep).actions.changeEmail();
        answer('post', endpoint, { step: codeStep, flow }, 202);
        await at(h.flow, emailStep).actions.submit(flow.email);
        assert.equal(at(h.flow, codeStep).alreadySent, false, flow.email);
      }
      // A resend always sends a mail.
      answer(
        'post',
        `${signup ? '/signup' : '/password'}/code/resend`,
        { step: codeStep, flow: flowInfo({ kind }) },
        202,
      );
      await at(h.flow, codeStep).actions.resend();
      assert.equal(at(h.flow, codeStep).alreadySent, false);
    });
  }

  it('resends a code and shows the new countdown', async () => {
    const h = harness();
    const code = await toCode(h);
    answer(
      'post',
      '/signup/code/resend',
      { step: 'code', flow: flowInfo({ resendAvailableAt: '2026-03-01T10:05:00.000Z' }) },
      202,
    );
    await code.actions.resend();
    assert.equal(at(h.flow, 'code').resendAvailableAt, Date.parse('2026-03-01T10:05:00.000Z'));
    assert.equal(eventsOf(h, 'stepchange').length, 4, 'a resend does not change the step');
  });
});

describe('flow: signing in and the forgotten password', () => {
  it('signs in to a verified account and goes straight to verified (no second eHerkenning round)', async () => {
    const h = harness();
    await h.flow.restore();
    at(h.flow, 'start').actions.begin();
    at(h.flow, 'eherkenning-info').actions.next();
    answer('post', '/login', verifiedSession());
    await at(h.flow, 'account').actions.signIn({ email: 'jan@bedrijf.nl', password: 'mijn wachtwoord' });
    const verified = at(h.flow, 'verified');
    assert.deepEqual(verified.organisation, membership.organisation);
    assert.deepEqual(verified.rights, membership.rights);
    assert.equal(eventsOf(h, 'signedin').length, 1);
    assert.equal(eventsOf(h, 'verified').length, 0, 'verified is only announced for a confirmed eHerkenning round');
  });

  it('signs in to an account that is not verified yet and goes to supplier', async () => {
    const h = harness({ stored: 'account' });
    await h.flow.restore();
    answer('post', '/login', signedIn());
    await at(h.flow, 'account').actions.signIn({ email: 'jan@bedrijf.nl', password: 'x' });
    at(h.flow, 'supplier');
  });

  it('resets a forgotten password: address, code, new password, signed in', async () => {
    const h = harness({ stored: 'account' });
    await h.flow.restore();
    at(h.flow, 'account').actions.forgotPassword();
    answer('post', '/password/forgot', { step: 'password-code', flow: flowInfo({ kind: 'password-reset' }) }, 202);
    await at(h.flow, 'password-email').actions.submit('jan@bedrijf.nl');
    answer('post', '/password/code', { step: 'password-new' });
    await at(h.flow, 'password-code').actions.submit('654321');
    const next = at(h.flow, 'password-new');
    assert.deepEqual(next.actions.checkPassword('kort').violations, [
      'too_short',
      'missing_upper',
      'missing_digit',
      'missing_symbol',
    ]);
    answer('post', '/password/reset', verifiedSession());
    await next.actions.submit({ password: GOOD_PASSWORD, passwordRepeat: GOOD_PASSWORD });
    assert.equal(at(h.flow, 'verified').notice, 'password_changed', 'the step after the new password confirms it');
    assert.equal(eventsOf(h, 'signedin').length, 1);
    assert.deepEqual(
      routes(h).filter((r) => r.startsWith('POST')),
      ['POST /password/forgot', 'POST /password/code', 'POST /password/reset'],
    );
  });

  it('the new password’s notice is gone with the next step or intent', async () => {
    const h = harness({ session: session({ step: 'password-new', flow: flowInfo({ kind: 'password-reset' }) }) });
    await h.flow.restore();
    answer('post', '/password/reset', signedIn());
    await at(h.flow, 'password-new').actions.submit({ password: GOOD_PASSWORD, passwordRepeat: GOOD_PASSWORD });
    const supplier = at(h.flow, 'supplier');
    assert.equal(supplier.notice, 'password_changed');
    server.use(http.post(`${API}/logout`, () => new HttpResponse(null, { status: 204 })));
    await supplier.actions.signOut();
    assert.equal(at(h.flow, 'start').notice, 'signed_out');
    at(h.flow, 'start').actions.begin();
    assert.equal(at(h.flow, 'eherkenning-info').notice, undefined);
  });

  it('Wachtwoord vergeten? carries the address typed for signing in (WCAG 3.3.7)', async () => {
    const h = harness({ stored: 'account' });
    await h.flow.restore();
    at(h.flow, 'account').actions.forgotPassword(' jan@bedrijf.nl ');
    assert.equal(at(h.flow, 'password-email').email, 'jan@bedrijf.nl');
    at(h.flow, 'password-email').actions.back();
    at(h.flow, 'account').actions.forgotPassword('');
    assert.equal(at(h.flow, 'password-email').email, 'jan@bedrijf.nl', 'an empty field keeps the address known');
    assert.throws(
      () => (at(h.flow, 'password-email').actions.back(), at(h.flow, 'account').actions.forgotPassword(5 as never)),
      { code: 'ERR_INVALID_ARG_TYPE' },
    );
  });

  it('an empty address says fill it in: invalid_request beside the field, nothing sent', async () => {
    for (const step of ['email', 'password-email'] as const) {
      const h = harness({ stored: step });
      await h.flow.restore();
      await at(h.flow, step).actions.submit('  ');
      const state = at(h.flow, step);
      assert.equal(state.error?.code, 'invalid_request');
      assert.deepEqual(state.fieldErrors, { email: ['invalid_request'] });
      assert.ok(!routes(h).some((route) => route.startsWith('POST')), 'nothing was sent');
      await at(h.flow, step).actions.submit('jan@');
      assert.deepEqual(at(h.flow, step).fieldErrors, { email: ['invalid_email'] }, 'a wrong address stays wrong');
    }
  });

  it('resends a reset code and goes back to change the address', async () => {
    const h = harness({ stored: 'password-email' });
    await h.flow.restore();
    answer('post', '/password/forgot', { step: 'password-code', flow: flowInfo({ kind: 'password-reset' }) }, 202);
    await at(h.flow, 'password-email').actions.submit('jan@bedrijf.nl');
    answer(
      'post',
      '/password/code/resend',
      { step: 'password-code', flow: flowInfo({ kind: 'password-reset', attemptsLeft: 4 }) },
      202,
    );
    await at(h.flow, 'password-code').actions.resend();
    assert.equal(at(h.flow, 'password-code').attemptsLeft, 4);
    at(h.flow, 'password-code').actions.changeEmail();
    at(h.flow, 'password-email').actions.back();
    at(h.flow, 'account');
  });

  it('signs out from supplier and from verified, back to start', async () => {
    for (const start of [signedIn(), verifiedSession()]) {
      const h = harness({ session: start });
      await h.flow.restore();
      server.use(http.post(`${API}/logout`, () => new HttpResponse(null, { status: 204 })));
      const state = h.flow.state;
      assert.ok(state.step === 'supplier' || state.step === 'verified');
      await state.actions.signOut();
      assert.equal(at(h.flow, 'start').notice, 'signed_out', 'the start step confirms the sign-out');
      assert.ok(routes(h).includes('POST /logout'));
      const signedOut = eventsOf<FlowSignedOutEvent>(h, 'signedout');
      assert.equal(signedOut.length, 1, 'one signedout event');
      assert.ok(signedOut[0] instanceof FlowSignedOutEvent);
      assert.deepEqual(signedOut[0].account, start.account, 'it names the account that signed out');
      assert.deepEqual(
        h.events.slice(-3).map((event) => event.type),
        ['change', 'stepchange', 'signedout'],
        'after the step changed, as signedin comes after it',
      );
      at(h.flow, 'start').actions.begin();
      at(h.flow, 'eherkenning-info').actions.next();
      assert.equal(at(h.flow, 'account').email, undefined, 'the address is forgotten: the next person starts clean');
    }
  });

  it('a sign-out the server did not confirm fires no signedout: the person is still signed in', async () => {
    const h = harness({ session: signedIn() });
    await h.flow.restore();
    server.use(http.post(`${API}/logout`, () => HttpResponse.error()));
    await at(h.flow, 'supplier').actions.signOut();
    assert.equal(at(h.flow, 'supplier').error?.code, 'network_error');
    assert.equal(eventsOf(h, 'signedout').length, 0);
  });

  it('a session that ends by itself is no sign-out: the error event with session_expired, no signedout', async () => {
    // The session ended a minute ago: the flow's own check at its end finds it gone.
    const h = harness({ session: signedIn({ expiresAt: new Date(NOW - 60_000).toISOString() }) });
    await h.flow.restore();
    answer('get', '/session', session());
    await until(() => h.flow.state.step === 'account', 'the account step');
    assert.equal(h.flow.state.error?.code, 'session_expired');
    assert.equal(eventsOf<FlowErrorEvent>(h, 'error').at(-1)?.error.code, 'session_expired');
    assert.equal(eventsOf(h, 'signedout').length, 0);
  });
});

describe('flow: error states', () => {
  it('refused by the anti-automation hook: the person stays on the e-mail step, state.error says why (R5)', async () => {
    for (const step of ['email', 'password-email'] as const) {
      const h = harness({ stored: step });
      await h.flow.restore();
      const path = step === 'email' ? '/signup/email' : '/password/forgot';
      answer('post', path, problem('rate_limited', { retryAfterSeconds: 30, reason: 'anti_automation' }), 429);
      await at(h.flow, step).actions.submit('jan@bedrijf.nl');
      const state = at(h.flow, step);
      assert.equal(state.error?.code, 'rate_limited');
      assert.equal(state.error?.reason, 'anti_automation', 'a UI asks for the check again');
      assert.equal(state.fieldErrors, undefined, 'the address is not at fault');
    }
  });

  it('code_invalid: stays on code, marks the field and shows the attempts left (C5)', async () => {
    const h = harness();
    const code = await toCode(h);
    answer('post', '/signup/code', problem('code_invalid', { attemptsLeft: 3, step: 'code' }));
    await code.actions.submit('000000');
    const after = at(h.flow, 'code');
    assert.equal(after.error?.code, 'code_invalid');
    assert.deepEqual(after.fieldErrors, { code: ['code_invalid'] });
    assert.equal(after.attemptsLeft, 3);
    const [event] = eventsOf<Event & { error: OnboardingError; step: StepId }>(h, 'error');
    assert.equal(event?.error.code, 'code_invalid');
    assert.equal(event?.step, 'code');
  });

  it('too_many_attempts: the flow ended, back to email with the error (C5)', async () => {
    const h = harness();
    const code = await toCode(h);
    answer('post', '/signup/code', problem('too_many_attempts', { step: 'email' }));
    answer('get', '/session', session({ step: 'email' }));
    await code.actions.submit('000000');
    const email = at(h.flow, 'email');
    assert.equal(email.error?.code, 'too_many_attempts');
    assert.equal(email.email, 'jan@bedrijf.nl');
    const [event] = eventsOf<Event & { step: StepId }>(h, 'error');
    assert.equal(event?.step, 'code', 'the error event names the step where it happened');
  });

  it('too_many_attempts after a reload on the code step: the e-mail step still shows the address (C5)', async () => {
    // Nothing was typed on this page: the address is known only from the server's flow, which the failure ends.
    const h = harness({ session: session({ step: 'code', flow: flowInfo() }) });
    await h.flow.restore();
    const code = at(h.flow, 'code');
    answer('post', '/signup/code', problem('too_many_attempts', { step: 'email' }));
    answer('get', '/session', session({ step: 'email' }));
    await code.actions.submit('000000');
    const email = at(h.flow, 'email');
    assert.equal(email.error?.code, 'too_many_attempts');
    assert.equal(email.email, 'jan@bedrijf.nl');
  });

  it('the 5th wrong code after a reload, when asking the session fails: the e-mail step still shows the address (C5)', async () => {
    const h = harness({ session: session({ step: 'code', flow: flowInfo() }) });
    await h.flow.restore();
    answer('post', '/signup/code', problem('code_invalid', { attemptsLeft: 0, step: 'email' }));
    server.use(http.get(`${API}/session`, () => HttpResponse.error()));
    await at(h.flow, 'code').actions.submit('000000');
    const email = at(h.flow, 'email');
    assert.equal(email.error?.code, 'too_many_attempts');
    assert.equal(email.email, 'jan@bedrijf.nl');
  });

  it('a code flow that ended while the page was idle: the e-mail step shows its address (C5)', async () => {
    const h = harness({ session: session({ step: 'code', flow: flowInfo() }) });
    await h.flow.restore();
    answer('get', '/session', session({ step: 'email', expiresAt: SESSION_ENDS_AT, extendable: true }));
    await at(h.flow, 'code').actions.stayActive();
    const email = at(h.flow, 'email');
    assert.equal(email.error?.code, 'flow_expired');
    assert.equal(email.email, 'jan@bedrijf.nl');
  });

  for (const [signup, kind] of [
    [true, 'signup'],
    [false, 'password-reset'],
  ] as const) {
    it(`the 5th wrong code (${kind}): code_invalid with 0 left reads as too_many_attempts on the e-mail step (C5)`, async () => {
      const h = harness();
      const code = signup ? await toCode(h) : await toPasswordCode(h);
      const start = signup ? 'email' : 'password-email';
      const prefix = signup ? '/signup' : '/password';
      answer('post', `${prefix}/code`, problem('code_invalid', { attemptsLeft: 0, step: start }));
      answer('get', '/session', session({ step: start }));
      await code.actions.submit('000000');
      const email = at(h.flow, start);
      assert.equal(email.error?.code, 'too_many_attempts');
      assert.equal(email.email, 'jan@bedrijf.nl', 'the address is filled in to send again');
      assert.equal((email.error?.cause as OnboardingError | undefined)?.code, 'code_invalid');
      assert.equal(email.fieldErrors, undefined, 'no "wrong code" next to a field that is gone');
      const [event] = eventsOf<Event & { error: OnboardingError; step: StepId }>(h, 'error');
      assert.equal(event?.error.code, 'too_many_attempts', 'the error event says the same as the state');
      assert.equal(event?.step, code.step);
    });
  }

  it('code_expired marks the code field; resend_too_soon moves the countdown by the flow’s clock (C2, C7)', async () => {
    const h = harness();
    const code = await toCode(h);
    answer('post', '/signup/code', problem('code_expired', { step: 'code' }));
    await code.actions.submit('123456');
    assert.deepEqual(at(h.flow, 'code').fieldErrors, { code: ['code_expired'] });
    answer('post', '/signup/code/resend', problem('resend_too_soon', { retryAfterSeconds: 45 }));
    await at(h.flow, 'code').actions.resend();
    assert.equal(at(h.flow, 'code').resendAvailableAt, NOW + 45_000);
    assert.equal(at(h.flow, 'code').error?.code, 'resend_too_soon');
  });

  for (const [kind, typed] of [
    ['empty', ''],
    ['with letters', '12a456'],
    ['too short', '12345'],
  ] as const) {
    it(`a code ${kind} is refused unsent: invalid_request next to the field, not "wrong code", no attempt counted (C5)`, async () => {
      const h = harness();
      const code = await toCode(h);
      await code.actions.submit(typed);
      const after = at(h.flow, 'code');
      assert.equal(after.error?.code, 'invalid_request');
      // Not code_invalid: that reads "wrong code, N tries left", yet nothing was sent or counted.
      assert.deepEqual(after.fieldErrors, { code: ['invalid_request'] });
      assert.equal(after.attemptsLeft, 5, 'nothing was sent, so no attempt was counted');
      assert.ok(!routes(h).includes('POST /signup/code'));
    });
  }

  it('invalid_email and rate_limited on the address step', async () => {
    const h = harness({ stored: 'email' });
    await h.flow.restore();
    await at(h.flow, 'email').actions.submit('geen-adres');
    assert.deepEqual(at(h.flow, 'email').fieldErrors, { email: ['invalid_email'] });
    assert.equal(at(h.flow, 'email').error?.code, 'invalid_email', 'the code the server answers for this address');
    assert.equal(routes(h).filter((r) => r.startsWith('POST')).length, 0, 'an invalid address never leaves the page');
    answer('post', '/signup/email', problem('invalid_email'));
    await at(h.flow, 'email').actions.submit('jan@bedrijf.nl');
    assert.deepEqual(at(h.flow, 'email').fieldErrors, { email: ['invalid_email'] });
    answer('post', '/signup/email', problem('rate_limited', { retryAfterSeconds: 600 }));
    await at(h.flow, 'email').actions.submit('jan@bedrijf.nl');
    assert.equal(at(h.flow, 'email').error?.retryAfterSeconds, 600);
  });

  it('passwords_differ and a broken policy rule are refused before anything is sent', async () => {
    const h = harness({ session: session({ step: 'details', flow: flowInfo() }) });
    await h.flow.restore();
    const details = at(h.flow, 'details');
    await details.actions.submit({
      password: GOOD_PASSWORD,
      passwordRepeat: `${GOOD_PASSWORD}?`,
      firstName: 'Jan',
      lastName: 'Jansen',
    });
    assert.deepEqual(at(h.flow, 'details').fieldErrors, { passwordRepeat: ['passwords_differ'] });
    assert.equal(at(h.flow, 'details').error?.code, 'passwords_differ');
    await details.actions.submit({ password: 'kort', passwordRepeat: 'kort', firstName: 'Jan', lastName: 'Jansen' });
    assert.deepEqual(at(h.flow, 'details').fieldErrors, {
      password: ['too_short', 'missing_upper', 'missing_digit', 'missing_symbol'],
    });
    const personal = 'Jansen#2026!Zonnig';
    await details.actions.submit({
      password: personal,
      passwordRepeat: personal,
      firstName: 'Jan',
      lastName: 'Jansen',
    });
    assert.deepEqual(at(h.flow, 'details').fieldErrors, { password: ['contains_personal_data'] });
    assert.ok(!routes(h).includes('POST /signup/account'));
    assert.equal(eventsOf(h, 'error').length, 3);
  });

  it('one submit marks every field it can check here: all empty, nothing sent, one error', async () => {
    const h = harness({ session: session({ step: 'details', flow: flowInfo() }) });
    await h.flow.restore();
    await at(h.flow, 'details').actions.submit({ password: '', passwordRepeat: '', firstName: ' ', lastName: '' });
    const details = at(h.flow, 'details');
    assert.equal(details.error?.code, 'invalid_request', '"check the marked fields"');
    assert.deepEqual(details.fieldErrors, {
      password: ['invalid_request'],
      passwordRepeat: ['invalid_request'],
      firstName: ['invalid_request'],
      lastName: ['invalid_request'],
    });
    assert.ok(!routes(h).includes('POST /signup/account'));
    assert.equal(eventsOf(h, 'error').length, 1);
  });

  it('one submit marks a broken rule, passwords that differ and an empty name together', async () => {
    const h = harness({ session: session({ step: 'details', flow: flowInfo() }) });
    await h.flow.restore();
    await at(h.flow, 'details').actions.submit({
      password: 'kort',
      passwordRepeat: 'kort!',
      firstName: 'Jan',
      lastName: '',
    });
    const details = at(h.flow, 'details');
    assert.equal(details.error?.code, 'invalid_request');
    assert.deepEqual(details.error?.violations, ['too_short', 'missing_upper', 'missing_digit', 'missing_symbol']);
    assert.deepEqual(details.fieldErrors, {
      password: ['too_short', 'missing_upper', 'missing_digit', 'missing_symbol'],
      passwordRepeat: ['passwords_differ'],
      lastName: ['invalid_request'],
    });
    assert.ok(!routes(h).includes('POST /signup/account'));
  });

  it('the new password and the invitation check every field at once too', async () => {
    const reset = harness({ session: session({ step: 'password-new', flow: flowInfo({ kind: 'password-reset' }) }) });
    await reset.flow.restore();
    await at(reset.flow, 'password-new').actions.submit({ password: 'kort', passwordRepeat: '' });
    assert.deepEqual(at(reset.flow, 'password-new').fieldErrors, {
      password: ['too_short', 'missing_upper', 'missing_digit', 'missing_symbol'],
      passwordRepeat: ['invalid_request'],
    });
    const invited = harness({ href: `${PAGE}?wt-invitation=${TOKEN}` });
    answer('post', '/invitations/lookup', invitationPreview);
    await invited.flow.restore();
    await at(invited.flow, 'invitation').actions.accept({
      password: GOOD_PASSWORD,
      passwordRepeat: 'anders',
      firstName: '',
      lastName: '',
    });
    assert.deepEqual(at(invited.flow, 'invitation').fieldErrors, {
      passwordRepeat: ['passwords_differ'],
      firstName: ['invalid_request'],
      lastName: ['invalid_request'],
    });
    assert.equal(routes(reset).filter((r) => r.startsWith('POST')).length, 0);
    assert.equal(routes(invited).filter((r) => r.startsWith('POST /invitations/accept')).length, 0);
  });

  it('password_policy from the server (the blocklist lives there) marks the password field (P3)', async () => {
    const h = harness({ session: session({ step: 'details', flow: flowInfo() }) });
    await h.flow.restore();
    const details = at(h.flow, 'details');
    // The client has no blocklist: this password passes the live check and only the server refuses it.
    assert.equal(details.actions.checkPassword('Welkom01!Welkom').valid, true);
    answer('post', '/signup/account', problem('password_policy', { violations: ['blocklisted'] }));
    await details.actions.submit({
      password: 'Welkom01!Welkom',
      passwordRepeat: 'Welkom01!Welkom',
      firstName: 'Jan',
      lastName: 'Jansen',
    });
    assert.deepEqual(at(h.flow, 'details').fieldErrors, { password: ['blocklisted'] });
  });

  it('checkPassword gives the contract’s verdict with the names and address as context', async () => {
    const h = harness({ session: session({ step: 'details', flow: flowInfo({ email: 'pietersen@bedrijf.nl' }) }) });
    await h.flow.restore();
    const { actions } = at(h.flow, 'details');
    const checkPassword = (password: string, names?: { firstName?: string; lastName?: string }) =>
      actions.checkPassword(password, names);
    assert.deepEqual(checkPassword('Pietersen#2026!x').violations, ['contains_personal_data']);
    assert.deepEqual(checkPassword('Zonnepaneel#2026!', { firstName: 'Zonnepaneel' }).violations, [
      'contains_personal_data',
    ]);
    assert.equal(checkPassword(GOOD_PASSWORD, { firstName: 'Jan', lastName: 'Jansen' }).valid, true);
  });

  it('invalid_credentials on sign-in says nothing about which field was wrong (R4)', async () => {
    const h = harness({ stored: 'account' });
    await h.flow.restore();
    answer('post', '/login', problem('invalid_credentials'));
    await at(h.flow, 'account').actions.signIn({ email: 'jan@bedrijf.nl', password: 'fout' });
    const state = at(h.flow, 'account');
    assert.equal(state.error?.code, 'invalid_credentials');
    assert.equal(state.fieldErrors, undefined);
  });

  it('not_signed_in when choosing a supplier: back to account', async () => {
    const h = harness({ session: signedIn() });
    await h.flow.restore();
    answer('post', '/eherkenning/start', problem('not_signed_in'));
    await at(h.flow, 'supplier').actions.choose('kpn');
    assert.equal(at(h.flow, 'account').error?.code, 'not_signed_in');
    assert.deepEqual(h.navigated, []);
  });

  it('unknown_supplier, return_to_not_allowed and broker_unavailable stay on supplier with the error', async () => {
    const h = harness({ session: signedIn() });
    await h.flow.restore();
    for (const code of ['unknown_supplier', 'return_to_not_allowed', 'broker_unavailable'] as const) {
      answer('post', '/eherkenning/start', problem(code));
      await at(h.flow, 'supplier').actions.choose('kpn');
      assert.equal(at(h.flow, 'supplier').error?.code, code);
    }
    assert.deepEqual(at(h.flow, 'supplier').fieldErrors, undefined);
    assert.deepEqual(h.navigated, []);
  });

  it('step_out_of_order follows the server to its step, asking the session for what that step shows', async () => {
    const h = harness({ session: session({ step: 'details', flow: flowInfo() }) });
    await h.flow.restore();
    answer('post', '/signup/account', problem('step_out_of_order', { step: 'code' }));
    answer('get', '/session', session({ step: 'code', flow: flowInfo({ attemptsLeft: 2 }) }));
    await at(h.flow, 'details').actions.submit({
      password: GOOD_PASSWORD,
      passwordRepeat: GOOD_PASSWORD,
      firstName: 'Jan',
      lastName: 'Jansen',
    });
    const code = at(h.flow, 'code');
    assert.equal(code.error?.code, 'step_out_of_order');
    assert.equal(code.attemptsLeft, 2);
  });

  it('password_unchanged on the new password', async () => {
    const h = harness({ session: session({ step: 'password-new', flow: flowInfo({ kind: 'password-reset' }) }) });
    await h.flow.restore();
    answer('post', '/password/reset', problem('password_unchanged'));
    await at(h.flow, 'password-new').actions.submit({ password: GOOD_PASSWORD, passwordRepeat: GOOD_PASSWORD });
    assert.deepEqual(at(h.flow, 'password-new').fieldErrors, { password: ['password_unchanged'] });
  });

  it('a network failure during restore is a state, not a rejection', async () => {
    const h = harness({ stored: 'email' });
    server.use(http.get(`${API}/session`, () => HttpResponse.error()));
    const state = await h.flow.restore();
    assert.equal(state.step, 'email');
    assert.equal(state.error?.code, 'network_error');
    assert.equal(state.busy, false);
    assert.equal(eventsOf(h, 'error').length, 1);
  });
});

describe('flow: restore again after a failure, abort (docs/developers.md)', () => {
  it('after a restore that failed because the server was down, restore() again is the retry', async () => {
    const h = harness({ stored: 'email' });
    server.use(http.get(`${API}/config`, () => new HttpResponse('Service Unavailable', { status: 503 })));
    const failed = await h.flow.restore();
    assert.equal(failed.step, 'email');
    assert.equal(failed.error?.code, 'service_unavailable');
    server.use(http.get(`${API}/config`, () => HttpResponse.json(config)));
    const retried = await h.flow.restore();
    assert.equal(retried.step, 'email');
    assert.equal(retried.error, undefined);
    assert.deepEqual(h.flow.config, config);
  });

  it('aborting restore() rejects with the signal’s reason, an AbortError, not an OnboardingError', async () => {
    const h = harness();
    server.use(
      http.get(`${API}/session`, async () => {
        await delay('infinite');
        return HttpResponse.json(session());
      }),
    );
    const controller = new AbortController();
    const pending = h.flow.restore(controller.signal);
    controller.abort();
    await assert.rejects(pending, (error: unknown) => {
      assert.ok(!(error instanceof OnboardingError));
      assert.equal((error as Error).name, 'AbortError');
      return true;
    });
  });
});

describe('flow: one intent at a time', () => {
  it('aborts the request of the previous intent', async () => {
    const h = harness();
    const code = await toCode(h);
    server.use(
      http.post(`${API}/signup/code`, async () => {
        await delay('infinite');
        return HttpResponse.json({ step: 'details' });
      }),
    );
    answer('post', '/signup/code/resend', { step: 'code', flow: flowInfo({ attemptsLeft: 5 }) }, 202);
    const first = code.actions.submit('123456');
    await until(() => routes(h).includes('POST /signup/code'), 'the code request');
    const submitted = h.sent.find((s) => s.route === 'POST /signup/code')!;
    assert.equal(submitted.signal?.aborted, false);
    await at(h.flow, 'code').actions.resend();
    assert.equal(submitted.signal?.aborted, true, 'the resend aborted the code request');
    await first;
    const state = at(h.flow, 'code');
    assert.equal(state.error, undefined, 'an aborted intent is not a failure the person sees');
    assert.equal(state.busy, false);
    assert.equal(eventsOf(h, 'error').length, 0);
  });

  it('drops a stale answer even when the request could not be aborted (call id)', async () => {
    // A client that ignores the signal: only the call id can keep its late answer out.
    const real = createOnboardingClient({ apiBase: API, retryDelayMs: 0 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const client: OnboardingClient = {
      ...real,
      signupCode: async () => {
        await gate;
        return { step: 'details' };
      },
    };
    const h = harness({ client });
    const code = await toCode(h);
    const late = code.actions.submit('123456');
    code.actions.changeEmail();
    release();
    await late;
    at(h.flow, 'email');
    assert.ok(!h.changes.some(([state]) => state.step === 'details'));
  });

  it('drops a stale failure too', async () => {
    const real = createOnboardingClient({ apiBase: API, retryDelayMs: 0 });
    let fail!: (error: Error) => void;
    const client: OnboardingClient = {
      ...real,
      signupCode: () => new Promise((_resolve, reject) => (fail = reject)),
    };
    const h = harness({ client });
    const code = await toCode(h);
    const late = code.actions.submit('123456');
    code.actions.changeEmail();
    fail(new OnboardingError('code_invalid'));
    await late;
    assert.equal(at(h.flow, 'email').error, undefined);
    assert.equal(eventsOf(h, 'error').length, 0);
  });
});

describe('flow: actions belong to their step', () => {
  it('throws invalid_transition for an action of a step the flow has left', async () => {
    const h = harness();
    await h.flow.restore();
    const start = at(h.flow, 'start');
    start.actions.begin();
    assert.throws(
      () => start.actions.begin(),
      (error: unknown) => error instanceof OnboardingError && error.code === 'invalid_transition',
    );
    const info = at(h.flow, 'eherkenning-info');
    info.actions.back();
    at(h.flow, 'start').actions.begin();
    assert.throws(() => info.actions.next(), { code: 'invalid_transition' }, 'coming back to a step makes a new visit');
  });

  it('keeps the actions of a step valid while only busy or error change', async () => {
    const h = harness();
    const code = await toCode(h);
    answer('post', '/signup/code', problem('code_invalid', { attemptsLeft: 4 }));
    await code.actions.submit('000000');
    assert.notEqual(h.flow.state, code, 'the state is a new object');
    assert.equal(h.flow.state.actions, code.actions);
    answer('post', '/signup/code', { step: 'details' });
    await code.actions.submit('123456');
    at(h.flow, 'details');
  });

  it('throws CodedTypeError for arguments of the wrong type', async () => {
    const h = harness({ stored: 'email' });
    await h.flow.restore();
    const email = at(h.flow, 'email');
    assert.throws(() => void email.actions.submit(42 as never), { code: 'ERR_INVALID_ARG_TYPE' });
    email.actions.back();
    const account = at(h.flow, 'account');
    assert.throws(() => void account.actions.signIn(null as never), CodedTypeError);
    assert.throws(() => void account.actions.signIn({ email: 'a@b.nl', password: 1 } as never), CodedTypeError);
    assert.throws(() => h.flow.subscribe('listener' as never), CodedTypeError);
    assert.throws(() => createOnboardingFlow({ lang: 'fr' as never, storage: null }), CodedTypeError);
  });

  it('states are frozen', async () => {
    const h = harness();
    await h.flow.restore();
    assert.ok(Object.isFrozen(h.flow.state));
  });
});

describe('flow: restore after a reload', () => {
  for (const step of ['start', 'eherkenning-info', 'account', 'email', 'password-email'] as const) {
    it(`stays on ${step}, which only the storage knew`, async () => {
      const h = harness({ stored: step });
      assert.equal(h.flow.state.step, step, 'known before restore, so nothing flickers');
      const state = await h.flow.restore();
      assert.equal(state.step, step);
      assert.equal(state.error, undefined);
    });
  }

  const serverSteps: [StepId, Session][] = [
    ['code', session({ step: 'code', flow: flowInfo({ attemptsLeft: 2 }) })],
    ['details', session({ step: 'details', flow: flowInfo() })],
    ['supplier', signedIn()],
    ['verified', verifiedSession()],
    ['password-code', session({ step: 'password-code', flow: flowInfo({ kind: 'password-reset' }) })],
    ['password-new', session({ step: 'password-new', flow: flowInfo({ kind: 'password-reset' }) })],
  ];
  for (const [step, answerSession] of serverSteps) {
    // A stored step on the code steps means the person left them (see below); a reload there stores nothing.
    const stored = step.endsWith('code') ? undefined : 'start';
    it(`returns to ${step} because the session says so, whatever the storage holds (${stored ?? 'nothing'})`, async () => {
      const h = harness({ session: answerSession, stored });
      const state = await h.flow.restore();
      assert.equal(state.step, step);
      assert.equal(state.error, undefined);
      assert.equal(h.storage.get(STEP_STORAGE_KEY), undefined, 'the server owns the step now');
    });
  }

  for (const [signup, codeStep, emailStep] of [
    [true, 'code', 'email'],
    [false, 'password-code', 'password-email'],
  ] as const) {
    const kind = signup ? 'signup' : 'password-reset';
    const onCode = () => session({ step: codeStep, flow: flowInfo({ kind }) });

    it(`a reload after going back from ${codeStep} to ${emailStep} stays there, with the flow's address`, async () => {
      const before = harness();
      const code = signup ? await toCode(before) : await toPasswordCode(before);
      code.actions.changeEmail();
      assert.equal(before.storage.get(STEP_STORAGE_KEY), emailStep);
      // The reload: a new page with the same tab's storage, and the server still at the code step.
      const h = harness({ session: onCode(), stored: emailStep });
      const state = await h.flow.restore();
      assert.equal(state.step, emailStep, 'the step the person went back to');
      assert.equal(state.error, undefined);
      assert.equal(at(h.flow, emailStep).email, 'jan@bedrijf.nl');
    });

    it(`a reload after going back from ${codeStep} to account stays on account`, async () => {
      const h = harness({ session: onCode(), stored: 'account' });
      assert.equal((await h.flow.restore()).step, 'account');
      at(h.flow, 'account').actions.back();
      at(h.flow, 'eherkenning-info').actions.back();
      const again = harness({ session: onCode(), stored: at(h.flow, 'start').step });
      assert.equal((await again.flow.restore()).step, 'start', 'wherever the person went back to');
    });

    it(`a reload while the ${emailStep} step's request is under way: ${emailStep} with the address; the same address again keeps the code sent (F4)`, async () => {
      // The server made the flow and mailed a code, but its answer never reached the page that reloaded.
      const h = harness({ session: onCode(), stored: emailStep });
      await h.flow.restore();
      const email = at(h.flow, emailStep);
      assert.equal(email.email, 'jan@bedrijf.nl');
      answer('post', signup ? '/signup/email' : '/password/forgot', { step: codeStep, flow: flowInfo({ kind }) }, 202);
      await email.actions.submit(email.email ?? '');
      assert.equal(at(h.flow, codeStep).alreadySent, true, 'no new mail; the code on its way still works');
    });
  }

  it('a stored step does not hide a signed-in account or a flow past its code step', async () => {
    for (const answerSession of [signedIn(), session({ step: 'details', flow: flowInfo() })]) {
      const h = harness({ session: answerSession, stored: 'email' });
      assert.equal((await h.flow.restore()).step, answerSession.step);
    }
  });

  it('a restore that failed leaves nothing stored: the retry still shows the server’s code step', async () => {
    const h = harness();
    server.use(http.get(`${API}/session`, () => HttpResponse.error()));
    await h.flow.restore();
    assert.equal(at(h.flow, 'start').error?.code, 'network_error');
    server.use(http.get(`${API}/session`, () => HttpResponse.json(session({ step: 'code', flow: flowInfo() }))));
    assert.equal((await h.flow.restore()).step, 'code');
  });

  it('the code step after a reload shows the server’s attempts and address', async () => {
    const h = harness({ session: session({ step: 'code', flow: flowInfo({ attemptsLeft: 2 }) }) });
    await h.flow.restore();
    assert.equal(at(h.flow, 'code').attemptsLeft, 2);
    assert.equal(at(h.flow, 'code').email, 'jan@bedrijf.nl');
  });

  it('shows the ended-flow error when the server says email', async () => {
    const h = harness({ session: session({ step: 'email' }), stored: 'account' });
    const state = await h.flow.restore();
    assert.equal(state.step, 'email');
    assert.equal(state.error?.code, 'flow_expired');
  });

  for (const [signup, emailStep] of [
    [true, 'email'],
    [false, 'password-email'],
  ] as const) {
    const kind = signup ? 'signup' : 'password-reset';
    const prefix = signup ? '/signup' : '/password';

    it(`a reload after the 5th wrong code (${kind}): ${emailStep} with the address and too_many_attempts, as before the reload (C5)`, async () => {
      const live = harness();
      const code = signup ? await toCode(live) : await toPasswordCode(live);
      answer('post', `${prefix}/code`, problem('code_invalid', { attemptsLeft: 0, step: emailStep }));
      const ended = session({
        step: emailStep,
        endedFlow: { kind, email: 'jan@bedrijf.nl', reason: 'too_many_attempts' },
      });
      answer('get', '/session', ended);
      await code.actions.submit('000000');
      const before = at(live.flow, emailStep);
      // The reload: a new page with the same tab's storage; the server still holds the ended flow.
      const h = harness({ session: ended, stored: live.storage.get(STEP_STORAGE_KEY) as StepId | undefined });
      const state = await h.flow.restore();
      const email = at(h.flow, emailStep);
      assert.equal(state, h.flow.state);
      assert.equal(email.email, 'jan@bedrijf.nl', 'the address is filled in to send again');
      assert.equal(email.error?.code, 'too_many_attempts');
      assert.equal(email.error?.message, before.error?.message, 'the same message as when it happened');
      const [event] = eventsOf<FlowErrorEvent>(h, 'error');
      assert.equal(event?.error.code, 'too_many_attempts');
      assert.deepEqual([...h.storage.values()].join(), emailStep, 'storage holds the step, never the address (W3)');
    });

    it(`a reload after the ${kind} flow expired: ${emailStep} with the address and flow_expired`, async () => {
      const h = harness({
        session: session({ step: emailStep, endedFlow: { kind, email: 'jan@bedrijf.nl', reason: 'expired' } }),
      });
      await h.flow.restore();
      const email = at(h.flow, emailStep);
      assert.equal(email.email, 'jan@bedrijf.nl');
      assert.equal(email.error?.code, 'flow_expired');
      assert.ok(![...h.storage.values()].some((value) => value.includes('@')), 'no address in storage (W3)');
    });
  }

  it('after an ended flow, the address sent again starts a new flow; its own end later is flow_expired, not the old reason', async () => {
    const h = harness({
      session: session({
        step: 'email',
        endedFlow: { kind: 'signup', email: 'jan@bedrijf.nl', reason: 'too_many_attempts' },
      }),
    });
    await h.flow.restore();
    answer('post', '/signup/email', { step: 'code', flow: flowInfo() }, 202);
    answer('get', '/session', session({ step: 'code', flow: flowInfo(), endedFlow: null, expiresAt: SESSION_ENDS_AT }));
    await at(h.flow, 'email').actions.submit('jan@bedrijf.nl');
    // An older server, without endedFlow: the flow ended, and why is unknown.
    answer('get', '/session', session({ step: 'email', expiresAt: SESSION_ENDS_AT, extendable: true }));
    await at(h.flow, 'code').actions.stayActive();
    assert.equal(at(h.flow, 'email').error?.code, 'flow_expired');
    assert.equal(at(h.flow, 'email').email, 'jan@bedrijf.nl');
  });

  it('keeps only the step id in storage: never the address (W3)', async () => {
    const h = harness();
    await h.flow.restore();
    at(h.flow, 'start').actions.begin();
    at(h.flow, 'eherkenning-info').actions.next();
    at(h.flow, 'account').actions.createAccount();
    answer('post', '/signup/email', problem('rate_limited'));
    await at(h.flow, 'email').actions.submit('jan@bedrijf.nl');
    assert.deepEqual([...h.storage.entries()], [[STEP_STORAGE_KEY, 'email']]);
  });

  it('ignores a stored value that is not a local step', async () => {
    const h = harness({ stored: 'verified' });
    assert.equal(h.flow.state.step, 'start');
    assert.equal((await h.flow.restore()).step, 'start');
  });

  it('works when storage throws (blocked by the browser)', async () => {
    const flow = createOnboardingFlow({
      client: createOnboardingClient({ apiBase: API }),
      storage: {
        getItem: () => {
          throw new Error('SecurityError');
        },
        setItem: () => {
          throw new Error('SecurityError');
        },
        removeItem: () => {
          throw new Error('SecurityError');
        },
      },
      location: { href: PAGE },
    });
    server.use(
      http.get(`${API}/config`, () => HttpResponse.json(config)),
      http.get(`${API}/session`, () => HttpResponse.json(session())),
    );
    const state = await flow.restore();
    assert.equal(state.step, 'start');
    assert.ok(state.step === 'start');
    state.actions.begin();
    assert.equal(flow.state.step, 'eherkenning-info');
  });

  it('loads the configuration and the session in parallel, and exposes the configuration', async () => {
    const h = harness();
    let inFlight = 0;
    let most = 0;
    const slow = (body: JsonBodyType) => async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await delay(5);
      inFlight--;
      return HttpResponse.json(body);
    };
    server.use(http.get(`${API}/config`, slow(config)), http.get(`${API}/session`, slow(session())));
    assert.equal(h.flow.config, undefined);
    await h.flow.restore();
    assert.equal(most, 2);
    assert.deepEqual(h.flow.config, config);
  });

  it('rejects when its own signal aborts it (the element left the page)', async () => {
    const h = harness();
    server.use(
      http.get(`${API}/session`, async () => {
        await delay('infinite');
        return HttpResponse.json(session());
      }),
    );
    const controller = new AbortController();
    const pending = h.flow.restore(controller.signal);
    controller.abort(new Error('disconnected'));
    await assert.rejects(pending, /disconnected/);
  });
});

describe('flow: the sign-in link of the "you already have an account" mail (R4)', () => {
  const link = `${PAGE}?${new URLSearchParams({ tab: '2', [SIGN_IN_PARAM]: '1' })}`;

  it('opens the sign-in step, not the code step no code will come for, with the address filled in', async () => {
    // The sign-up of an address with an account: the server made a flow as for a new address (R4).
    const h = harness({ href: link, session: session({ step: 'code', flow: flowInfo() }) });
    const state = await h.flow.restore();
    assert.equal(state.step, 'account');
    assert.equal(state.error, undefined);
    assert.equal(at(h.flow, 'account').email, 'jan@bedrijf.nl');
    assert.deepEqual(h.replaced, [`${PAGE}?tab=2`], 'the parameter leaves the address bar');
    assert.equal(h.storage.get(STEP_STORAGE_KEY), 'account', 'a reload stays on the sign-in step');
  });

  it('opened in another browser, without a session: the sign-in step', async () => {
    const h = harness({ href: link });
    assert.equal((await h.flow.restore()).step, 'account');
    assert.equal(at(h.flow, 'account').email, undefined);
  });

  it('someone is signed in already: their step, as without the link', async () => {
    const h = harness({ href: link, session: signedIn() });
    assert.equal((await h.flow.restore()).step, 'supplier');
    assert.deepEqual(h.replaced, [`${PAGE}?tab=2`]);
  });

  it('eHerkenning comes back to the page without the parameter', async () => {
    const h = harness({ href: link, session: signedIn() });
    await h.flow.restore();
    answer('post', '/eherkenning/start', { redirectUrl: 'https://broker.test/start' });
    await at(h.flow, 'supplier').actions.choose('kpn');
    const start = h.sent.find((s) => s.route === 'POST /eherkenning/start');
    assert.equal((start?.body as { returnTo: string }).returnTo, `${PAGE}?tab=2`);
  });
});

describe('flow: back from eHerkenning', () => {
  const back = (outcome: EherkenningOutcome) =>
    `${PAGE}?${new URLSearchParams({ 'wt-eherkenning': outcome, tab: '2' })}`;

  it('verified, confirmed by a membership: verified, announced, and the parameter removed', async () => {
    const h = harness({
      href: back('verified'),
      session: verifiedSession({ eherkenning: { outcome: 'verified', at: '2026-03-01T10:00:00.000Z' } }),
    });
    const state = await h.flow.restore();
    assert.equal(state.step, 'verified');
    const [event] = eventsOf<Event & { organisation: unknown }>(h, 'verified');
    assert.deepEqual(event?.organisation, membership.organisation);
    assert.deepEqual(h.replaced, [`${PAGE}?tab=2`]);
  });

  it('verified in the address without a membership on the server grants nothing', async () => {
    const h = harness({ href: back('verified'), session: signedIn() });
    const state = await h.flow.restore();
    assert.equal(state.step, 'supplier');
    assert.equal(state.error?.code, 'eherkenning_failed');
    assert.equal(eventsOf(h, 'verified').length, 0);
  });

  it('verified in the address, but the session has gone (signed out, expired): account with session_expired', async () => {
    const h = harness({ href: back('verified'), session: session() });
    const state = await h.flow.restore();
    assert.equal(state.step, 'account', 'sign in again; the server then says whether the organisation was verified');
    assert.equal(state.error?.code, 'session_expired');
    assert.equal(eventsOf(h, 'verified').length, 0, 'the parameter alone grants nothing');
    const [event] = eventsOf<Event & { error: OnboardingError; step: StepId; outcome: EherkenningOutcome }>(h, 'error');
    assert.equal(event?.error.code, 'session_expired');
    assert.equal(event?.outcome, 'verified');
    assert.deepEqual(h.replaced, [`${PAGE}?tab=2`]);
  });

  const failures = [
    ['cancelled', 'eherkenning_cancelled'],
    ['level_too_low', 'eherkenning_level_too_low'],
    ['failed', 'eherkenning_failed'],
  ] as const;
  for (const [outcome, code] of failures) {
    it(`${outcome}: back on supplier with ${code}, announced with the outcome`, async () => {
      const h = harness({
        href: back(outcome),
        session: signedIn({ eherkenning: { outcome, at: '2026-03-01T10:00:00.000Z' } }),
      });
      const state = await h.flow.restore();
      assert.equal(state.step, 'supplier');
      assert.equal(state.error?.code, code);
      const [event] = eventsOf<Event & { error: OnboardingError; step: StepId; outcome: EherkenningOutcome }>(
        h,
        'error',
      );
      assert.equal(event?.error.code, code);
      assert.equal(event?.step, 'supplier');
      assert.equal(event?.outcome, outcome);
      assert.deepEqual(h.replaced, [`${PAGE}?tab=2`]);
      assert.equal(eventsOf(h, 'verified').length, 0);
    });
  }

  it('the session’s record of the round trip wins over the address', async () => {
    const h = harness({
      href: back('verified'),
      session: signedIn({ eherkenning: { outcome: 'level_too_low', at: '2026-03-01T10:00:00.000Z' } }),
    });
    const state = await h.flow.restore();
    assert.equal(state.error?.code, 'eherkenning_level_too_low');
  });

  it('an unknown outcome is ignored', async () => {
    const h = harness({ href: `${PAGE}?wt-eherkenning=hacked`, session: signedIn() });
    const state = await h.flow.restore();
    assert.equal(state.step, 'supplier');
    assert.equal(state.error, undefined);
  });
});

describe('flow: invitation link', () => {
  const link = `${PAGE}?wt-invitation=${TOKEN}`;

  it('looks the invitation up and accepts it with a new account', async () => {
    const h = harness({ href: link });
    answer('post', '/invitations/lookup', invitationPreview);
    const state = await h.flow.restore();
    assert.equal(state.step, 'invitation');
    const invitation = at(h.flow, 'invitation');
    assert.deepEqual(invitation.invitation, invitationPreview);
    assert.deepEqual(h.sent.find((s) => s.route === 'POST /invitations/lookup')?.body, { token: TOKEN });
    assert.doesNotMatch(JSON.stringify([...h.storage.values()]), new RegExp(TOKEN), 'the token stays out of storage');

    answer('post', '/invitations/accept', verifiedSession({ account: { ...account, email: 'piet@bedrijf.nl' } }));
    await invitation.actions.accept({
      password: GOOD_PASSWORD,
      passwordRepeat: GOOD_PASSWORD,
      firstName: 'Piet',
      lastName: 'Bakker',
    });
    at(h.flow, 'verified');
    assert.deepEqual(
      { ...h.sent.at(-1), signal: undefined },
      {
        signal: undefined,
        route: 'POST /invitations/accept',
        body: { token: TOKEN, password: GOOD_PASSWORD, firstName: 'Piet', lastName: 'Bakker' },
      },
    );
    assert.equal(eventsOf(h, 'accountcreated').length, 1);
    assert.deepEqual(h.replaced, [PAGE], 'an accepted link leaves the address');
  });

  it('signs in and accepts for a person who has an account', async () => {
    const h = harness({ href: link });
    answer('post', '/invitations/lookup', { ...invitationPreview, accountExists: true });
    await h.flow.restore();
    answer('post', '/login', signedIn());
    answer('post', '/invitations/accept', verifiedSession());
    await at(h.flow, 'invitation').actions.signInAndAccept({ email: 'piet@bedrijf.nl', password: 'bestaand' });
    at(h.flow, 'verified');
    assert.deepEqual(
      routes(h).filter((r) => r.startsWith('POST')),
      ['POST /invitations/lookup', 'POST /login', 'POST /invitations/accept'],
    );
    assert.deepEqual(h.sent.at(-1)?.body, { token: TOKEN });
    assert.equal(eventsOf(h, 'signedin').length, 1);
  });

  it('checks the password against the invited address and names', async () => {
    const h = harness({ href: link });
    answer('post', '/invitations/lookup', invitationPreview);
    await h.flow.restore();
    const invitation = at(h.flow, 'invitation');
    assert.deepEqual(invitation.actions.checkPassword('Bakker#2026!Zonnig', { lastName: 'Bakker' }).violations, [
      'contains_personal_data',
    ]);
    await invitation.actions.accept({
      password: GOOD_PASSWORD,
      passwordRepeat: 'anders',
      firstName: 'Piet',
      lastName: 'Bakker',
    });
    assert.deepEqual(at(h.flow, 'invitation').fieldErrors, { passwordRepeat: ['passwords_differ'] });
  });

  for (const code of ['invitation_invalid', 'invitation_expired'] as const) {
    it(`${code} on lookup: the session's step with the error, and the link removed`, async () => {
      const h = harness({ href: link, stored: 'account' });
      answer('post', '/invitations/lookup', problem(code));
      const state = await h.flow.restore();
      assert.equal(state.step, 'account');
      assert.equal(state.error?.code, code);
      assert.deepEqual(h.replaced, [PAGE]);
    });
  }

  it('invitation_email_mismatch on accept stays on the invitation', async () => {
    const h = harness({ href: link });
    answer('post', '/invitations/lookup', { ...invitationPreview, accountExists: true });
    await h.flow.restore();
    answer('post', '/login', signedIn());
    answer('post', '/invitations/accept', problem('invitation_email_mismatch'));
    await at(h.flow, 'invitation').actions.signInAndAccept({ email: 'jan@bedrijf.nl', password: 'x' });
    assert.equal(at(h.flow, 'invitation').error?.code, 'invitation_email_mismatch');
  });
});

describe('flow: listeners', () => {
  it('subscribe gets every change with the previous state, until it unsubscribes', async () => {
    const h = harness();
    const seen: string[] = [];
    const stop = h.flow.subscribe((state, previous) => seen.push(`${previous.step}>${state.step}`));
    await h.flow.restore();
    at(h.flow, 'start').actions.begin();
    stop();
    at(h.flow, 'eherkenning-info').actions.next();
    assert.deepEqual(seen, ['start>start', 'start>start', 'start>eherkenning-info']);
  });

  it('a listener that acts on a new state still sees step changes announced in order', async () => {
    const h = harness({ session: signedIn() });
    await h.flow.restore();
    server.use(http.post(`${API}/logout`, () => new HttpResponse(null, { status: 204 })));
    // A UI that starts right away whenever it lands on start, as the index example does.
    h.flow.subscribe((state) => {
      if (state.step === 'start') state.actions.begin();
    });
    await at(h.flow, 'supplier').actions.signOut();
    at(h.flow, 'eherkenning-info');
    const steps = eventsOf<Event & { step: StepId; previousStep: StepId }>(h, 'stepchange').map(
      (e) => `${e.previousStep}>${e.step}`,
    );
    assert.deepEqual(steps.slice(-2), ['supplier>start', 'start>eherkenning-info']);
  });

  it('change events carry the state and the previous state', async () => {
    const h = harness();
    await h.flow.restore();
    at(h.flow, 'start').actions.begin();
    const last = eventsOf<Event & { state: FlowState; previous: FlowState }>(h, 'change').at(-1);
    assert.equal(last?.state, h.flow.state);
    assert.equal(last?.previous.step, 'start');
  });

  it('a throwing listener does not stop the flow or the others; its error is reported', async () => {
    const h = harness();
    const reported: unknown[] = [];
    const global = globalThis as { reportError?: (error: unknown) => void };
    const original = global.reportError;
    global.reportError = (error) => reported.push(error);
    try {
      h.flow.subscribe(() => {
        throw new Error('listener bug');
      });
      await h.flow.restore();
      at(h.flow, 'start').actions.begin();
      at(h.flow, 'eherkenning-info');
    } finally {
      global.reportError = original;
    }
    assert.equal(reported.length, 3);
    assert.ok(h.changes.length >= 3, 'the other listener still heard every change');
  });
});

describe('flow: when the session ends, and staying active (WCAG 2.2.1)', () => {
  const LATER = '2026-03-01T10:58:00.000Z';

  it('a state without a session says no end', async () => {
    const h = harness();
    await h.flow.restore();
    assert.equal(at(h.flow, 'start').sessionEndsAt, undefined);
  });

  it('follows the end of every answer that carries a Session', async () => {
    const h = harness({ session: signedIn() });
    await h.flow.restore();
    const supplier = at(h.flow, 'supplier');
    assert.equal(supplier.sessionEndsAt, Date.parse(SESSION_ENDS_AT));
    assert.equal(supplier.sessionExtendable, true);
    answer('post', '/eherkenning/start', problem('unknown_supplier'), 400);
    await supplier.actions.choose('nobody');
    assert.equal(at(h.flow, 'supplier').sessionEndsAt, Date.parse(SESSION_ENDS_AT), 'a failure keeps the end');

    const other = harness();
    await other.flow.restore();
    at(other.flow, 'start').actions.begin();
    at(other.flow, 'eherkenning-info').actions.next();
    answer('post', '/login', signedIn({ expiresAt: LATER, extendable: false }));
    await at(other.flow, 'account').actions.signIn({ email: account.email, password: GOOD_PASSWORD });
    assert.equal(at(other.flow, 'supplier').sessionEndsAt, Date.parse(LATER));
    assert.equal(other.flow.state.sessionExtendable, false, 'the absolute end comes first');
  });

  it('stayActive asks GET /session, which moves the end on, and stays on the step', async () => {
    const h = harness({ session: verifiedSession() });
    await h.flow.restore();
    const before = at(h.flow, 'verified');
    answer('get', '/session', verifiedSession({ expiresAt: LATER }));
    await before.actions.stayActive();
    assert.deepEqual(routes(h).slice(-1), ['GET /session']);
    const after = at(h.flow, 'verified');
    assert.equal(after.sessionEndsAt, Date.parse(LATER));
    assert.equal(after.error, undefined);
    assert.equal(eventsOf(h, 'stepchange').length, 1, 'only the restore moved the step');
  });

  it('on the code and password steps the flow’s fixed end counts when it comes first', async () => {
    const h = harness();
    const code = await toCode(h);
    assert.equal(code.sessionEndsAt, Date.parse(flowInfo().expiresAt));
    assert.equal(code.sessionExtendable, false, 'no request moves a flow’s end');
    answer('get', '/session', session({ step: 'code', flow: flowInfo(), expiresAt: LATER, extendable: true }));
    await code.actions.stayActive();
    assert.equal(at(h.flow, 'code').sessionEndsAt, Date.parse(flowInfo().expiresAt));
  });

  it('after the end, stayActive and the next action show session_expired on the account step', async () => {
    const h = harness({ session: signedIn() });
    await h.flow.restore();
    answer('get', '/session', session());
    await at(h.flow, 'supplier').actions.stayActive();
    const account = at(h.flow, 'account');
    assert.equal(account.error?.code, 'session_expired');
    assert.equal(account.sessionEndsAt, undefined);

    const other = harness({ session: signedIn() });
    await other.flow.restore();
    answer('post', '/eherkenning/start', problem('session_expired'), 401);
    await at(other.flow, 'supplier').actions.choose('kpn');
    assert.equal(at(other.flow, 'account').error?.code, 'session_expired');
    assert.equal(other.flow.state.sessionEndsAt, undefined);
  });
});
