// SIGTERM during a rolling deploy: the requests the instance is serving get their normal answer, the database
// stays open until they have, `/readyz` says 503 as soon as the shutdown begins, and only a request that outlives
// SHUTDOWN_GRACE is cut (SECURITY.md F7: no request fails because of our own restart). The requests are held in
// flight by a gate (the password comparison of `POST /login` waits for the test), so nothing here depends on timing.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { PasswordHasher } from '../../src/security/passwords.ts';
import { Client, randomIp } from '../helpers/client.ts';
import { SmtpSink } from '../helpers/smtp-sink.ts';
import {
  DATABASE_URL,
  GOOD_PASSWORD,
  PG_SKIP,
  eachBackend,
  signUp,
  startStack,
  type TestStack,
} from '../helpers/harness.ts';
import { ChildServer, childEnv, waitFor } from './helpers/child-server.ts';
import { childStorage, type ChildStorage } from './helpers/storage.ts';

/** Makes every password comparison wait until {@link Gate.open}; `entered` counts the requests waiting. */
class Gate {
  entered = 0;
  #open!: () => void;
  readonly #opened = new Promise<void>((resolve) => (this.#open = resolve));

  constructor(hasher: PasswordHasher) {
    const verify = hasher.verify.bind(hasher);
    hasher.verify = async (password, phc) => {
      this.entered++;
      await this.#opened;
      return verify(password, phc);
    };
  }

  open(): void {
    this.#open();
  }
}

/**
 * A connection that has sent the start of `GET /readyz` but not the blank line that ends its headers: the server
 * counts it as busy, so it stays open through the start of a shutdown. {@link finish} completes the request.
 */
async function halfSentReadyz(url: string): Promise<{ finish(): Promise<string> }> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(`GET /readyz HTTP/1.1\r\nHost: ${hostname}:${port}\r\n`);
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return {
    async finish() {
      socket.write('\r\n');
      await ended;
      return received;
    },
  };
}

/** The log records of `event` among `logs` (JSON lines; anything else is skipped). */
function events(logs: readonly string[], event: string): Record<string, unknown>[] {
  return logs
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((record) => record.event === event);
}

eachBackend('graceful shutdown', (backend) => {
  let stack: TestStack | undefined;
  after(async () => {
    // Without its drain: a test that failed during one must not keep the run waiting.
    await stack?.server.close({ drain: false });
    await stack?.close();
  });

  it('close() with six sign-ins in flight: each gets its 200, /readyz says 503, nothing finds the database closed', async () => {
    stack = await startStack(backend);
    const email = await signUp(stack, stack.client());
    const gate = new Gate(stack.server.context.passwords);
    const readyz = await halfSentReadyz(stack.url);

    const clients = Array.from({ length: 6 }, () => stack!.client(randomIp()));
    const answers = clients.map((client) => client.post('/login', { email, password: GOOD_PASSWORD }));
    await waitFor(() => gate.entered === 6, 'six sign-ins comparing their password');

    let closed = false;
    const closing = stack.server.close().then(() => (closed = true));
    await waitFor(() => events(stack!.logs, 'shutdown_started').length === 1, 'the shutdown to begin');

    const probe = await readyz.finish();
    assert.match(probe, /^HTTP\/1\.1 503 /, `a readiness probe during the shutdown fails: ${probe}`);
    assert.match(probe, /"status":"stopping"/);
    assert.equal(closed, false, 'close() waits for the requests in flight');

    gate.open();
    for (const answer of await Promise.all(answers)) {
      assert.equal(answer.status, 200, answer.text);
      assert.equal(answer.body.step, 'supplier');
      assert.equal(answer.headers.get('connection'), 'close', 'the connection ends with the answer');
    }
    await closing;
    assert.equal(events(stack.logs, 'login_succeeded').length, 6);
    assert.deepEqual(events(stack.logs, 'database_unavailable'), []);
    assert.deepEqual(events(stack.logs, 'shutdown_cut_requests'), []);
    await assert.rejects(fetch(`${stack.url}/healthz`), 'no new connection is accepted');
    await stack.close();
    stack = undefined;
  });

  it('with SHUTDOWN_DRAIN, close() keeps serving new connections while /readyz says 503; close({ drain: false }) ends the drain', async () => {
    stack = await startStack(backend, { env: { SHUTDOWN_DRAIN: '10m' } });
    let closed = false;
    const closing = stack.server.close().then(() => (closed = true));
    assert.equal(stack.server.draining, true);

    const ready = await fetch(`${stack.url}/readyz`);
    assert.equal(ready.status, 503);
    assert.deepEqual(await ready.json(), { status: 'stopping' });
    const email = await signUp(stack, stack.client());
    const signedIn = await stack.client().post('/login', { email, password: GOOD_PASSWORD });
    assert.equal(signedIn.status, 200, 'a whole sign-up and a sign-in are served during the drain');
    assert.equal(signedIn.headers.get('connection'), 'close');
    assert.equal(closed, false);

    const again = stack.server.close({ drain: false });
    assert.equal(stack.server.draining, false);
    await again;
    await closing;
    assert.deepEqual(
      events(stack.logs, 'shutdown_accepting_stopped').map(({ drain, inFlight }) => ({ drain, inFlight })),
      [{ drain: 'ended_early', inFlight: 0 }],
    );
    await assert.rejects(fetch(`${stack.url}/healthz`), 'no new connection is accepted after the drain');
    await stack.close();
    stack = undefined;
  });

  it('a request that outlives SHUTDOWN_GRACE is cut, and close() does not wait for it', async () => {
    stack = await startStack(backend, { config: { shutdownGraceSeconds: 0.2 } });
    const email = await signUp(stack, stack.client());
    const gate = new Gate(stack.server.context.passwords);
    const answer = stack.client().post('/login', { email, password: GOOD_PASSWORD });
    await waitFor(() => gate.entered === 1, 'the sign-in comparing its password');

    await stack.server.close();
    await assert.rejects(answer, 'the connection was closed without an answer');
    assert.deepEqual(
      events(stack.logs, 'shutdown_cut_requests').map(({ requests, graceSeconds }) => ({ requests, graceSeconds })),
      [{ requests: 1, graceSeconds: 0.2 }],
    );
    gate.open();
    await stack.close();
    stack = undefined;
  });
});

describe(
  'SIGTERM on the command with sign-ins in flight, on PostgreSQL',
  { skip: DATABASE_URL ? false : PG_SKIP },
  () => {
    let smtp: SmtpSink;
    let storage: ChildStorage;
    let server: ChildServer | undefined;
    let holder: pg.Client | undefined;
    let observer: pg.Client | undefined;

    before(async () => {
      smtp = await new SmtpSink().start();
      storage = await childStorage('postgres');
    });
    after(async () => {
      await holder?.end();
      await observer?.end();
      await server?.kill('SIGKILL');
      await smtp.stop();
      await storage.remove();
    });

    it('every sign-in started before the signal gets its answer, and the process exits 0', async () => {
      server = await ChildServer.start({
        env: childEnv(storage, smtp.url, {
          // A real, slow-ish hash (2^14): each sign-in still works for a while after the signal.
          WT_TEST_SCRYPT_LN: '14',
          WT_TEST_OUTBOX: JSON.stringify({ pollMilliseconds: 100 }),
        }),
      });
      const email = 'sigterm@example.test';
      const first = new Client(server.url, randomIp());
      assert.equal((await first.post('/signup/email', { email })).status, 202);
      await waitFor(() => smtp.mails.length === 1, 'the verification mail');
      assert.equal((await first.post('/signup/code', { code: smtp.codeFor(email) })).status, 200);
      const created = await first.post('/signup/account', {
        password: GOOD_PASSWORD,
        firstName: 'Anna',
        lastName: 'Jansen',
      });
      assert.equal(created.status, 201, created.text);

      // Hold every sign-in at its first statement: the rate-limit table is locked by the test.
      holder = new pg.Client({ connectionString: DATABASE_URL });
      await holder.connect();
      observer = new pg.Client({ connectionString: DATABASE_URL });
      await observer.connect();
      const schema = storage.env.WT_TEST_DATABASE_SCHEMA!;
      await holder.query('BEGIN');
      await holder.query(`LOCK TABLE ${schema}.rate_limits IN ACCESS EXCLUSIVE MODE`);
      const answers = Array.from({ length: 6 }, () =>
        new Client(server!.url, randomIp()).post('/login', { email, password: GOOD_PASSWORD }),
      );
      // Asked on a connection of its own: inside the holder's transaction pg_stat_activity would stay one snapshot.
      const waiting = async () => {
        const { rows } = await observer!.query<{ count: number }>(
          `SELECT count(*)::int AS count FROM pg_stat_activity
         WHERE wait_event_type = 'Lock' AND query ILIKE '%rate_limits%' AND datname = current_database()`,
        );
        return rows[0]!.count;
      };
      await waitFor(async () => (await waiting()) === 6, 'six sign-ins waiting in the database');

      server.process.kill('SIGTERM');
      await waitFor(() => server!.logs.some((line) => line.includes('"event":"shutdown_started"')), 'the shutdown');
      await holder.query('COMMIT');

      const results = await Promise.allSettled(answers);
      for (const result of results) {
        if (result.status === 'rejected') assert.fail(`an answer, not a socket error: ${String(result.reason)}`);
        assert.equal(result.value.status, 200, result.value.text);
      }
      const exit = await server.exited;
      assert.deepEqual(exit, { code: 0, signal: null });
      const logged = server.logs.join('\n');
      assert.doesNotMatch(logged, /database_unavailable|Cannot use a pool/);
      assert.equal(events(server.logs, 'login_succeeded').length, 6);
    });
  },
);
