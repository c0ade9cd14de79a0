import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { API_PREFIX, ENDPOINTS, endpointPath, type EndpointName } from '@wij-techniek/onboarding-contract';
import { TEST_ORIGIN, type Client } from '../helpers/client.ts';
import { GOOD_PASSWORD, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import {
  createOrganisationWithAdministrator,
  insertMembership,
  invitationLink,
  newPerson,
} from '../organisations/helpers.ts';
import { databaseText } from './eherkenning-helpers.ts';

// SECURITY.md S6: CSRF protection on *every* state-changing endpoint, the unauthenticated sign-up steps included.
// DESIGN.md: met by origin checks and JSON-only bodies, with no token in the body (so S6's "missing or wrong
// token in the body → 403" has no token to test). The endpoints come from the contract's ENDPOINTS, so a new
// one is covered the day it is added. Each forged request is sent with a victim's real cookie and a body the
// endpoint would accept, and the whole database must be exactly as before. The check sits in front of every
// route and does not touch the database, so PGlite is enough.

/** Every endpoint that changes state: all but GET (the eHerkenning callback is a GET bound to state, O2/O3). */
const STATE_CHANGING = (Object.keys(ENDPOINTS) as EndpointName[]).filter((name) => ENDPOINTS[name].method !== 'GET');

/** A cross-site request as a foreign page (or a form on it) would send it. */
interface Forgery {
  readonly name: string;
  readonly headers: Record<string, string>;
  /** Send the body as bytes, so fetch adds no Content-Type at all. */
  readonly bytes?: boolean;
  readonly status: 403 | 415;
  readonly code: 'origin_not_allowed' | 'unsupported_media_type';
}

const FORGERIES: readonly Forgery[] = [
  {
    name: 'Origin: https://evil.example',
    headers: { origin: 'https://evil.example' },
    status: 403,
    code: 'origin_not_allowed',
  },
  { name: 'Origin: null', headers: { origin: 'null' }, status: 403, code: 'origin_not_allowed' },
  {
    name: 'Sec-Fetch-Site: cross-site',
    headers: { 'sec-fetch-site': 'cross-site' },
    status: 403,
    code: 'origin_not_allowed',
  },
  { name: 'text/plain', headers: { 'content-type': 'text/plain' }, status: 415, code: 'unsupported_media_type' },
  {
    name: 'a form (urlencoded)',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'a form (multipart)',
    headers: { 'content-type': 'multipart/form-data; boundary=x' },
    status: 415,
    code: 'unsupported_media_type',
  },
  { name: 'no Content-Type', headers: {}, bytes: true, status: 415, code: 'unsupported_media_type' },
];

describe('S6: CSRF on every state-changing endpoint', () => {
  let stack: TestStack;
  /** The client each endpoint is forged for, with the path parameters and a body it would accept. */
  let targets: Record<string, { client: Client; params: Record<string, string>; body: unknown }>;

  before(async () => {
    stack = await startStack('pglite');
    const { organisationId, administrator } = await createOrganisationWithAdministrator(stack);
    const member = await newPerson(stack, 'Fatima', 'Amrani');
    const memberId = await insertMembership(stack, organisationId, member, ['register_for_meetings']);
    const invitee = uniqueEmail('invitee');
    const invited = await administrator.client.post(`/organisations/${organisationId}/members`, {
      email: invitee,
      rights: ['register_for_meetings'],
    });
    assert.equal(invited.status, 201, invited.text);
    const invitationId = String((invited.body.invitation as { id: string }).id);
    const { token } = await invitationLink(stack, invitee);

    // Someone half-way through sign-up (code mailed) and someone half-way through a password reset.
    const signingUp = stack.client();
    const newcomer = uniqueEmail('newcomer');
    assert.equal((await signingUp.post('/signup/email', { email: newcomer })).status, 202);
    const resetting = stack.client();
    assert.equal((await resetting.post('/password/forgot', { email: member.email })).status, 202);
    const anonymous = stack.client();
    await stack.drain();

    const org = { organisationId };
    const admin = administrator.client;
    targets = {
      signupEmail: { client: anonymous, params: {}, body: { email: uniqueEmail('victim') } },
      signupCode: { client: signingUp, params: {}, body: { code: stack.smtp.codeFor(newcomer) } },
      signupCodeResend: { client: signingUp, params: {}, body: {} },
      signupAccount: {
        client: signingUp,
        params: {},
        body: { password: GOOD_PASSWORD, firstName: 'A', lastName: 'B' },
      },
      login: { client: anonymous, params: {}, body: { email: member.email, password: GOOD_PASSWORD } },
      logout: { client: admin, params: {}, body: {} },
      passwordForgot: { client: anonymous, params: {}, body: { email: administrator.email } },
      passwordCode: { client: resetting, params: {}, body: { code: stack.smtp.codeFor(member.email) } },
      passwordCodeResend: { client: resetting, params: {}, body: {} },
      passwordReset: { client: resetting, params: {}, body: { password: 'Regenboog#7731kw' } },
      // Signed in by the time the control below reaches it (signupAccount comes first).
      eherkenningStart: {
        client: signingUp,
        params: {},
        body: { supplierId: 'urn:etoegang:AD:1:entities:9001', returnTo: `${TEST_ORIGIN}/` },
      },
      inviteMember: { client: admin, params: org, body: { email: uniqueEmail('attacker'), rights: ['administer'] } },
      updateMember: { client: admin, params: { ...org, memberId }, body: { rights: ['administer'] } },
      removeMember: { client: admin, params: { ...org, memberId }, body: {} },
      withdrawInvitation: { client: admin, params: { ...org, invitationId }, body: {} },
      lookupInvitation: { client: anonymous, params: {}, body: { token } },
      acceptInvitation: {
        client: anonymous,
        params: {},
        body: { token, password: GOOD_PASSWORD, firstName: 'Mallory', lastName: 'Aanvaller' },
      },
    };
  });
  after(async () => {
    await stack?.close();
  });

  /** Sends `name` as `client` would, with `forgery`'s headers on top. */
  async function send(name: EndpointName, forgery: Forgery) {
    const { client, params, body } = targets[name]!;
    const json = JSON.stringify(body);
    const response = await fetch(`${stack.url}${API_PREFIX}${endpointPath(name, params)}`, {
      method: ENDPOINTS[name].method,
      headers: {
        origin: TEST_ORIGIN,
        'x-forwarded-for': client.ip,
        ...(client.cookie ? { cookie: client.cookie } : {}),
        ...(forgery.bytes ? {} : { 'content-type': 'application/json' }),
        ...forgery.headers,
      },
      body: forgery.bytes ? new TextEncoder().encode(json) : json,
      redirect: 'manual',
    });
    const text = await response.text();
    // Keep the client's session as a browser would (the control below signs in and rotates).
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      client.cookie = /Max-Age=0\b/.test(line) ? undefined : pair;
    }
    return {
      status: response.status,
      code: text ? (JSON.parse(text) as { code?: string }).code : undefined,
      setCookie: response.headers.getSetCookie(),
    };
  }

  it('S6: every state-changing endpoint has a target (the table covers the contract)', () => {
    assert.deepEqual(Object.keys(targets).sort(), [...STATE_CHANGING].sort());
  });

  for (const forgery of FORGERIES) {
    it(`S6: ${forgery.name} → ${forgery.status} ${forgery.code} on every state-changing endpoint, and nothing changes`, async () => {
      const before = await databaseText(stack);
      for (const name of STATE_CHANGING) {
        const answer = await send(name, forgery);
        assert.equal(answer.status, forgery.status, `${ENDPOINTS[name].method} ${ENDPOINTS[name].path}`);
        assert.equal(answer.code, forgery.code, name);
        assert.deepEqual(answer.setCookie, [], `${name}: no session cookie set, rotated or cleared`);
      }
      assert.equal(await databaseText(stack), before, 'no row of any table changed');
    });
  }

  it('S6: GET and HEAD on every POST-only path → 405 (no state change on a safe method)', async () => {
    const withGet = new Set(
      (Object.keys(ENDPOINTS) as EndpointName[])
        .filter((n) => ENDPOINTS[n].method === 'GET')
        .map((n) => ENDPOINTS[n].path),
    );
    const before = await databaseText(stack);
    for (const name of STATE_CHANGING.filter((n) => !withGet.has(ENDPOINTS[n].path))) {
      const { client, params } = targets[name]!;
      for (const method of ['GET', 'HEAD']) {
        const answer = await client.request(method, endpointPath(name, params));
        assert.equal(answer.status, 405, `${method} ${ENDPOINTS[name].path}`);
        assert.ok(answer.headers.get('allow')?.includes(ENDPOINTS[name].method), `${name}: Allow names the method`);
      }
    }
    assert.equal(await databaseText(stack), before);
  });

  it('S6: the same requests from the allowed origin as JSON do reach the endpoints (the forgeries were aimed right)', async () => {
    const allowed: Forgery = { name: 'allowed', headers: {}, status: 403, code: 'origin_not_allowed' };
    const reached: string[] = [];
    // In contract order, but the invitation is withdrawn after it was looked up and accepted, and the
    // administrator signs out last.
    const last: EndpointName[] = ['withdrawInvitation', 'logout'];
    for (const name of [...STATE_CHANGING.filter((n) => !last.includes(n)), ...last]) {
      const answer = await send(name, allowed);
      assert.ok(![401, 403, 415].includes(answer.status), `${name}: ${answer.status} ${answer.code ?? ''}`);
      reached.push(`${name} ${answer.status}`);
    }
    assert.equal(reached.length, STATE_CHANGING.length);
  });
});
