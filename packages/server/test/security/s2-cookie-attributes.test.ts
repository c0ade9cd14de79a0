import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  SIMULATED_IDENTITIES,
  SIMULATED_SUPPLIERS,
  signInAtSimulator,
  type RunningSimulator,
} from '@wij-techniek/eherkenning-sim';
import type { Client } from '../helpers/client.ts';
import { GOOD_PASSWORD, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import { startWithSimulator } from '../helpers/simulator.ts';

// SECURITY.md S2 asks for every Set-Cookie of the full flow to carry `__Host-`, Secure, HttpOnly, Path=/, no
// Domain and SameSite=Lax|Strict. The browser e2e run serves http://localhost, where the server rightly leaves
// out `__Host-` and Secure; so the whole journey runs here with an https PUBLIC_URL, through every answer that
// sets, rotates or clears the session cookie: sign-up, eHerkenning, sign-out, sign-in, password reset, an
// unknown cookie and an expired session. The attributes do not depend on the database: PGlite only.

const PUBLIC_URL = 'https://onboarding.example.test';
const CALLBACK = `${PUBLIC_URL}/api/v1/eherkenning/callback`;
const EH3 = SIMULATED_IDENTITIES.find((identity) => identity.level === 'EH3')!;

/** One `Set-Cookie` line and the request that brought it. */
interface Seen {
  readonly step: string;
  readonly line: string;
}

describe('S2: every Set-Cookie of the full flow on https', () => {
  let sim: RunningSimulator;
  let stack: TestStack;
  const seen: Seen[] = [];

  before(async () => {
    ({ sim, stack } = await startWithSimulator('pglite', 's2', { env: { PUBLIC_URL } }));
  });
  after(async () => {
    await stack?.close();
    await sim?.close();
  });

  /** Runs `request` on `client` and keeps the Set-Cookie lines it brought, named `step`. */
  async function step<T>(client: Client, name: string, request: () => Promise<T>): Promise<T> {
    const from = client.setCookies.length;
    const result = await request();
    for (const line of client.setCookies.slice(from)) seen.push({ step: name, line });
    return result;
  }

  it('S2: sign-up, eHerkenning, sign-out, sign-in, reset, unknown and expired cookies: all __Host-, Secure, HttpOnly, Path=/, host-only, SameSite', async () => {
    const client = stack.client();
    const email = uniqueEmail('s2');
    await step(client, 'signup/email', () => client.post('/signup/email', { email }));
    await stack.drain();
    await step(client, 'signup/code', () => client.post('/signup/code', { code: stack.smtp.codeFor(email) }));
    await step(client, 'signup/account', () =>
      client.post('/signup/account', { password: GOOD_PASSWORD, firstName: 'Anna', lastName: 'Jansen' }),
    );
    const started = await step(client, 'eherkenning/start', () =>
      client.post('/eherkenning/start', { supplierId: SIMULATED_SUPPLIERS[0]!.id, returnTo: `${PUBLIC_URL}/` }),
    );
    assert.equal(started.status, 200, started.text);
    const callback = await signInAtSimulator(String(started.body.redirectUrl), CALLBACK, EH3.id);
    const verified = await step(client, 'eherkenning/callback', () =>
      client.get(`${stack.url}${callback.pathname}${callback.search}`),
    );
    assert.equal(new URL(verified.headers.get('location')!).searchParams.get('wt-eherkenning'), 'verified');
    await step(client, 'logout', () => client.post('/logout'));
    await step(client, 'login', () => client.post('/login', { email, password: GOOD_PASSWORD }));

    const resetting = stack.client();
    await step(resetting, 'password/forgot', () => resetting.post('/password/forgot', { email }));
    await stack.drain();
    await step(resetting, 'password/code', () => resetting.post('/password/code', { code: stack.smtp.codeFor(email) }));
    const reset = await step(resetting, 'password/reset', () =>
      resetting.post('/password/reset', { password: 'Regenboog#7731kw' }),
    );
    assert.equal(reset.status, 200, reset.text);

    const stranger = stack.client();
    stranger.cookie = `__Host-wt_session=${'A'.repeat(43)}`;
    await step(stranger, 'unknown cookie', () => stranger.get('/session'));

    stack.clock.advance(31 * 60);
    await step(resetting, 'expired session', () => resetting.get('/session'));

    // Every kind of answer that touches the cookie was seen: set, rotated at each sign-in, cleared.
    const steps = new Set(seen.map((cookie) => cookie.step));
    for (const expected of [
      'signup/email',
      'signup/account',
      'eherkenning/callback',
      'logout',
      'login',
      'password/forgot',
      'password/reset',
      'unknown cookie',
      'expired session',
    ]) {
      assert.ok(steps.has(expected), `no Set-Cookie seen at ${expected}`);
    }

    for (const { step: name, line } of seen) {
      const [pair = '', ...rest] = line.split(';').map((part) => part.trim());
      const attributes = rest.map((attribute) => attribute.toLowerCase());
      const where = `${name}: ${line}`;
      assert.match(pair, /^__Host-wt_session=(?:[A-Za-z0-9_-]{43})?$/, `name and value, ${where}`);
      assert.ok(attributes.includes('secure'), `Secure missing, ${where}`);
      assert.ok(attributes.includes('httponly'), `HttpOnly missing, ${where}`);
      assert.ok(attributes.includes('path=/'), `Path=/ missing, ${where}`);
      assert.ok(!attributes.some((attribute) => attribute.startsWith('domain=')), `a Domain, ${where}`);
      assert.ok(
        attributes.some((attribute) => attribute === 'samesite=lax' || attribute === 'samesite=strict'),
        `SameSite=Lax|Strict missing, ${where}`,
      );
    }
  });
});
