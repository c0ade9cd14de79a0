import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RouteModule } from '../../src/index.ts';
import { hashSessionId, newSessionId } from '../../src/sessions/session-id.ts';
import type { Client } from '../helpers/client.ts';
import { eachBackend, GOOD_PASSWORD, signUp, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';

/** A route that needs a signed-in account, as the eHerkenning and organisation routes will. */
const whoami: RouteModule = {
  name: 'test-whoami',
  register(api, ctx) {
    api.get('/test/whoami', (c) => c.json({ account: ctx.sessions.requireAccount(c).accountId }));
  },
};

const cookieValue = (client: Client) => client.cookie!.slice(client.cookie!.indexOf('=') + 1);

describe('S1 session ids', () => {
  it('S1: ids are ≥128 bits of base64url, unique over 10^5, stored only as SHA-256', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 100_000; i++) ids.add(newSessionId());
    assert.equal(ids.size, 100_000);
    const id = newSessionId();
    assert.match(id, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(hashSessionId(id), id);
  });
});

eachBackend('sessions', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend, { routes: [whoami] });
  });
  after(async () => {
    await stack?.close();
  });

  it('S1/S2: the cookie is opaque, HttpOnly, SameSite=Lax, Path=/, without Domain, and names no person', async () => {
    const client = stack.client();
    const email = await signUp(stack, client, { firstName: 'Berendina', lastName: 'Kwakkelstein' });
    for (const cookie of client.setCookies) {
      assert.match(cookie, /^wt_session=/);
      assert.match(cookie, /; HttpOnly/);
      assert.match(cookie, /; SameSite=Lax/);
      assert.match(cookie, /; Path=\//);
      assert.doesNotMatch(cookie, /Domain=/i);
      assert.doesNotMatch(cookie, /; Secure/, 'http PUBLIC_URL: no Secure');
    }
    const value = cookieValue(client);
    assert.ok(value.length >= 22);
    for (const personal of [email, 'Berendina', 'Kwakkelstein', email.split('@')[0]!])
      assert.ok(!value.includes(personal));
    const { rows } = await stack.server.context.db.query<{ id_hash: string }>('SELECT id_hash FROM sessions');
    assert.ok(!rows.some((row) => row.id_hash === value), 'the cookie value is not stored');
  });

  it('S3: a new id at sign-up completion and at sign-in; the previous ids no longer work', async () => {
    const client = stack.client();
    const email = uniqueEmail();
    await client.post('/signup/email', { email });
    const anonymous = client.cookie!;
    await stack.drain();
    await client.post('/signup/code', { code: stack.smtp.codeFor(email) });
    assert.equal(client.cookie, anonymous, 'the code step keeps the anonymous session');
    await client.post('/signup/account', { password: GOOD_PASSWORD, firstName: 'Anna', lastName: 'Jansen' });
    const created = client.cookie;
    assert.notEqual(created, anonymous);
    const signIn = await client.post('/login', { email, password: GOOD_PASSWORD });
    assert.equal(signIn.status, 200);
    const signedIn = client.cookie;
    assert.notEqual(signedIn, created);
    assert.equal((await client.get('/test/whoami')).status, 200);
    for (const old of [anonymous, created]) {
      const replay = stack.client();
      replay.cookie = old;
      assert.equal((await replay.get('/test/whoami')).status, 401);
      assert.equal((await replay.get('/session')).body.account, null);
    }
  });

  it('S3: a planted cookie never becomes a signed-in session (no fixation)', async () => {
    const email = await signUp(stack, stack.client());
    const victim = stack.client();
    victim.cookie = `wt_session=${newSessionId()}`;
    const planted = victim.cookie;
    await victim.post('/login', { email, password: GOOD_PASSWORD });
    assert.notEqual(victim.cookie, planted);
    const attacker = stack.client();
    attacker.cookie = planted;
    assert.equal((await attacker.get('/test/whoami')).status, 401);
  });

  it('S4: idle timeout + 1 s → 401 session_expired, even with the cookie’s Max-Age ignored', async () => {
    const client = stack.client();
    await signUp(stack, client);
    stack.clock.advance(29 * 60);
    assert.equal((await client.get('/test/whoami')).status, 200, 'activity within the idle time');
    const kept = client.cookie!;
    stack.clock.advance(30 * 60 + 1);
    const replay = stack.client(client.ip);
    replay.cookie = kept;
    const answer = await replay.get('/test/whoami');
    assert.equal(answer.status, 401);
    assert.equal(answer.body.code, 'session_expired');
    const again = stack.client();
    again.cookie = kept;
    assert.equal((await again.get('/test/whoami')).body.code, 'not_signed_in', 'the expired session is gone');
  });

  it('S4: absolute timeout + 1 s with continuous activity → 401', async () => {
    const client = stack.client();
    await signUp(stack, client);
    const kept = client.cookie!;
    for (let minutes = 0; minutes < 12 * 60; minutes += 20) {
      stack.clock.advance(20 * 60);
      const replay = stack.client(client.ip);
      replay.cookie = kept;
      const answer = await replay.get('/test/whoami');
      if (minutes + 20 < 12 * 60) assert.equal(answer.status, 200, `still signed in after ${minutes + 20} minutes`);
    }
    stack.clock.advance(1);
    const replay = stack.client(client.ip);
    replay.cookie = kept;
    assert.equal((await replay.get('/test/whoami')).status, 401);
  });

  it('S5: logout ends the session on the server; replaying the cookie → 401', async () => {
    const client = stack.client();
    await signUp(stack, client);
    const kept = client.cookie!;
    const out = await client.post('/logout');
    assert.equal(out.status, 204);
    assert.ok(out.headers.getSetCookie().some((c) => /Max-Age=0/.test(c)));
    const replay = stack.client();
    replay.cookie = kept;
    assert.equal((await replay.get('/test/whoami')).status, 401);
    assert.equal((await replay.get('/session')).body.step, null);
  });

  it('GET /session without a cookie: step null, nothing created', async () => {
    const answer = await stack.client().get('/session');
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, {
      step: null,
      account: null,
      memberships: [],
      flow: null,
      endedFlow: null,
      eherkenning: null,
      expiresAt: null,
      extendable: false,
    });
    assert.equal(answer.headers.getSetCookie().length, 0);
  });

  it('L1/L2: a whole flow logs its security events and never a password, code, cookie or address', async () => {
    const client = stack.client();
    const password = 'Kanarie#Zang9841';
    const email = uniqueEmail('canary');
    const from = stack.logs.length;
    await signUp(stack, client, { email, password });
    const code = stack.smtp.codeFor(email);
    await client.post('/login', { email, password: 'Verkeerd#Wachtwoord1' });
    await client.post('/login', { email, password });
    const cookie = cookieValue(client);
    const lines = stack.logs.slice(from);
    const text = lines.join('\n');
    for (const secret of [password, code, cookie, email, 'Verkeerd#Wachtwoord1']) {
      assert.ok(!text.includes(secret), `log contains a secret: ${secret.slice(0, 3)}…`);
    }
    const events = lines.map((line) => (JSON.parse(line) as { event: string }).event);
    for (const event of [
      'code_issued',
      'code_verified',
      'account_created',
      'login_failed',
      'login_succeeded',
      'mail_sent',
    ]) {
      assert.ok(events.includes(event), `logged ${event}`);
    }
    for (const line of lines) {
      const record = JSON.parse(line) as { time: string; level: string; event: string };
      assert.ok(record.time && record.level && record.event, 'every line is a structured record');
    }
  });
});

describe('S2 on https', () => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack('pglite', { env: { PUBLIC_URL: 'https://onboarding.example.test' } });
  });
  after(async () => {
    await stack?.close();
  });

  it('S2: __Host- prefix and Secure when PUBLIC_URL is https; HSTS on every answer', async () => {
    const client = stack.client();
    const answer = await client.post('/signup/email', { email: uniqueEmail() });
    const [cookie] = answer.headers.getSetCookie();
    assert.match(
      cookie!,
      /^__Host-wt_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/,
    );
    assert.equal(answer.headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains');
    assert.equal((await client.get('/session')).body.step, 'code', 'the __Host- cookie is read back');
  });
});
