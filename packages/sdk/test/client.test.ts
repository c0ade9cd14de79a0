import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  CLIENT_ERROR_CODES,
  ENDPOINTS,
  ERROR_CODES,
  ERROR_STATUS,
  type EndpointName,
  type ServerErrorCode,
} from '@wij-techniek/onboarding-contract';
import { HttpResponse, delay, http } from 'msw';
import { setupServer } from 'msw/node';
import { CodedTypeError, OnboardingError, createOnboardingClient } from '../src/index.js';
import { createOrganisationClient, type OrganisationClient } from '../src/organisation/index.js';
import {
  API,
  INVITATION_ID,
  MEMBER_ID,
  ORGANISATION_ID,
  TOKEN,
  account,
  config,
  flowInfo,
  invitationPreview,
  membership,
  problem,
  signedIn,
  until,
} from './fixtures.js';

const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

interface Seen {
  method: string;
  path: string;
  contentType: string | null;
  body: string;
}

/** Answers every request with `status` and `body`, and records what arrived. */
function answerAll(status: number, body: unknown): Seen[] {
  const seen: Seen[] = [];
  server.use(
    http.all(`${API}/*`, async ({ request }) => {
      seen.push({
        method: request.method,
        path: new URL(request.url).pathname,
        contentType: request.headers.get('Content-Type'),
        body: await request.text(),
      });
      return body === null ? new HttpResponse(null, { status }) : HttpResponse.json(body, { status });
    }),
  );
  return seen;
}

const client = (options: Parameters<typeof createOnboardingClient>[0] = {}) =>
  createOnboardingClient({ apiBase: API, retryDelayMs: 0, ...options });
const orgClient = (options: Parameters<typeof createOrganisationClient>[0] = {}) =>
  createOrganisationClient({ apiBase: API, retryDelayMs: 0, ...options });

const member = {
  id: MEMBER_ID,
  accountId: account.id,
  email: 'piet@bedrijf.nl',
  firstName: 'Piet',
  lastName: 'Pietersen',
  rights: ['register_for_meetings'],
  joinedAt: '2026-03-01T10:00:00.000Z',
};
const invitation = {
  id: INVITATION_ID,
  email: 'piet@bedrijf.nl',
  rights: ['register_for_meetings'],
  createdAt: '2026-03-01T10:00:00.000Z',
  expiresAt: '2026-03-08T10:00:00.000Z',
};
const auditEntry = {
  id: INVITATION_ID,
  at: '2026-03-01T10:00:00.000Z',
  action: 'member_invited',
  actor: { accountId: account.id, name: 'Jan Jansen' },
  subject: { accountId: null, email: 'piet@bedrijf.nl' },
  rightsBefore: null,
  rightsAfter: ['register_for_meetings'],
};

/**
 * One row per endpoint: how to call it, what must arrive at the server, what it answers. Rows from `organisation`
 * on are the organisation client's own; the onboarding's rows run on both clients.
 */
const CALLS: {
  name: Exclude<EndpointName, 'eherkenningCallback'>;
  call: (c: OrganisationClient) => Promise<unknown>;
  path: string;
  sent?: unknown;
  answer: unknown;
}[] = [
  { name: 'config', call: (c) => c.config(), path: '/config', answer: config },
  {
    name: 'signupEmail',
    call: (c) => c.signupEmail({ email: '  Jan@Bedrijf.NL ', lang: 'nl' }),
    path: '/signup/email',
    sent: { email: 'jan@bedrijf.nl', lang: 'nl' },
    answer: { step: 'code', flow: flowInfo() },
  },
  {
    name: 'signupCode',
    call: (c) => c.signupCode({ code: '123 456' }),
    path: '/signup/code',
    sent: { code: '123456' },
    answer: { step: 'details' },
  },
  {
    name: 'signupCodeResend',
    call: (c) => c.signupCodeResend(),
    path: '/signup/code/resend',
    sent: {},
    answer: { step: 'code', flow: flowInfo() },
  },
  {
    name: 'signupAccount',
    call: (c) => c.signupAccount({ password: 'Zonnepaneel#2026!x', firstName: ' Jan ', lastName: 'Jansen' }),
    path: '/signup/account',
    sent: { password: 'Zonnepaneel#2026!x', firstName: 'Jan', lastName: 'Jansen' },
    answer: signedIn(),
  },
  {
    name: 'login',
    call: (c) => c.login({ email: 'jan@bedrijf.nl', password: 'secret' }),
    path: '/login',
    sent: { email: 'jan@bedrijf.nl', password: 'secret' },
    answer: signedIn(),
  },
  { name: 'logout', call: (c) => c.logout(), path: '/logout', sent: {}, answer: null },
  {
    name: 'passwordForgot',
    call: (c) => c.passwordForgot({ email: 'jan@bedrijf.nl', lang: 'en' }),
    path: '/password/forgot',
    sent: { email: 'jan@bedrijf.nl', lang: 'en' },
    answer: { step: 'password-code', flow: flowInfo({ kind: 'password-reset' }) },
  },
  {
    name: 'passwordCode',
    call: (c) => c.passwordCode({ code: '654321' }),
    path: '/password/code',
    sent: { code: '654321' },
    answer: { step: 'password-new' },
  },
  {
    name: 'passwordCodeResend',
    call: (c) => c.passwordCodeResend(),
    path: '/password/code/resend',
    sent: {},
    answer: { step: 'password-code', flow: flowInfo({ kind: 'password-reset' }) },
  },
  {
    name: 'passwordReset',
    call: (c) => c.passwordReset({ password: 'Zonnepaneel#2026!x' }),
    path: '/password/reset',
    sent: { password: 'Zonnepaneel#2026!x' },
    answer: signedIn(),
  },
  { name: 'session', call: (c) => c.session(), path: '/session', answer: signedIn() },
  {
    name: 'eherkenningStart',
    call: (c) => c.eherkenningStart({ supplierId: 'kpn', returnTo: 'http://app.test/account' }),
    path: '/eherkenning/start',
    sent: { supplierId: 'kpn', returnTo: 'http://app.test/account' },
    answer: { redirectUrl: 'https://broker.test/authorize?client_id=wt' },
  },
  {
    name: 'organisation',
    call: (c) => c.organisation(ORGANISATION_ID),
    path: `/organisations/${ORGANISATION_ID}`,
    answer: { organisation: membership.organisation, rights: membership.rights },
  },
  {
    name: 'members',
    call: (c) => c.members(ORGANISATION_ID),
    path: `/organisations/${ORGANISATION_ID}/members`,
    answer: { members: [member] },
  },
  {
    name: 'inviteMember',
    call: (c) =>
      c.inviteMember(ORGANISATION_ID, { email: 'Piet@Bedrijf.nl', rights: ['administer', 'register_for_meetings'] }),
    path: `/organisations/${ORGANISATION_ID}/members`,
    sent: { email: 'piet@bedrijf.nl', rights: ['register_for_meetings', 'administer'] },
    answer: { invitation },
  },
  {
    name: 'updateMember',
    call: (c) => c.updateMember(ORGANISATION_ID, MEMBER_ID, { rights: ['submit_expense_claims'] }),
    path: `/organisations/${ORGANISATION_ID}/members/${MEMBER_ID}`,
    sent: { rights: ['submit_expense_claims'] },
    answer: { member: { ...member, rights: ['submit_expense_claims'] } },
  },
  {
    name: 'removeMember',
    call: (c) => c.removeMember(ORGANISATION_ID, MEMBER_ID),
    path: `/organisations/${ORGANISATION_ID}/members/${MEMBER_ID}`,
    sent: {},
    answer: null,
  },
  {
    name: 'invitations',
    call: (c) => c.invitations(ORGANISATION_ID),
    path: `/organisations/${ORGANISATION_ID}/invitations`,
    answer: { invitations: [invitation] },
  },
  {
    name: 'withdrawInvitation',
    call: (c) => c.withdrawInvitation(ORGANISATION_ID, INVITATION_ID),
    path: `/organisations/${ORGANISATION_ID}/invitations/${INVITATION_ID}`,
    sent: {},
    answer: null,
  },
  {
    name: 'audit',
    call: (c) => c.audit(ORGANISATION_ID),
    path: `/organisations/${ORGANISATION_ID}/audit`,
    answer: { entries: [auditEntry] },
  },
  {
    name: 'lookupInvitation',
    call: (c) => c.lookupInvitation({ token: TOKEN }),
    path: '/invitations/lookup',
    sent: { token: TOKEN },
    answer: invitationPreview,
  },
  {
    name: 'acceptInvitation',
    call: (c) => c.acceptInvitation({ token: TOKEN, password: 'Zonnepaneel#2026!x', firstName: 'Piet', lastName: 'P' }),
    path: '/invitations/accept',
    sent: { token: TOKEN, password: 'Zonnepaneel#2026!x', firstName: 'Piet', lastName: 'P' },
    answer: signedIn({ step: 'verified', memberships: [membership] }),
  },
];

const ORGANISATION_ENDPOINTS = [
  'organisation',
  'members',
  'inviteMember',
  'updateMember',
  'removeMember',
  'invitations',
  'withdrawInvitation',
  'audit',
];

describe('client: every endpoint', () => {
  it('has a method for every endpoint of the contract except the browser-only callback', () => {
    const names = Object.keys(ENDPOINTS).filter((name) => name !== 'eherkenningCallback');
    assert.deepEqual(CALLS.map((row) => row.name).sort(), names.sort());
    const c = orgClient();
    for (const name of names) assert.equal(typeof c[name as keyof OrganisationClient], 'function', name);
  });

  it('the main entry’s client has every endpoint but the organisation’s (those are in /organisation)', () => {
    const c = client();
    const methods = Object.keys(c).filter((key) => typeof c[key as keyof typeof c] === 'function');
    const onboarding = CALLS.map((row) => row.name).filter((name) => !ORGANISATION_ENDPOINTS.includes(name));
    assert.deepEqual(methods.sort(), onboarding.sort());
  });

  for (const row of CALLS) {
    const endpoint = ENDPOINTS[row.name];
    const clients: [string, () => object][] = [['organisation', orgClient]];
    if (!ORGANISATION_ENDPOINTS.includes(row.name)) clients.unshift(['onboarding', client]);
    for (const [which, make] of clients) {
      it(`${row.name} (${which} client): ${endpoint.method} ${endpoint.path} sends the normalised body and returns the checked answer`, async () => {
        const seen = answerAll(endpoint.status, row.answer);
        const result = await row.call(make() as OrganisationClient);
        assert.equal(seen.length, 1);
        assert.equal(seen[0]!.method, endpoint.method);
        assert.equal(seen[0]!.path, `/api/v1${row.path}`);
        if (endpoint.method === 'GET') {
          assert.equal(seen[0]!.body, '');
        } else {
          // State-changing requests are JSON so the server's origin check (S6) accepts them.
          assert.equal(seen[0]!.contentType, 'application/json');
          assert.deepEqual(JSON.parse(seen[0]!.body), row.sent);
        }
        assert.deepEqual(result, row.answer === null ? undefined : row.answer);
      });
    }
  }

  it('sends the session cookie (credentials: include) and asks for JSON', async () => {
    const inits: RequestInit[] = [];
    answerAll(200, config);
    const c = client({
      fetch: (input, init) => {
        inits.push(init ?? {});
        return fetch(input, init);
      },
    });
    await c.config();
    assert.equal(inits[0]!.credentials, 'include');
    assert.match(String((inits[0]!.headers as Record<string, string>).Accept), /application\/json/);
  });

  it('URI-encodes path parameters', async () => {
    const seen = answerAll(200, { members: [] });
    await orgClient().members('a/b?c');
    assert.equal(seen[0]!.path, '/api/v1/organisations/a%2Fb%3Fc/members');
  });

  it('keeps a path prefix of apiBase and accepts a URL', async () => {
    const seen: string[] = [];
    server.use(
      http.get('http://other.test/proxy/api/v1/config', ({ request }) => {
        seen.push(new URL(request.url).pathname);
        return HttpResponse.json(config);
      }),
    );
    const c = createOnboardingClient({ apiBase: new URL('http://other.test/proxy/api/v1/') });
    await c.config();
    assert.deepEqual(seen, ['/proxy/api/v1/config']);
    assert.equal(c.apiBase.href, 'http://other.test/proxy/api/v1/');
  });
});

describe('client: every error code of the contract', () => {
  const serverCodes = Object.keys(ERROR_STATUS) as ServerErrorCode[];

  it('covers every code: server codes have a status, the rest are raised by the client', () => {
    assert.deepEqual(
      [...serverCodes, ...CLIENT_ERROR_CODES].sort(),
      [...ERROR_CODES].sort(),
      'a new error code needs a row here',
    );
  });

  for (const code of serverCodes) {
    it(`${code} (${ERROR_STATUS[code]}) becomes an OnboardingError with that code and status`, async () => {
      server.use(http.post(`${API}/login`, () => problem(code, { detail: `detail of ${code}` })));
      const error = await client()
        .login({ email: 'jan@bedrijf.nl', password: 'secret' })
        .then(
          () => assert.fail('should reject'),
          (e: unknown) => e,
        );
      assert.ok(error instanceof OnboardingError);
      assert.equal(error.code, code);
      assert.equal(error.status, ERROR_STATUS[code]);
      assert.equal(error.message, `detail of ${code}`);
      assert.equal(error.problem?.code, code);
    });
  }

  it('carries attemptsLeft and the step of code_invalid', async () => {
    server.use(http.post(`${API}/signup/code`, () => problem('code_invalid', { attemptsLeft: 2, step: 'code' })));
    const error = await client()
      .signupCode({ code: '000000' })
      .catch((e: unknown) => e);
    assert.ok(error instanceof OnboardingError);
    assert.equal(error.attemptsLeft, 2);
    assert.equal(error.step, 'code');
  });

  it('carries retryAfterSeconds from the body, or else from the Retry-After header', async () => {
    server.use(http.post(`${API}/signup/code/resend`, () => problem('resend_too_soon', { retryAfterSeconds: 42 })));
    const fromBody = await client()
      .signupCodeResend()
      .catch((e: unknown) => e);
    assert.equal((fromBody as OnboardingError).retryAfterSeconds, 42);
    server.use(http.post(`${API}/signup/email`, () => problem('rate_limited', {}, { 'Retry-After': '120' })));
    const fromHeader = await client()
      .signupEmail({ email: 'jan@bedrijf.nl' })
      .catch((e: unknown) => e);
    assert.equal((fromHeader as OnboardingError).retryAfterSeconds, 120);
    server.use(http.post(`${API}/signup/email`, () => problem('rate_limited')));
    const none = await client()
      .signupEmail({ email: 'jan@bedrijf.nl' })
      .catch((e: unknown) => e);
    assert.equal((none as OnboardingError).retryAfterSeconds, undefined);
  });

  it('carries the violations of password_policy (P1, P3)', async () => {
    server.use(
      http.post(`${API}/signup/account`, () =>
        problem('password_policy', { violations: ['blocklisted', 'too_short'] }),
      ),
    );
    const error = await client()
      .signupAccount({ password: 'Welkom01!Welkom', firstName: 'Jan', lastName: 'Jansen' })
      .catch((e: unknown) => e);
    assert.deepEqual((error as OnboardingError).violations, ['blocklisted', 'too_short']);
  });

  it('carries the fields of the server’s invalid_request', async () => {
    server.use(http.post(`${API}/login`, () => problem('invalid_request', { fields: { email: ['Too long.'] } })));
    const error = await client()
      .login({ email: 'jan@bedrijf.nl', password: 'x' })
      .catch((e: unknown) => e);
    assert.deepEqual((error as OnboardingError).fields, { email: ['Too long.'] });
  });

  it('network_error when the server cannot be reached', async () => {
    server.use(http.post(`${API}/login`, () => HttpResponse.error()));
    const error = await client()
      .login({ email: 'jan@bedrijf.nl', password: 'x' })
      .catch((e: unknown) => e);
    assert.equal((error as OnboardingError).code, 'network_error');
  });

  it('timeout when the server does not answer in time', async () => {
    server.use(
      http.post(`${API}/login`, async () => {
        // Longer than the timeout, but a timer that holds the event loop: the SDK's timeout is an unref'd
        // AbortSignal.timeout, and with msw there is no socket either, so Node's runner would cancel the test.
        await delay(1_000);
        return HttpResponse.json({});
      }),
    );
    const error = await client({ timeoutMs: 20 })
      .login({ email: 'jan@bedrijf.nl', password: 'x' })
      .catch((e: unknown) => e);
    assert.equal((error as OnboardingError).code, 'timeout');
  });

  it('invalid_response when a 2xx answer breaks the contract, or comes with another status', async () => {
    server.use(http.get(`${API}/session`, () => HttpResponse.json({ step: 'nowhere' })));
    const wrongShape = await client()
      .session()
      .catch((e: unknown) => e);
    assert.equal((wrongShape as OnboardingError).code, 'invalid_response');
    server.use(
      http.get(`${API}/session`, () => new HttpResponse('<html>', { headers: { 'Content-Type': 'text/html' } })),
    );
    const notJson = await client()
      .session()
      .catch((e: unknown) => e);
    assert.equal((notJson as OnboardingError).code, 'invalid_response');
    server.use(
      http.post(`${API}/signup/email`, () => HttpResponse.json({ step: 'code', flow: flowInfo() }, { status: 200 })),
    );
    const wrongStatus = await client()
      .signupEmail({ email: 'jan@bedrijf.nl' })
      .catch((e: unknown) => e);
    assert.equal((wrongStatus as OnboardingError).code, 'invalid_response');
  });

  it('an error status without problem details: service_unavailable from a gateway, invalid_response otherwise', async () => {
    server.use(http.post(`${API}/login`, () => new HttpResponse('Bad gateway', { status: 502 })));
    const gateway = await client()
      .login({ email: 'jan@bedrijf.nl', password: 'x' })
      .catch((e: unknown) => e);
    assert.equal((gateway as OnboardingError).code, 'service_unavailable');
    assert.equal((gateway as OnboardingError).status, 502);
    server.use(http.post(`${API}/login`, () => HttpResponse.json({ message: 'nope' }, { status: 400 })));
    const odd = await client()
      .login({ email: 'jan@bedrijf.nl', password: 'x' })
      .catch((e: unknown) => e);
    assert.equal((odd as OnboardingError).code, 'invalid_response');
  });
});

describe('client: abort and retries', () => {
  it('rejects with the signal’s reason when the caller aborts', async () => {
    let arrived = false;
    server.use(
      http.get(`${API}/session`, async () => {
        arrived = true;
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const controller = new AbortController();
    const pending = client().session({ signal: controller.signal });
    while (!arrived) await new Promise((resolve) => setTimeout(resolve, 1));
    const reason = new Error('left the page');
    controller.abort(reason);
    await assert.rejects(pending, (error) => error === reason);
  });

  it('does not send anything with an already aborted signal', async () => {
    const seen = answerAll(200, config);
    await assert.rejects(client().config({ signal: AbortSignal.abort() }), { name: 'AbortError' });
    assert.equal(seen.length, 0);
  });

  it('repeats a GET after a network failure and a 503, then answers', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/config`, () => {
        calls++;
        if (calls === 1) return HttpResponse.error();
        if (calls === 2) return problem('service_unavailable');
        return HttpResponse.json(config);
      }),
    );
    assert.deepEqual(await client().config(), config);
    assert.equal(calls, 3);
  });

  it('an abort during the pause before a repeat rejects at once with the signal’s reason', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/session`, () => {
        calls++;
        return HttpResponse.error();
      }),
    );
    const controller = new AbortController();
    // A minute's pause: the test only ends in time when the abort cuts it short.
    const pending = client({ retryDelayMs: 60_000 }).session({ signal: controller.signal });
    await until(() => calls === 1, 'the first attempt');
    const reason = new Error('left the page');
    controller.abort(reason);
    await assert.rejects(pending, (error) => error === reason);
    assert.equal(calls, 1);
  });

  it('gives up on a GET after the configured retries', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/session`, () => {
        calls++;
        return problem('service_unavailable');
      }),
    );
    await assert.rejects(client({ retries: 1 }).session(), { code: 'service_unavailable' });
    assert.equal(calls, 2);
  });

  it('does not repeat a GET that the server refused (4xx, 500)', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/organisations/:id`, () => {
        calls++;
        return problem('forbidden');
      }),
    );
    await assert.rejects(orgClient().organisation(ORGANISATION_ID), { code: 'forbidden' });
    assert.equal(calls, 1);
  });

  it('never repeats a POST, not after a network failure nor after a 503 (nothing happens twice)', async () => {
    let calls = 0;
    server.use(
      http.post(`${API}/signup/email`, () => {
        calls++;
        return calls === 1 ? HttpResponse.error() : problem('service_unavailable');
      }),
    );
    await assert.rejects(client().signupEmail({ email: 'jan@bedrijf.nl' }), { code: 'network_error' });
    assert.equal(calls, 1);
    await assert.rejects(client().signupEmail({ email: 'jan@bedrijf.nl' }), { code: 'service_unavailable' });
    assert.equal(calls, 2);
  });
});

describe('client: validation before sending', () => {
  it('refuses an invalid body with the fields at fault, sending nothing', async () => {
    const seen = answerAll(202, {});
    const error = await client()
      .signupAccount({ password: '', firstName: '  ', lastName: 'Jansen' })
      .catch((e: unknown) => e);
    assert.ok(error instanceof OnboardingError);
    assert.equal(error.code, 'invalid_request');
    assert.deepEqual(Object.keys(error.fields ?? {}).sort(), ['firstName', 'password']);
    assert.match(error.message, /firstName/);
    const badEmail = await client()
      .signupEmail({ email: 'not-an-address' })
      .catch((e: unknown) => e);
    assert.deepEqual(Object.keys((badEmail as OnboardingError).fields ?? {}), ['email']);
    const badCode = await client()
      .signupCode({ code: '12345' })
      .catch((e: unknown) => e);
    assert.deepEqual((badCode as OnboardingError).fields, { code: ['A verification code is exactly 6 digits.'] });
    assert.equal(seen.length, 0);
  });

  // The server's code for each body: its readBody (packages/server/src/http/body.ts), through which every route
  // reads its body, asks the contract's invalidBodyCode, as the client does: `invalid_email` when the address is the
  // only field the schema refuses, `invalid_request` (with `fields`) otherwise. The rows pin what that gives.
  const long = 'x'.repeat(101);
  const SERVER_ANSWERS: [what: string, call: (c: OrganisationClient) => Promise<unknown>, code: ServerErrorCode][] = [
    ['signupEmail: not an address', (c) => c.signupEmail({ email: 'geen-adres' }), 'invalid_email'],
    [
      'signupEmail: an address too long',
      (c) => c.signupEmail({ email: `${long}${long}${long}@b.nl` }),
      'invalid_email',
    ],
    ['passwordForgot: not an address', (c) => c.passwordForgot({ email: 'jan@' }), 'invalid_email'],
    [
      'signupEmail: a language the API does not speak',
      (c) => c.signupEmail({ email: 'jan@bedrijf.nl', lang: 'de' as never }),
      'invalid_request',
    ],
    ['login: not an address', (c) => c.login({ email: 'geen-adres', password: 'x' }), 'invalid_email'],
    ['login: not an address and no password', (c) => c.login({ email: 'geen-adres', password: '' }), 'invalid_request'],
    ['signupCode: letters in the code', (c) => c.signupCode({ code: '12a456' }), 'invalid_request'],
    ['passwordCode: five digits', (c) => c.passwordCode({ code: '12345' }), 'invalid_request'],
    [
      'signupAccount: a first name too long',
      (c) => c.signupAccount({ password: 'x', firstName: long, lastName: 'J' }),
      'invalid_request',
    ],
    [
      'signupAccount: an empty last name',
      (c) => c.signupAccount({ password: 'x', firstName: 'Jan', lastName: ' ' }),
      'invalid_request',
    ],
    ['passwordReset: no password', (c) => c.passwordReset({ password: '' }), 'invalid_request'],
    ['acceptInvitation: a short token', (c) => c.acceptInvitation({ token: 'kort' }), 'invalid_request'],
    [
      'inviteMember: not an address',
      (c) => c.inviteMember(ORGANISATION_ID, { email: 'geen-adres', rights: [] }),
      'invalid_email',
    ],
    [
      'eherkenningStart: no supplier',
      (c) => c.eherkenningStart({ supplierId: '', returnTo: 'https://app.test/' }),
      'invalid_request',
    ],
  ];
  for (const [what, call, code] of SERVER_ANSWERS) {
    it(`refuses what the server refuses with the server's code: ${what} → ${code}`, async () => {
      const seen = answerAll(202, {});
      const error = await call(orgClient()).catch((e: unknown) => e);
      assert.ok(error instanceof OnboardingError);
      assert.equal(error.code, code);
      assert.equal(error.status, undefined, 'refused before sending');
      assert.ok(Object.keys(error.fields ?? {}).length > 0, 'names the fields at fault, as the server does');
      assert.equal(seen.length, 0);
    });
  }

  it('throws CodedTypeError (ERR_INVALID_ARG_TYPE) for arguments of the wrong type', async () => {
    const c = orgClient();
    const misuse: (() => Promise<unknown>)[] = [
      () => c.signupEmail(null as never),
      () => c.signupEmail('jan@bedrijf.nl' as never),
      () => c.organisation(42 as never),
      () => c.updateMember(ORGANISATION_ID, '', { rights: [] }),
      () => c.config({ signal: 'stop' as never }),
      () => c.config('fast' as never),
    ];
    for (const call of misuse) {
      await assert.rejects(call, (error: unknown) => {
        assert.ok(error instanceof CodedTypeError);
        assert.ok(error instanceof TypeError);
        assert.equal(error.code, 'ERR_INVALID_ARG_TYPE');
        return true;
      });
    }
  });

  it('refuses wrong options when created', () => {
    assert.throws(() => createOnboardingClient({ timeoutMs: -1 }), CodedTypeError);
    assert.throws(() => createOnboardingClient({ fetch: 'fetch' as never }), CodedTypeError);
    assert.throws(() => createOnboardingClient({ apiBase: 12 as never }), CodedTypeError);
    // Node has no location to resolve a relative prefix against.
    assert.throws(() => createOnboardingClient({ apiBase: '/api/v1' }), /absolute/);
  });
});

describe('client: the anti-automation token (R5)', () => {
  const GUARDED = ['/signup/email', '/password/forgot'];

  /** Answers every request as `answerAll` does and records the Anti-Automation-Token header of each. */
  function tokensSent(): Map<string, string | null> {
    const sent = new Map<string, string | null>();
    server.use(
      http.all(`${API}/*`, ({ request }) => {
        sent.set(new URL(request.url).pathname.slice('/api/v1'.length), request.headers.get('Anti-Automation-Token'));
        return HttpResponse.json({}, { status: 599 });
      }),
    );
    return sent;
  }

  it('is asked only before the two guarded requests and sent as their Anti-Automation-Token header', async () => {
    const asked: string[] = [];
    const sent: [string, string | null][] = [];
    server.use(
      http.all(`${API}/*`, ({ request }) => {
        const path = new URL(request.url).pathname.slice('/api/v1'.length);
        sent.push([`${request.method} ${path}`, request.headers.get('Anti-Automation-Token')]);
        return HttpResponse.json({}, { status: 599 });
      }),
    );
    const c = orgClient({
      antiAutomationToken: (route) => {
        asked.push(route);
        return `token-${asked.length}`;
      },
    });
    for (const row of CALLS) await row.call(c).catch(() => undefined);
    assert.deepEqual(asked, GUARDED);
    assert.equal(sent.length, CALLS.length, 'every endpoint was called once');
    assert.deepEqual(
      sent.filter(([, token]) => token !== null),
      [
        ['POST /signup/email', 'token-1'],
        ['POST /password/forgot', 'token-2'],
      ],
    );
  });

  it('sends no header without the option, nor when the function gives undefined or an empty string', async () => {
    const sent = tokensSent();
    await client()
      .signupEmail({ email: 'jan@bedrijf.nl' })
      .catch(() => undefined);
    assert.equal(sent.get('/signup/email'), null);
    for (const nothing of [undefined, '']) {
      sent.clear();
      await client({ antiAutomationToken: () => nothing })
        .passwordForgot({ email: 'jan@bedrijf.nl' })
        .catch(() => undefined);
      assert.equal(sent.get('/password/forgot'), null, JSON.stringify(nothing));
    }
  });

  it('waits for an async function (a proof-of-work, a widget that is still solving)', async () => {
    const sent = tokensSent();
    const c = client({
      antiAutomationToken: async (route) => {
        await delay(5);
        return `solved for ${route}`;
      },
    });
    await c.signupEmail({ email: 'jan@bedrijf.nl' }).catch(() => undefined);
    assert.equal(sent.get('/signup/email'), 'solved for /signup/email');
  });

  it('is not asked for a body the client refuses: an invalid address spends no single-use token', async () => {
    let asked = 0;
    const sent = tokensSent();
    const error = await client({ antiAutomationToken: () => String(++asked) })
      .signupEmail({ email: 'geen adres' })
      .catch((e: unknown) => e);
    assert.equal((error as OnboardingError).code, 'invalid_email');
    assert.equal(asked, 0);
    assert.equal(sent.size, 0);
  });

  it('a function that throws or rejects: service_unavailable with the error as cause, nothing sent', async () => {
    const sent = tokensSent();
    const broken = new Error('the CAPTCHA script did not load');
    for (const antiAutomationToken of [
      () => {
        throw broken;
      },
      () => Promise.reject(broken),
    ]) {
      const error = await client({ antiAutomationToken })
        .signupEmail({ email: 'jan@bedrijf.nl' })
        .catch((e: unknown) => e);
      assert.ok(error instanceof OnboardingError);
      assert.equal(error.code, 'service_unavailable');
      assert.equal(error.cause, broken);
      assert.match(error.message, /antiAutomationToken failed/);
    }
    assert.equal(sent.size, 0);
  });

  it('misuse is a CodedTypeError: an option that is not a function, a token that is not a string', async () => {
    assert.throws(
      () => createOnboardingClient({ apiBase: API, antiAutomationToken: 'token' as never }),
      CodedTypeError,
    );
    // A fetch of its own, not msw: msw's interceptor spins on a header value that is not a string.
    let fetched = 0;
    const error = await client({
      antiAutomationToken: () => 42 as never,
      fetch: () => {
        fetched++;
        return Promise.reject(new Error('sent'));
      },
    })
      .signupEmail({ email: 'jan@bedrijf.nl' })
      .catch((e: unknown) => e);
    assert.ok(error instanceof CodedTypeError);
    assert.equal(error.code, 'ERR_INVALID_ARG_TYPE');
    assert.equal(fetched, 0);
  });

  it('a refusal of the hook is rate_limited with its wait and reason anti_automation, as the server answers it', async () => {
    server.use(
      http.post(`${API}/signup/email`, () =>
        problem('rate_limited', { reason: 'anti_automation' }, { 'Retry-After': '30' }),
      ),
    );
    const error = await client({ antiAutomationToken: () => 'spent' })
      .signupEmail({ email: 'jan@bedrijf.nl' })
      .catch((e: unknown) => e);
    assert.equal((error as OnboardingError).code, 'rate_limited');
    assert.equal((error as OnboardingError).retryAfterSeconds, 30);
    assert.equal((error as OnboardingError).reason, 'anti_automation', 'a UI asks for the check again');
  });

  it('a plain rate limit has no reason: the person only waits', async () => {
    server.use(http.post(`${API}/signup/email`, () => problem('rate_limited', { retryAfterSeconds: 30 })));
    const error = await client()
      .signupEmail({ email: 'jan@bedrijf.nl' })
      .catch((e: unknown) => e);
    assert.equal((error as OnboardingError).code, 'rate_limited');
    assert.equal((error as OnboardingError).reason, undefined);
  });
});
