// SECURITY.md F7: every external dependency fails closed. With the database gone or read-only, requests get a
// clear problem (503 service_unavailable), nothing is accepted on a partial check (a code whose attempt cannot be
// recorded is not accepted), and the server recovers by itself when the database is back.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createServer, type RunningServer } from '../../src/index.ts';
import { Client, randomIp, type Answer } from '../helpers/client.ts';
import { TestClock } from '../helpers/clock.ts';
import { DATABASE_URL, PG_SKIP, TEST_SECRET, uniqueEmail } from '../helpers/harness.ts';
import { SmtpSink } from '../helpers/smtp-sink.ts';
import { OwnDatabase } from './helpers/own-database.ts';
import { assertNoLeak } from './helpers/leaks.ts';

/** A server on `env`'s database with a real SMTP sink, a test clock and drained-by-hand mail. */
async function startOn(env: Record<string, string>) {
  const smtp = await new SmtpSink().start();
  const clock = new TestClock();
  const logs: string[] = [];
  const server = await createServer({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      PUBLIC_URL: 'http://localhost:8787',
      ALLOWED_ORIGINS: 'http://localhost:5173',
      TRUSTED_PROXIES: '127.0.0.1,::1',
      SECRET: TEST_SECRET,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Wij Techniek <noreply@wij-techniek.test>',
      SHUTDOWN_DRAIN: '0',
      ...env,
    },
    clock: clock.now,
    log: (line) => logs.push(line),
    scrypt: { ln: 10, r: 8, p: 1 },
    mailWorker: false,
  });
  return { server, smtp, clock, logs };
}

/**
 * Answers given while a dependency was down, for the 503 check below. SECURITY.md F7 and the brief ask for
 * `503 service_unavailable` ("try again in a few minutes"); `app.ts` maps outages to it.
 */
const outageAnswers: { what: string; answer: Answer }[] = [];

/** The answer fails closed: an error problem (never a success), without internals. Kept for the 503 check. */
function assertFailsClosed(answer: Answer, what: string) {
  assert.ok(answer.status >= 500, `${what}: an error, not ${answer.status} ${answer.text}`);
  assert.match(answer.headers.get('content-type') ?? '', /application\/problem\+json/, what);
  assert.ok(['service_unavailable', 'internal_error'].includes(String(answer.body.code)), what);
  assertNoLeak(answer.text, what);
  outageAnswers.push({ what, answer });
}

/** A person at the code step, with the code from the mail. */
async function atCodeStep(server: RunningServer, smtp: SmtpSink) {
  const email = uniqueEmail('f7');
  const client = new Client(server.url, randomIp());
  assert.equal((await client.post('/signup/email', { email })).status, 202);
  await server.outbox.drain();
  return { client, email, code: smtp.codeFor(email) };
}

async function flowState(server: RunningServer, email: string) {
  const { rows } = await server.context.db.query<{ attempts: number; verified_at: Date | null }>(
    'SELECT attempts, verified_at FROM flows WHERE email = $1',
    [email],
  );
  return rows[0]!;
}

describe('F7 PostgreSQL gone or read-only', { skip: DATABASE_URL ? false : PG_SKIP }, () => {
  let database: OwnDatabase;
  let stack: Awaited<ReturnType<typeof startOn>>;
  before(async () => {
    database = await OwnDatabase.create();
    stack = await startOn({ DATABASE_URL: database.url });
  });
  after(async () => {
    await stack?.server.close();
    await stack?.smtp.stop();
    await database?.drop();
  });

  it('read-only: a correct code is not accepted when its attempt cannot be recorded, then it recovers', async () => {
    const { server, smtp } = stack;
    const person = await atCodeStep(server, smtp);
    await database.readOnly(true);
    try {
      assertFailsClosed(await person.client.post('/signup/code', { code: person.code }), 'code while read-only');
      assertFailsClosed(
        await new Client(server.url).post('/signup/email', { email: uniqueEmail('ro') }),
        'sign-up start while read-only',
      );
    } finally {
      await database.readOnly(false);
    }
    const state = await flowState(server, person.email);
    assert.equal(state.verified_at, null, 'the code was not accepted');
    assert.equal(state.attempts, 0, 'no attempt was half-recorded');
    const answer = await person.client.post('/signup/code', { code: person.code });
    assert.equal(answer.status, 200, `recovered by itself: ${answer.text}`);
  });

  it('gone: fails closed (readyz 503, healthz stays up), accepts nothing, and recovers when it is back', async () => {
    const { server, smtp } = stack;
    const person = await atCodeStep(server, smtp);
    await database.goDown();
    try {
      assertFailsClosed(await person.client.post('/signup/code', { code: person.code }), 'code while gone');
      assertFailsClosed(await person.client.get('/session'), 'session while gone');
      assertFailsClosed(
        await new Client(server.url).post('/login', { email: person.email, password: 'Zonnebloem#2024x' }),
        'login while gone',
      );
      const ready = await person.client.get('/readyz');
      assert.equal(ready.status, 503);
      assert.equal((await person.client.get('/healthz')).status, 200, 'the process itself is alive');
    } finally {
      await database.comeBack();
    }
    assert.equal((await person.client.get('/readyz')).status, 200);
    const state = await flowState(server, person.email);
    assert.equal(state.verified_at, null, 'nothing was accepted while the database was gone');
    const answer = await person.client.post('/signup/code', { code: person.code });
    assert.equal(answer.status, 200, `recovered by itself: ${answer.text}`);
  });
});

describe('F7 PGlite closed under a running server', () => {
  let stack: Awaited<ReturnType<typeof startOn>>;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wt-reliability-f7-'));
    stack = await startOn({ DATA_DIR: dir });
  });
  after(async () => {
    await stack?.server.close();
    await stack?.smtp.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails closed: an error problem, no code accepted, the process stays alive', async () => {
    const { server, smtp } = stack;
    const person = await atCodeStep(server, smtp);
    await server.context.db.close();
    assertFailsClosed(await person.client.post('/signup/code', { code: person.code }), 'code with PGlite closed');
    assertFailsClosed(await new Client(server.url).post('/signup/email', { email: uniqueEmail() }), 'sign-up start');
    assert.equal((await person.client.get('/readyz')).status, 503);
    assert.equal((await person.client.get('/healthz')).status, 200);
  });
});

describe('F7 outage answers say "try again later"', () => {
  it('every answer given during an outage is 503 service_unavailable', () => {
    assert.ok(outageAnswers.length > 0, 'the outage tests ran');
    for (const { what, answer } of outageAnswers) {
      assert.equal(answer.status, 503, `${what}: ${answer.text}`);
      assert.equal(answer.body.code, 'service_unavailable', what);
    }
  });
});
