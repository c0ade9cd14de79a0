// SECURITY.md W6 (and W4's header half): a header snapshot for every route of the adapter — every endpoint of the
// contract, as a stranger and as a signed-in administrator, the eHerkenning callback, health, the dev mailbox, and
// the error answers (404, 405, 413, 415, 429, 500, a refused origin) and the CORS preflight. Each carries the same
// security headers, with `frame-ancestors 'none'`; HSTS of at least a year with includeSubDomains when PUBLIC_URL is
// https and none on http; and a request with `Origin: null` gets no Access-Control-Allow-Origin anywhere.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { endpointPath, ENDPOINTS, type EndpointName } from '@wij-techniek/onboarding-contract';
import type { RouteModule } from '../../src/index.ts';
import { randomIp, TEST_ORIGIN } from '../helpers/client.ts';
import { startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import { createOrganisationWithAdministrator } from '../organisations/helpers.ts';

/** The headers every answer carries, whatever the route and status. */
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
} as const;

/** A route that fails, for the 500 answer. */
const crashing: RouteModule = {
  name: 'w6-crash',
  register(api) {
    api.get('/test/w6-crash', () => {
      throw new Error('a bug');
    });
  },
};

/** Bodies that succeed, so the snapshot has success answers besides the refusals of an empty body. */
const VALID_BODIES: Partial<Record<EndpointName, unknown>> = {
  signupEmail: { email: 'w6.signup@example.test' },
  passwordForgot: { email: 'w6.forgot@example.test' },
  inviteMember: { email: 'w6.invitee@example.test', rights: ['register_for_meetings'] },
};

/** One request of the snapshot. */
interface Probe {
  readonly name: string;
  readonly method: string;
  /** Below the server's origin. */
  readonly path: string;
  readonly body?: string;
  readonly headers?: Record<string, string>;
  /** The session cookie to send. */
  readonly cookie?: string;
  /** Sent to the second server, the one without SMTP_URL that has the dev mailbox. */
  readonly devMailbox?: boolean;
}

/** The security headers of an answer, and its CORS answer. */
function snapshot(headers: Headers): Record<string, string | null> {
  const names = [...Object.keys(SECURITY_HEADERS), 'strict-transport-security', 'access-control-allow-origin'];
  return Object.fromEntries(names.map((name) => [name, headers.get(name)]));
}

/** Every route, as a stranger (no cookie) and as `administrator` where an account changes the answer. */
function probes(ids: { organisationId: string; memberId: string; cookie: string }): Probe[] {
  const params = { ...ids, invitationId: '00000000-0000-4000-8000-000000000000' };
  const list: Probe[] = [];
  const signedIn: Probe[] = [];
  for (const name of Object.keys(ENDPOINTS) as EndpointName[]) {
    const { method, path } = ENDPOINTS[name];
    const body = method === 'GET' ? undefined : JSON.stringify(VALID_BODIES[name] ?? {});
    const route = `/api/v1${endpointPath(name, params)}`;
    list.push({ name: `${method} ${path} (stranger)`, method, path: route, ...(body ? { body } : {}) });
    // Signed in, where an account changes the answer; logging out ends the session, so it comes last.
    if (name === 'session' || name === 'eherkenningStart' || name === 'logout' || path.includes('{organisationId}')) {
      const probe = { name: `${method} ${path} (administrator)`, method, path: route, cookie: ids.cookie };
      signedIn.push(body ? { ...probe, body } : probe);
    }
  }
  signedIn.sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
  return [
    ...list,
    {
      name: 'GET /eherkenning/callback with a made-up answer',
      method: 'GET',
      path: '/api/v1/eherkenning/callback?code=x&state=y',
    },
    {
      name: '403 another organisation',
      method: 'GET',
      path: `/api/v1${endpointPath('organisation', { organisationId: params.invitationId })}`,
      cookie: ids.cookie,
    },
    ...signedIn,
    { name: 'GET /healthz', method: 'GET', path: '/healthz' },
    { name: 'GET /readyz', method: 'GET', path: '/readyz' },
    { name: 'GET /api/dev/mailbox', method: 'GET', path: '/api/dev/mailbox', devMailbox: true },
    { name: 'GET /api/dev/mailbox.html', method: 'GET', path: '/api/dev/mailbox.html', devMailbox: true },
    { name: '404 an unknown path', method: 'GET', path: '/api/v1/nowhere' },
    { name: '404 outside the API', method: 'GET', path: '/' },
    { name: '405 a wrong method', method: 'GET', path: '/api/v1/signup/code' },
    { name: '413 a body too large', method: 'POST', path: '/api/v1/signup/email', body: 'x'.repeat(1024 * 1024) },
    {
      name: '415 a form body',
      method: 'POST',
      path: '/api/v1/signup/email',
      body: 'email=a',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    },
    { name: '500 a failing route', method: 'GET', path: '/api/v1/test/w6-crash' },
    {
      name: 'OPTIONS preflight',
      method: 'OPTIONS',
      path: '/api/v1/login',
      headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    },
  ];
}

async function send(stacks: Stacks, probe: Probe, origin: string): Promise<Response> {
  const stack = probe.devMailbox ? stacks.devMailbox : stacks.main;
  const response = await fetch(`${stack.url}${probe.path}`, {
    method: probe.method,
    headers: {
      origin,
      'x-forwarded-for': randomIp(),
      ...(probe.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(probe.cookie ? { cookie: probe.cookie } : {}),
      ...probe.headers,
    },
    ...(probe.body === undefined ? {} : { body: probe.body }),
    redirect: 'manual',
  });
  await response.arrayBuffer();
  return response;
}

/** The server under test, and a second one like it without SMTP_URL, which has the dev mailbox. */
interface Stacks {
  readonly main: TestStack;
  readonly devMailbox: TestStack;
}

/** An administrator (cookie, organisation, membership) on `stack`, as eHerkenning would leave one. */
async function administrator(stack: TestStack) {
  const { organisationId, administrator: person, membershipId } = await createOrganisationWithAdministrator(stack);
  return { organisationId, memberId: membershipId, cookie: person.client.cookie! };
}

for (const scheme of ['http', 'https'] as const) {
  describe(`W6 header snapshot of every route (PUBLIC_URL ${scheme})`, () => {
    let stacks: Stacks;
    let list: Probe[];
    before(async () => {
      const env = { PUBLIC_URL: `${scheme}://localhost:8787` };
      const main = await startStack('pglite', { env, routes: [crashing] });
      stacks = { main, devMailbox: await startStack('pglite', { env: { ...env, SMTP_URL: '' } }) };
      // A mail in the dev mailbox, and a code flow whose resend is too soon (a 429).
      await stacks.devMailbox.client().post('/signup/email', { email: uniqueEmail('w6') });
      await stacks.devMailbox.drain();
      const early = main.client();
      await early.post('/signup/email', { email: uniqueEmail('w6') });
      const stack = main;
      list = [
        ...probes(await administrator(stack)),
        {
          name: '429 resend too soon',
          method: 'POST',
          path: '/api/v1/signup/code/resend',
          body: '{}',
          cookie: early.cookie!,
        },
      ];
    });
    after(async () => {
      await stacks?.main.close();
      await stacks?.devMailbox.close();
    });

    it(`W6/W4: every route answers with the security headers and frame-ancestors 'none'; HSTS ${scheme === 'https' ? 'of a year with includeSubDomains' : 'absent'}`, async () => {
      const statuses = new Set<number>();
      const wrong: string[] = [];
      for (const probe of list) {
        const response = await send(stacks, probe, TEST_ORIGIN);
        statuses.add(response.status);
        const got = snapshot(response.headers);
        const expected: Record<string, string | null> = {
          ...SECURITY_HEADERS,
          'strict-transport-security': scheme === 'https' ? 'max-age=31536000; includeSubDomains' : null,
          'access-control-allow-origin': TEST_ORIGIN,
        };
        if (probe.path === '/api/dev/mailbox.html') {
          // The page styles itself with one hashed stylesheet; otherwise it is as locked down as the rest.
          const csp = got['content-security-policy'] ?? '';
          assert.match(csp, /^default-src 'none';.*frame-ancestors 'none'/u, probe.name);
          expected['content-security-policy'] = csp;
        }
        // CORS belongs to the API; health answers are for the balancer, not for pages.
        if (!probe.path.startsWith('/api/'))
          expected['access-control-allow-origin'] = got['access-control-allow-origin'] ?? null;
        const differences = Object.keys(expected).filter((name) => got[name] !== expected[name]);
        if (differences.length > 0) {
          wrong.push(
            `${probe.name} (${response.status}): ${differences.map((name) => `${name}=${got[name]}`).join(', ')}`,
          );
        }
      }
      assert.deepEqual(wrong, []);
      // The snapshot reached successes, redirects and every kind of refusal, not only one status.
      for (const status of [200, 201, 202, 204, 303, 401, 403, 404, 405, 409, 413, 415, 429, 500]) {
        assert.ok(statuses.has(status), `a ${status} answer is in the snapshot (${[...statuses].sort().join(', ')})`);
      }
    });

    it('W6: Origin: null gets no Access-Control-Allow-Origin on any route', async () => {
      const allowed: string[] = [];
      for (const probe of list) {
        const response = await send(stacks, probe, 'null');
        const allow = response.headers.get('access-control-allow-origin');
        if (allow !== null) allowed.push(`${probe.name}: ${allow}`);
        assert.equal(response.headers.get('x-frame-options'), 'DENY', `${probe.name}: refusals carry the headers too`);
      }
      assert.deepEqual(allowed, []);
    });
  });
}
