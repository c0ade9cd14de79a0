// SECURITY.md L1: no secrets in logs. The full flow runs with unique canary values — sign-up (code, password), a
// wrong and a right sign-in, a password reset (code, new password), eHerkenning (state, nonce, PKCE challenge and
// verifier, authorization code, the broker's ID and access tokens) and an invitation (link token, the invitee's
// password) — and every log sink of the process is searched: the logger, and anything written to stdout, stderr
// or the console meanwhile. Session ids may appear only hashed: no cookie value may show (records name a session
// by its row id; the cookie is stored as its SHA-256). reliability/secrets.test.ts
// covers the sign-up and eHerkenning part and the stored tables; this adds the tokens, the other flows and sinks.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { format } from 'node:util';
import {
  SIMULATED_IDENTITIES,
  SIMULATED_SUPPLIERS,
  signInAtSimulator,
  type RunningSimulator,
} from '@wij-techniek/eherkenning-sim';
import type { Client } from '../helpers/client.ts';
import type { TestStack } from '../helpers/harness.ts';
import { startWithSimulator } from '../helpers/simulator.ts';
import { invitationLink } from '../organisations/helpers.ts';

const PUBLIC_URL = 'http://localhost:8787';
const CALLBACK = `${PUBLIC_URL}/api/v1/eherkenning/callback`;
const JAN = SIMULATED_IDENTITIES.find((identity) => identity.id === 'jan-de-vries')!;

/** A password the business policy accepts, unique to this run. */
const canaryPassword = () => `Kw9#${randomBytes(6).toString('hex')}zZ`;

/**
 * Everything written to stdout, stderr and the console while `run` runs, besides being written as usual. The
 * server's own logger goes to the test stack; this catches what any other part (a library, a stray console.log)
 * writes.
 */
class OutputTap {
  readonly lines: string[] = [];
  readonly #restore: (() => void)[] = [];

  start(): void {
    for (const stream of [process.stdout, process.stderr]) {
      const own = Object.getOwnPropertyDescriptor(stream, 'write');
      const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
      stream.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
        this.lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return write(chunk, ...rest);
      };
      this.#restore.push(() => {
        if (own) Object.defineProperty(stream, 'write', own);
        else Reflect.deleteProperty(stream, 'write');
      });
    }
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const own = Object.getOwnPropertyDescriptor(console, method)!;
      const original = console[method].bind(console);
      console[method] = (...args: unknown[]) => {
        this.lines.push(format(...args));
        original(...args);
      };
      this.#restore.push(() => Object.defineProperty(console, method, own));
    }
  }

  stop(): void {
    for (const restore of this.#restore.splice(0).reverse()) restore();
  }
}

/** The broker's token answers the server received: wraps `fetch`, which the relying party uses. */
function tapTokenAnswers(issuerOrigin: string, into: Record<string, string>[]): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const response = await original(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin === issuerOrigin && (init?.method ?? (input instanceof Request ? input.method : 'GET')) === 'POST') {
      const body = (await response
        .clone()
        .json()
        .catch(() => undefined)) as Record<string, unknown> | undefined;
      if (body && typeof body.id_token === 'string') {
        into.push(
          Object.fromEntries(
            Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
          ),
        );
      }
    }
    return response;
  };
  return () => {
    globalThis.fetch = original;
  };
}

describe('L1 canaries of every flow stay out of every log sink', () => {
  let sim: RunningSimulator;
  let stack: TestStack;
  const tap = new OutputTap();
  const tokenAnswers: Record<string, string>[] = [];
  let untapFetch: () => void = () => {};
  const canaries: Record<string, string> = {};
  const cookies: string[] = [];

  /** Notes every session cookie value the client got so far. */
  function keepCookies(client: Client) {
    for (const line of client.setCookies) {
      const value = line.split(';')[0]!.split('=').slice(1).join('=');
      if (value && !cookies.includes(value)) cookies.push(value);
    }
  }

  before(async () => {
    ({ sim, stack } = await startWithSimulator('pglite', 'l1', { env: { PUBLIC_URL } }));
    untapFetch = tapTokenAnswers(new URL(sim.issuer).origin, tokenAnswers);
    tap.start();
    try {
      await journey();
    } finally {
      tap.stop();
      untapFetch();
    }
  });
  after(async () => {
    tap.stop();
    untapFetch();
    await stack?.close();
    await sim?.close();
  });

  async function journey() {
    const tag = randomBytes(5).toString('hex');
    const email = `l1.${tag}@example.test`;

    // Sign-up.
    const jan = stack.client();
    assert.equal((await jan.post('/signup/email', { email })).status, 202);
    await stack.drain();
    canaries.signupCode = stack.smtp.codeFor(email);
    assert.equal((await jan.post('/signup/code', { code: canaries.signupCode })).status, 200);
    canaries.password = canaryPassword();
    const created = await jan.post('/signup/account', {
      password: canaries.password,
      firstName: 'Jan',
      lastName: 'de Vries',
    });
    assert.equal(created.status, 201, created.text);
    keepCookies(jan);

    // eHerkenning: every value of the round trip.
    const started = await jan.post('/eherkenning/start', {
      supplierId: SIMULATED_SUPPLIERS[0]!.id,
      returnTo: 'http://localhost:5173/aanmelden',
    });
    assert.equal(started.status, 200, started.text);
    const authorization = new URL(String(started.body.redirectUrl));
    canaries.state = authorization.searchParams.get('state')!;
    canaries.nonce = authorization.searchParams.get('nonce')!;
    canaries.codeChallenge = authorization.searchParams.get('code_challenge')!;
    const pending = await stack.server.context.db.query<{ code_verifier: string }>(
      'SELECT code_verifier FROM eherkenning_transactions WHERE state_hash = $1',
      [createHash('sha256').update(canaries.state).digest('hex')],
    );
    canaries.codeVerifier = pending.rows[0]!.code_verifier;
    const callback = await signInAtSimulator(authorization.href, CALLBACK, JAN.id);
    canaries.authorizationCode = callback.searchParams.get('code')!;
    const back = await jan.get(`${stack.url}${callback.pathname}${callback.search}`);
    assert.match(back.headers.get('location') ?? '', /wt-eherkenning=verified/);
    keepCookies(jan);
    assert.equal(tokenAnswers.length, 1, 'the broker’s token answer was seen');
    for (const [name, value] of Object.entries(tokenAnswers[0]!)) {
      if (name.endsWith('_token')) canaries[name] = value;
    }

    // Sign-in: a wrong password (often one typo away from the real one), then the right one.
    const device = stack.client();
    canaries.wrongPassword = `${canaries.password}x`;
    assert.equal((await device.post('/login', { email, password: canaries.wrongPassword })).status, 401);
    assert.equal((await device.post('/login', { email, password: canaries.password })).status, 200);
    keepCookies(device);

    // Password reset.
    const forgot = stack.client();
    assert.equal((await forgot.post('/password/forgot', { email })).status, 202);
    await stack.drain();
    canaries.resetCode = stack.smtp.codeFor(email);
    assert.equal((await forgot.post('/password/code', { code: canaries.resetCode })).status, 200);
    canaries.newPassword = canaryPassword();
    const reset = await forgot.post('/password/reset', { password: canaries.newPassword });
    assert.equal(reset.status, 200, reset.text);
    keepCookies(forgot);

    // An invitation, accepted by a new person who chooses a password.
    const session = await forgot.get('/session');
    const organisationId = session.body.memberships![0]!.organisation.id;
    const invitee = `l1-invitee.${tag}@example.test`;
    const invited = await forgot.post(`/organisations/${organisationId}/members`, {
      email: invitee,
      rights: ['register_for_meetings'],
    });
    assert.equal(invited.status, 201, invited.text);
    canaries.invitationToken = (await invitationLink(stack, invitee)).token;
    const colleague = stack.client();
    canaries.inviteePassword = canaryPassword();
    const accepted = await colleague.post('/invitations/accept', {
      token: canaries.invitationToken,
      password: canaries.inviteePassword,
      firstName: 'Eva',
      lastName: 'Bos',
    });
    assert.equal(accepted.status, 200, accepted.text);
    keepCookies(colleague);
    await stack.drain();

    cookies.forEach((value, index) => {
      canaries[`sessionId${index}`] = value;
    });
  }

  /** The canaries found in `lines`, with where. */
  function leaks(lines: readonly string[]): string[] {
    return lines.flatMap((line) =>
      Object.entries(canaries)
        .filter(([, value]) => line.includes(value))
        .map(([name]) => `${name} in: ${line.slice(0, 200)}`),
    );
  }

  it('L1: the canaries were all captured (codes, passwords, eHerkenning values, tokens, session ids)', () => {
    for (const name of [
      'signupCode',
      'password',
      'state',
      'nonce',
      'codeChallenge',
      'codeVerifier',
      'authorizationCode',
      'id_token',
      'access_token',
      'wrongPassword',
      'resetCode',
      'newPassword',
      'invitationToken',
      'inviteePassword',
    ]) {
      assert.ok((canaries[name]?.length ?? 0) >= 6, `captured ${name}`);
    }
    assert.ok(cookies.length >= 4, `session ids captured: ${cookies.length}`);
  });

  it('L1: no line of the server’s log holds any canary', () => {
    assert.ok(stack.logs.length >= 20, `the flows were logged (${stack.logs.length} lines)`);
    assert.deepEqual(leaks(stack.logs), []);
  });

  it('L1: nothing written to stdout, stderr or the console meanwhile holds any canary', () => {
    assert.deepEqual(leaks(tap.lines), []);
  });

  it('L1: a session is named in the log by its row id, never by its cookie value', () => {
    const sessionFields = stack.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .flatMap((record) => (typeof record.session === 'string' ? [record.session] : []));
    assert.ok(sessionFields.length > 0, 'sessions are named in the log');
    for (const field of sessionFields) assert.ok(!cookies.includes(field), 'a session id in clear');
  });
});
