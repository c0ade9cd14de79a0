// SECURITY.md L1 (no secrets in logs), W3's server side (no secret kept where it is not needed) and R4 (sign-up
// and reset answer the same for known and unknown addresses). The whole journey — sign-up, code, account,
// eHerkenning — runs with canary values; every log line and every table (dumped as text) is searched for them.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  SIMULATED_IDENTITIES,
  SIMULATED_SUPPLIERS,
  signInAtSimulator,
  type RunningSimulator,
} from '@wij-techniek/eherkenning-sim';
import type { Queryable } from '../../src/index.ts';
import type { Answer } from '../helpers/client.ts';
import { GOOD_PASSWORD, signUp, startStack, type TestStack } from '../helpers/harness.ts';
import { startWithSimulator } from '../helpers/simulator.ts';

const PUBLIC_URL = 'http://localhost:8787';
const CALLBACK = `${PUBLIC_URL}/api/v1/eherkenning/callback`;
const EH3 = SIMULATED_IDENTITIES.find((identity) => identity.level === 'EH3')!;

/** Every user table as text, one line per row. */
async function dumpTables(db: Queryable): Promise<Record<string, string>> {
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const dump: Record<string, string> = {};
  for (const { table_name: table } of rows) {
    const content = await db.query<{ line: string }>(`SELECT t::text AS line FROM "${table}" t`);
    dump[table] = content.rows.map((row) => row.line).join('\n');
  }
  return dump;
}

/** The canaries of `secrets` found in `text`, by name. */
function hits(secrets: Record<string, string>, text: string): string[] {
  return Object.entries(secrets)
    .filter(([, value]) => value.length >= 6 && text.includes(value))
    .map(([name]) => name);
}

describe('L1 / W3 secrets of a full journey stay out of logs and stored plaintext', () => {
  let sim: RunningSimulator;
  let stack: TestStack;
  const canary = randomBytes(6).toString('hex');
  const secrets: Record<string, string> = {};
  const personal: Record<string, string> = {};

  before(async () => {
    ({ sim, stack } = await startWithSimulator('pglite', 'secrets', { env: { PUBLIC_URL } }));
    const client = stack.client();
    const email = `canary.${canary}@example.test`;
    secrets.password = `Kw9#${randomBytes(6).toString('hex')}zZ`;
    personal.firstName = `Voornaam${canary}`;
    personal.lastName = `Achternaam${canary}`;
    personal.email = email;

    assert.equal((await client.post('/signup/email', { email })).status, 202);
    await stack.drain();
    secrets.code = stack.smtp.codeFor(email);
    assert.equal((await client.post('/signup/code', { code: secrets.code })).status, 200);
    const created = await client.post('/signup/account', {
      password: secrets.password,
      firstName: personal.firstName,
      lastName: personal.lastName,
    });
    assert.equal(created.status, 201, created.text);

    const started = await client.post('/eherkenning/start', {
      supplierId: SIMULATED_SUPPLIERS[0]!.id,
      returnTo: 'http://localhost:5173/aanmelden',
    });
    assert.equal(started.status, 200, started.text);
    const authorization = new URL(String(started.body.redirectUrl));
    secrets.state = authorization.searchParams.get('state') ?? '';
    secrets.nonce = authorization.searchParams.get('nonce') ?? '';
    secrets.codeChallenge = authorization.searchParams.get('code_challenge') ?? '';
    // The verifier never travels to the browser; it goes from the server to the broker's token endpoint.
    const pending = await stack.server.context.db.query<{ code_verifier: string }>(
      'SELECT code_verifier FROM eherkenning_transactions WHERE state_hash = $1',
      [createHash('sha256').update(secrets.state).digest('hex')],
    );
    secrets.codeVerifier = pending.rows[0]?.code_verifier ?? '';
    const callback = await signInAtSimulator(authorization.href, CALLBACK, EH3.id);
    secrets.authorizationCode = callback.searchParams.get('code') ?? '';
    const back = await client.get(`${stack.url}${callback.pathname}${callback.search}`);
    assert.equal(back.status, 303);
    assert.match(back.headers.get('location') ?? '', /wt-eherkenning=verified/);
    assert.equal((await client.get('/session')).body.step, 'verified');
    await stack.drain();

    client.setCookies.forEach((cookie, index) => {
      const value = cookie.split(';')[0]!.split('=').slice(1).join('=');
      if (value) secrets[`sessionCookie${index}`] = value;
    });
    for (const [name, value] of Object.entries(secrets)) assert.ok(value.length >= 6, `captured ${name}`);
  });

  after(async () => {
    await stack?.close();
    await sim?.close();
  });

  it('no log line holds a password, code, session id, state, nonce, PKCE value or authorization code', () => {
    const found = stack.logs.flatMap((line) => hits(secrets, line).map((name) => `${name} in ${line.slice(0, 160)}`));
    assert.deepEqual(found, []);
    assert.ok(stack.logs.length >= 5, `the journey was logged (${stack.logs.length} lines)`);
  });

  it('no log line holds the address or the names (addresses are pseudonymised)', () => {
    assert.deepEqual(
      stack.logs.flatMap((line) => hits(personal, line).map((name) => `${name} in ${line.slice(0, 160)}`)),
      [],
    );
  });

  it('no table holds the password, the code or a session id in clear (after the mail left over SMTP)', async () => {
    const dump = await dumpTables(stack.server.context.db);
    const { password, code } = secrets;
    const cookies = Object.fromEntries(Object.entries(secrets).filter(([name]) => name.startsWith('sessionCookie')));
    const found = Object.entries(dump).flatMap(([table, text]) =>
      hits({ password: password!, code: code!, ...cookies }, text).map((name) => `${name} in ${table}`),
    );
    assert.deepEqual(found, []);
  });

  it('no table keeps the eHerkenning state, nonce or PKCE verifier in clear once the transaction is consumed', async () => {
    const dump = await dumpTables(stack.server.context.db);
    const { state, nonce, codeVerifier } = secrets;
    const found = Object.entries(dump).flatMap(([table, text]) =>
      hits({ state: state!, nonce: nonce!, codeVerifier: codeVerifier! }, text).map((name) => `${name} in ${table}`),
    );
    assert.deepEqual(found, []);
  });
});

/**
 * The parts of an answer that may differ between two people: the date, the session cookie's value and the
 * request id (a fresh UUID each time, so always of one shape and length).
 */
function comparable(answer: Answer, email: string) {
  const headers = [...answer.headers.entries()]
    .filter(([name]) => name !== 'date' && name !== 'set-cookie')
    .map(([name, value]) => [name, name === 'x-request-id' ? value.replace(/^[0-9a-f-]{36}$/, '<uuid>') : value])
    .sort(([a], [b]) => a!.localeCompare(b!));
  const cookies = answer.headers.getSetCookie().map((cookie) => cookie.replace(/=[^;]*/, '=<value>'));
  return { status: answer.status, headers, cookies, body: answer.text.split(email).join('<address>') };
}

/** Addresses of one length, so that even Content-Length cannot tell two answers apart. */
const address = (tag: string) => `r4-${tag}-${randomBytes(4).toString('hex')}@example.test`;

describe('R4 sign-up and reset answer identically for known and unknown addresses', () => {
  let stack: TestStack;
  let known: string;
  before(async () => {
    stack = await startStack('pglite');
    known = await signUp(stack, stack.client(), { email: address('a') });
  });
  after(async () => {
    await stack?.close();
  });

  it('POST /signup/email: same status, headers (but Date and the cookie value) and body; only the mail differs', async () => {
    const unknown = address('b');
    const forKnown = await stack.client().post('/signup/email', { email: known });
    const forUnknown = await stack.client().post('/signup/email', { email: unknown });
    assert.equal(forKnown.status, 202);
    assert.deepEqual(comparable(forKnown, known), comparable(forUnknown, unknown));
    await stack.drain();
    assert.doesNotMatch(stack.smtp.to(known).at(-1)!.subject, /\b[0-9]{6}\b/, 'the known address gets no code');
    assert.match(stack.smtp.to(unknown).at(-1)!.subject, /\b[0-9]{6}\b/, 'the new address gets its code');
  });

  it('POST /password/forgot: the same answer for a known and an unknown address', async () => {
    const unknown = address('c');
    const forKnown = await stack.client().post('/password/forgot', { email: known });
    const forUnknown = await stack.client().post('/password/forgot', { email: unknown });
    assert.equal(forKnown.status, 202);
    assert.deepEqual(comparable(forKnown, known), comparable(forUnknown, unknown));
  });

  it('POST /login: a wrong password and an unknown address get the same problem', async () => {
    const unknown = address('d');
    const wrong = await stack.client().post('/login', { email: known, password: `${GOOD_PASSWORD}x` });
    const missing = await stack.client().post('/login', { email: unknown, password: `${GOOD_PASSWORD}x` });
    assert.equal(wrong.status, 401);
    assert.deepEqual(comparable(wrong, known), comparable(missing, unknown));
  });
});
