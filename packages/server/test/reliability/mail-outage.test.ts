// SECURITY.md F6 (and F7 for SMTP): mail leaves through a transactional outbox, so a mail server that is down
// delays mail and loses none. Time moves through the injected clock and the outbox's drain(), not by waiting.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_OUTBOX_SETTINGS, createServer, type RunningServer } from '../../src/index.ts';
import { Client, randomIp } from '../helpers/client.ts';
import { TestClock } from '../helpers/clock.ts';
import { DATABASE_URL, eachBackend, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import { ChildServer, childEnv } from './helpers/child-server.ts';
import { HoldingSmtp } from './helpers/holding-smtp.ts';
import { childStorage, type ChildStorage } from './helpers/storage.ts';

const { maxAttempts, maxBackoffSeconds } = DEFAULT_OUTBOX_SETTINGS;

async function outboxStatus(stack: TestStack, address: string) {
  const { rows } = await stack.server.context.db.query<{ status: string; attempts: number }>(
    'SELECT status, attempts FROM outbox WHERE to_address = $1',
    [address],
  );
  return rows;
}

eachBackend('F6 mail outage', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend);
  });
  after(async () => {
    await stack.close();
  });

  it('SMTP down for two minutes: sign-ups answer 202, and after it returns every queued mail arrives exactly once', async () => {
    const port = stack.smtp.port;
    await stack.smtp.stop();
    const people = Array.from({ length: 8 }, () => ({ email: uniqueEmail('outage'), client: stack.client() }));
    for (const person of people) {
      const answer = await person.client.post('/signup/email', { email: person.email });
      assert.equal(answer.status, 202, `sign-up answers while SMTP is down: ${answer.text}`);
    }
    // Two minutes of outage in clock time: every try in it fails and is put back with a backoff.
    for (let second = 0; second < 120; second += 30) {
      await stack.drain();
      stack.clock.advance(30);
    }
    for (const person of people) {
      const rows = await outboxStatus(stack, person.email);
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.status, 'queued', 'still queued, not lost and not abandoned');
      assert.ok(rows[0]!.attempts >= 2, `retried during the outage (attempts ${rows[0]!.attempts})`);
    }
    assert.ok(stack.logs.some((line) => line.includes('"event":"mail_failed"')));
    assert.equal(stack.smtp.mails.length, 0);

    // Back up: the next retry falls within the backoff (a few minutes), inside the codes' ten-minute lifetime.
    await stack.smtp.start(port);
    stack.clock.advance(300);
    await stack.drain();
    stack.clock.advance(60);
    await stack.drain();
    for (const person of people) {
      assert.equal(stack.smtp.to(person.email).length, 1, `exactly one mail to ${person.email}`);
      const verified = await person.client.post('/signup/code', { code: stack.smtp.codeFor(person.email) });
      assert.equal(verified.status, 200, 'the delayed code still works');
    }
  });

  it(`a mail refused ${maxAttempts} times is abandoned and logged as mail_abandoned; nothing sends it later`, async () => {
    const email = uniqueEmail('abandon');
    stack.smtp.failing = true;
    try {
      assert.equal((await stack.client().post('/signup/email', { email })).status, 202);
      for (let attempt = 0; attempt < maxAttempts + 2; attempt++) {
        await stack.drain();
        stack.clock.advance(maxBackoffSeconds);
      }
    } finally {
      stack.smtp.failing = false;
    }
    assert.deepEqual(await outboxStatus(stack, email), [{ status: 'abandoned', attempts: maxAttempts }]);
    const record = stack.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.event === 'mail_abandoned' && entry.attempts === maxAttempts);
    assert.ok(record, 'an error record mail_abandoned names the mail');
    assert.equal(record.level, 'error');
    assert.doesNotMatch(JSON.stringify(record), new RegExp(email.replace(/[.]/g, '\\.')), 'the address is not logged');
    stack.clock.advance(maxBackoffSeconds);
    await stack.drain();
    assert.equal(stack.smtp.to(email).length, 0, 'an abandoned mail is not sent later');
  });
});

// The worker killed mid-send needs a real process to kill: the CLI as a child, on PostgreSQL when DATABASE_URL is
// set (as CI runs it), else on PGlite.
describe('F6 a worker killed during the SMTP DATA phase', () => {
  let smtp: HoldingSmtp;
  let storage: ChildStorage;
  let child: ChildServer | undefined;
  let restarted: RunningServer | undefined;
  // Also the environment of the restarted server in this process, which needs PORT and HOST that ChildServer sets.
  const env = () => childEnv(storage, smtp.url, { PORT: '0', HOST: '127.0.0.1', PUBLIC_URL: 'http://localhost:8787' });

  before(async () => {
    smtp = await new HoldingSmtp().start();
    storage = await childStorage(DATABASE_URL ? 'postgres' : 'pglite');
  });
  after(async () => {
    await child?.kill('SIGKILL');
    await restarted?.close();
    await smtp.stop();
    await storage.remove();
  });

  it('sends again at most once more after the restart, and then never again', async () => {
    child = await ChildServer.start({ env: { ...env(), WT_TEST_SCRYPT_LN: '10' } });
    const email = uniqueEmail('killed');
    smtp.holdNext = true;
    const held = smtp.held();
    const answer = await new Client(child.url, randomIp()).post('/signup/email', { email });
    assert.equal(answer.status, 202);
    await held;
    child.process.kill('SIGKILL');
    assert.equal((await child.exited).signal, 'SIGKILL');
    assert.equal(smtp.count(email), 1, 'the message reached DATA once before the kill');

    // Restart on the same data with a clock past the dead worker's claim.
    const clock = new TestClock(Date.now() + (DEFAULT_OUTBOX_SETTINGS.claimSeconds + 60) * 1000);
    restarted = await createServer({
      env: { ...env(), SHUTDOWN_DRAIN: '0' },
      clock: clock.now,
      log: () => {},
      mailWorker: false,
      ...(storage.env.WT_TEST_DATABASE_SCHEMA ? { databaseSchema: storage.env.WT_TEST_DATABASE_SCHEMA } : {}),
    });
    await restarted.outbox.drain();
    assert.equal(smtp.count(email), 2, 'the claim lapsed and the mail was sent again: one duplicate for one kill');
    for (let i = 0; i < 3; i++) {
      clock.advance(DEFAULT_OUTBOX_SETTINGS.maxBackoffSeconds);
      await restarted.outbox.drain();
    }
    assert.equal(smtp.count(email), 2, 'no further sends once it was accepted');
    const { rows } = await restarted.context.db.query<{ status: string; attempts: number }>(
      'SELECT status, attempts FROM outbox WHERE to_address = $1',
      [email],
    );
    assert.deepEqual(rows, [{ status: 'sent', attempts: 2 }]);
  });
});
