import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ProblemSchema } from '@wij-techniek/onboarding-contract';
import type { RouteModule } from '../../src/index.ts';
import { TEST_ORIGIN } from '../helpers/client.ts';
import { eachBackend, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';

const failing: RouteModule = {
  name: 'test-failing',
  register(api) {
    api.get('/test/crash', () => {
      throw new Error('database password hunter2 leaked in a stack trace');
    });
  },
};

const EXPECTED_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

eachBackend('HTTP surface', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend, { routes: [failing] });
  });
  after(async () => {
    await stack?.close();
  });

  it('S6: a POST from a foreign Origin → 403 origin_not_allowed, and nothing happens', async () => {
    const email = uniqueEmail();
    const answer = await stack.client().post('/signup/email', { email }, { origin: 'https://evil.example' });
    assert.equal(answer.status, 403);
    assert.equal(answer.body.code, 'origin_not_allowed');
    const { rows } = await stack.server.context.db.query('SELECT id FROM flows WHERE email = $1', [email]);
    assert.equal(rows.length, 0);
  });

  it('S6: Origin: null and Sec-Fetch-Site: cross-site → 403', async () => {
    assert.equal((await stack.client().post('/login', {}, { origin: 'null' })).status, 403);
    const crossSite = await stack
      .client()
      .post('/signup/email', { email: uniqueEmail() }, { 'sec-fetch-site': 'cross-site' });
    assert.equal(crossSite.status, 403);
  });

  it('S6: text/plain and form bodies → 415 unsupported_media_type', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const answer = await stack
        .client()
        .post('/signup/email', `{"email":"${uniqueEmail()}"}`, { 'content-type': type });
      assert.equal(answer.status, 415, type);
      assert.equal(answer.body.code, 'unsupported_media_type');
    }
  });

  it('S6: GET on /signup/code → 405 with Allow; unknown paths → 404 problem', async () => {
    const wrong = await stack.client().get('/signup/code');
    assert.equal(wrong.status, 405);
    assert.equal(wrong.body.code, 'method_not_allowed');
    assert.equal(wrong.headers.get('allow'), 'POST');
    const missing = await stack.client().get('/nowhere');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'not_found');
  });

  it('same-origin requests and non-browser clients (no Origin, no Sec-Fetch-Site) pass', async () => {
    const same = await stack
      .client()
      .post(
        '/signup/email',
        { email: uniqueEmail() },
        { origin: 'http://localhost:8787', 'sec-fetch-site': 'same-origin' },
      );
    assert.equal(same.status, 202);
    const client = stack.client();
    const response = await fetch(`${stack.url}/api/v1/signup/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-forwarded-for': client.ip },
      body: JSON.stringify({ email: uniqueEmail() }),
    });
    assert.equal(response.status, 202);
  });

  it('W6/W4: security headers on every answer, errors and 404 included; no HSTS on http', async () => {
    const client = stack.client();
    const answers = [
      await client.get('/config'),
      await client.get('/session'),
      await client.post('/signup/code', { code: '123456' }),
      await client.get('/nowhere'),
      await client.get('/healthz'),
      await client.post('/signup/email', 'x', { 'content-type': 'text/plain' }),
    ];
    for (const answer of answers) {
      for (const [name, value] of Object.entries(EXPECTED_HEADERS)) assert.equal(answer.headers.get(name), value, name);
      assert.equal(answer.headers.get('strict-transport-security'), null);
    }
  });

  it('W6: CORS with credentials for allowed origins only; Origin: null and foreign origins get none', async () => {
    const allowed = await stack.client().get('/config', { origin: TEST_ORIGIN });
    assert.equal(allowed.headers.get('access-control-allow-origin'), TEST_ORIGIN);
    assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true');
    // A cross-origin script can read the wait and the request id it would quote to support.
    assert.equal(allowed.headers.get('access-control-expose-headers'), 'Retry-After, X-Request-Id');
    for (const origin of ['null', 'https://evil.example']) {
      const answer = await stack.client().get('/config', { origin });
      assert.equal(answer.headers.get('access-control-allow-origin'), null, origin);
    }
    const preflight = await fetch(`${stack.url}/api/v1/login`, {
      method: 'OPTIONS',
      headers: {
        origin: TEST_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), TEST_ORIGIN);
    const foreign = await fetch(`${stack.url}/api/v1/login`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
  });

  it('every error is an RFC 9457 problem of the contract; an internal error shows no stack', async () => {
    const crash = await stack.client().get('/test/crash');
    assert.equal(crash.status, 500);
    assert.equal(crash.headers.get('content-type'), 'application/problem+json');
    assert.equal(crash.body.code, 'internal_error');
    assert.doesNotMatch(crash.text, /hunter2|at .*\.ts|Error:/);
    const invalid = await stack.client().post('/signup/code', { code: 'abc' });
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.code, 'invalid_request');
    assert.ok(invalid.body.fields!.code!.length > 0);
    for (const answer of [crash, invalid]) {
      assert.ok(ProblemSchema.safeParse(answer.body).success, answer.text);
      assert.equal(answer.body.type, `urn:wij-techniek:onboarding:problem:${answer.body.code}`);
      assert.ok(answer.body.detail && answer.body.title);
    }
  });

  it('bodies that are not JSON objects → 400 invalid_request', async () => {
    for (const body of ['{not json', '[1,2]', '"text"', 'null']) {
      const answer = await stack.client().post('/login', body);
      assert.equal(answer.status, 400, body);
      assert.equal(answer.body.code, 'invalid_request');
    }
  });

  it('P6: a 1 MB body → 413 before it is parsed or hashed, also when chunked', async () => {
    const before = stack.server.context.passwords.stats().peak;
    const huge = JSON.stringify({ email: 'a@example.test', password: 'A1!a'.repeat(262_144) });
    const answer = await stack.client().post('/login', huge);
    assert.equal(answer.status, 413);
    assert.equal(answer.body.code, 'payload_too_large');
    const chunks = [new TextEncoder().encode(huge)];
    const chunked = await fetch(`${stack.url}/api/v1/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: TEST_ORIGIN },
      body: new ReadableStream({
        pull(controller) {
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      }),
      duplex: 'half',
    });
    assert.equal(chunked.status, 413);
    assert.equal(stack.server.context.passwords.stats().peak, before, 'nothing was hashed');
  });

  it('L3: extra fields and __proto__ keys have no effect', async () => {
    const email = uniqueEmail();
    const body = `{"email":"${email}","lang":"en","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"isAdmin":true,"kvk":"12345678"}`;
    const answer = await stack.client().post('/signup/email', body);
    assert.equal(answer.status, 202);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(answer.body.flow!.lang, 'en');
  });

  it('/healthz and /readyz answer', async () => {
    assert.deepEqual((await stack.client().get('/healthz')).body, { status: 'ok' });
    assert.deepEqual((await stack.client().get('/readyz')).body, { status: 'ready' });
  });

  it('GET /config carries the policy, the code rules and the suppliers', async () => {
    const answer = await stack.client().get('/config');
    assert.equal(answer.status, 200);
    assert.equal((answer.body.passwordPolicy as { name: string }).name, 'business');
    assert.ok(Array.isArray(answer.body.suppliers));
    assert.equal(answer.body.minimumLevel, 'EH3');
  });
});

describe('dev mailbox and supplier provider', () => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack('pglite', {
      env: { SMTP_URL: '' },
      suppliers: () => Promise.resolve([{ id: 'sim-a', name: 'Leverancier A (simulatie)' }]),
    });
  });
  after(async () => {
    await stack?.close();
  });

  it('without SMTP_URL the mails are in GET /api/dev/mailbox (newest first) and its HTML page', async () => {
    const a = uniqueEmail();
    const b = uniqueEmail();
    await stack.client().post('/signup/email', { email: a });
    stack.clock.advance(1);
    await stack.client().post('/signup/email', { email: b, lang: 'en' });
    await stack.drain();
    const json = await stack.client().get('/api/dev/mailbox');
    const mails = json.body.mails as { to: string; subject: string; status: string }[];
    assert.equal(mails[0]!.to, b);
    assert.equal(mails[1]!.to, a);
    assert.match(mails[0]!.subject, /^Your verification code: [0-9]{6}$/);
    assert.equal(mails[0]!.status, 'sent');
    const page = await stack.client().get('/api/dev/mailbox.html');
    assert.match(page.headers.get('content-type')!, /text\/html/);
    assert.match(page.text, /<html lang="nl">/);
    assert.match(page.text, /<h1>Dev-mailbox<\/h1>/);
    assert.ok(page.text.indexOf(b) < page.text.indexOf(a), 'newest first');
    assert.match(page.headers.get('content-security-policy')!, /style-src 'sha256-/);
  });

  it('GET /config lists the suppliers of the wired provider', async () => {
    const answer = await stack.client().get('/config');
    assert.deepEqual(answer.body.suppliers, [{ id: 'sim-a', name: 'Leverancier A (simulatie)' }]);
  });
});
