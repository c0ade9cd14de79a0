// The periodic clean-up: rows past their time go, rows a person still needs stay, on PGlite and PostgreSQL.
// Time moves through the injected clock and `server.cleanup.run()`; the timer itself is driven by mock timers.
import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import { after, before, describe, it, mock } from 'node:test';
import { Cleanup, type Database, type Logger } from '../../src/index.ts';
import {
  DATABASE_URL,
  eachBackend,
  GOOD_PASSWORD,
  PG_SKIP,
  signUp,
  startStack,
  uniqueEmail,
  type TestStack,
  startSecondInstance,
} from '../helpers/harness.ts';

const MINUTE = 60;
const HOUR = 3600;

eachBackend('clean-up of expired rows', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend, {
      cleanup: false,
      limits: { loginsPerClient: { max: 1, windowSeconds: 5 * MINUTE }, resetAfterSeconds: HOUR },
    });
  });
  after(async () => {
    await stack?.close();
  });

  const db = () => stack.server.context.db;
  const exists = async (table: string, column: string, value: string) =>
    (await db().query(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [value])).rows.length === 1;

  /** Starts a sign-up on a new client; returns the client, the session row id and the flow id. */
  async function startSignup() {
    const client = stack.client();
    const email = uniqueEmail('cleanup');
    assert.equal((await client.post('/signup/email', { email })).status, 202);
    const { rows } = await db().query<{ session: string; flow: string }>(
      'SELECT s.id AS session, f.id AS flow FROM sessions s JOIN flows f ON f.id = s.flow_id WHERE f.email = $1',
      [email],
    );
    return { client, email, ...rows[0]! };
  }

  it('an unfinished flow within its lifetime and its session stay: the person goes on after a pass', async () => {
    const started = await startSignup();
    stack.clock.advance(29 * MINUTE);
    await stack.server.cleanup.run();
    assert.ok(await exists('flows', 'id', started.flow));
    assert.ok(await exists('sessions', 'id', started.session));
    // The first code has expired by now; a new one is what the person would ask for.
    await stack.drain();
    assert.equal((await started.client.post('/signup/code/resend')).status, 202);
    await stack.drain();
    const answer = await started.client.post('/signup/code', { code: stack.smtp.codeFor(started.email) });
    assert.equal(answer.status, 200, 'the person goes on where they were');
  });

  it('a session goes at its absolute end; one that only idled stays until then, so its cookie is told "expired"', async () => {
    const idle = await startSignup();
    const silent = await startSignup();
    stack.clock.advance(11 * HOUR);
    await stack.server.cleanup.run();
    assert.ok(await exists('sessions', 'id', idle.session), 'idle for 11 h, but within its 12 h');
    assert.ok(await exists('sessions', 'id', silent.session));
    const told = await idle.client.post('/signup/code', { code: '000000' });
    assert.equal(told.body.code, 'session_expired', 'not "step out of order": the person learns why');

    stack.clock.advance(HOUR + 1);
    const live = await startSignup();
    const counts = await stack.server.cleanup.run();
    assert.ok(counts.sessions >= 1);
    assert.ok(!(await exists('sessions', 'id', silent.session)), 'past its absolute end');
    assert.ok(!(await exists('flows', 'id', silent.flow)), 'and its flow, past its lifetime, with it');
    assert.ok(await exists('sessions', 'id', live.session), 'a session within its timeouts stays');
    assert.ok(await exists('flows', 'id', live.flow));
  });

  it('a flow past its lifetime stays while a live session points at it, and goes once none does', async () => {
    const started = await startSignup();
    stack.clock.advance(20 * MINUTE);
    assert.equal((await started.client.get('/session')).status, 200); // activity: the session stays alive
    stack.clock.advance(11 * MINUTE);
    await stack.server.cleanup.run();
    assert.ok(await exists('flows', 'id', started.flow), 'its session still shows "start again"');
    const ended = await started.client.post('/signup/code', { code: '000000' });
    assert.equal(ended.body.code, 'flow_expired');
    stack.clock.advance(12 * HOUR);
    await stack.server.cleanup.run();
    assert.ok(!(await exists('sessions', 'id', started.session)));
    assert.ok(!(await exists('flows', 'id', started.flow)));
  });

  it('rate-limit rows stay while their window, wait or growth memory lasts, and go after', async () => {
    const ip = `10.77.${randomInt(250)}.1`;
    const client = stack.client(ip);
    const key = stack.server.context.rateLimiter.key('login-client', ip);
    const login = () => client.post('/login', { email: uniqueEmail(), password: 'Verkeerd#Wachtwoord1' });
    assert.equal((await login()).status, 401);
    assert.equal((await login()).status, 429);
    stack.clock.advance(5 * MINUTE - 1);
    await stack.server.cleanup.run();
    assert.ok(await exists('rate_limits', 'key', key), 'within the window and the wait');
    stack.clock.advance(1 + 30 * MINUTE);
    await stack.server.cleanup.run();
    assert.ok(await exists('rate_limits', 'key', key), 'the wait is over, but a new block soon would be longer');
    assert.equal((await login()).status, 401);
    const second = await login();
    assert.equal(second.headers.get('retry-after'), String(10 * MINUTE), 'the second wait in a row doubled');
    stack.clock.advance(10 * MINUTE + HOUR);
    await stack.server.cleanup.run();
    assert.ok(!(await exists('rate_limits', 'key', key)), 'forgotten after the quiet hour');
    assert.equal((await login()).status, 401);
    assert.equal((await login()).headers.get('retry-after'), String(5 * MINUTE), 'the same as without the row');
  });

  it('eHerkenning transactions go once used or past their 15 minutes; a pending one stays', async () => {
    const { session } = await startSignup();
    const now = stack.clock.now();
    const insert = async (state: string, createdAgo: number, consumed: boolean) => {
      const created = new Date(now.getTime() - createdAgo * 1000);
      await db().query(
        `INSERT INTO eherkenning_transactions (session_id, state_hash, supplier_id, return_to, created_at, consumed_at)
         VALUES ($1, $2, 'sim', 'http://localhost:5173/', $3, $4)`,
        [session, state, created, consumed ? created : null],
      );
    };
    const tag = randomBytes(6).toString('hex');
    await insert(`used-${tag}`, 60, true);
    await insert(`stale-${tag}`, 15 * MINUTE + 1, false);
    await insert(`pending-${tag}`, 14 * MINUTE, false);
    await stack.server.cleanup.run();
    assert.ok(!(await exists('eherkenning_transactions', 'state_hash', `used-${tag}`)));
    assert.ok(!(await exists('eherkenning_transactions', 'state_hash', `stale-${tag}`)));
    assert.ok(await exists('eherkenning_transactions', 'state_hash', `pending-${tag}`));
  });

  it('never deletes accounts, memberships or the audit log, however old', async () => {
    const client = stack.client();
    const email = await signUp(stack, client);
    const { rows } = await db().query<{ id: string }>('SELECT id FROM accounts WHERE email = $1', [email]);
    const accountId = rows[0]!.id;
    const organisation = await db().query<{ id: string }>(
      `INSERT INTO organisations (kvk_number, name, created_at, updated_at) VALUES ($1, 'Oud B.V.', $2, $2) RETURNING id`,
      [String(randomInt(10_000_000, 99_999_999)), stack.clock.now()],
    );
    const organisationId = organisation.rows[0]!.id;
    await db().query(
      `INSERT INTO audit_log (organisation_id, at, action, actor_account_id, subject_account_id, subject_email, rights_after)
       VALUES ($1, $2, 'administrator_verified', $3, $3, $4, ARRAY['administer'])`,
      [organisationId, stack.clock.now(), accountId, email],
    );
    const count = async (sql: string, value: string) =>
      (await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, [value])).rows[0]!.n;
    const before = [
      await count('accounts WHERE id = $1', accountId),
      await count('audit_log WHERE organisation_id = $1', organisationId),
    ];
    stack.clock.advance(400 * 24 * HOUR);
    await stack.server.cleanup.run();
    assert.deepEqual(
      [
        await count('accounts WHERE id = $1', accountId),
        await count('audit_log WHERE organisation_id = $1', organisationId),
      ],
      before,
    );
    // The outbox has its own retention (OUTBOX_RETENTION): test/mail/outbox-content.test.ts.
    assert.equal((await stack.client().post('/login', { email, password: GOOD_PASSWORD })).status, 200);
  });
});

eachBackend('clean-up in batches', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend, { cleanup: { intervalSeconds: 0, batchSize: 100 } });
  });
  after(async () => {
    await stack?.close();
  });

  it('deletes a backlog larger than one batch, batch by batch, and keeps the rows still in force', async () => {
    const now = stack.clock.now();
    const db = stack.server.context.db;
    await db.query(
      `INSERT INTO rate_limits (key, window_start, hits, forget_at)
       SELECT 'old:' || i, $1::timestamptz - interval '2 hours', 1, $1::timestamptz - interval '1 hour'
       FROM generate_series(1, 250) AS i`,
      [now],
    );
    await db.query(
      `INSERT INTO rate_limits (key, window_start, hits, forget_at)
       SELECT 'current:' || i, $1, 1, $1::timestamptz + interval '5 minutes' FROM generate_series(1, 30) AS i`,
      [now],
    );
    const counts = await stack.server.cleanup.run();
    assert.equal(counts.rateLimits, 250);
    const left = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM rate_limits WHERE key LIKE 'current:%'");
    assert.equal(left.rows[0]!.n, 30);
  });
});

describe('clean-up on several instances', { skip: DATABASE_URL ? false : PG_SKIP }, () => {
  let first: TestStack;
  let second: TestStack;
  before(async () => {
    first = await startStack('postgres', { cleanup: { intervalSeconds: 0, batchSize: 50 } });
    second = await startSecondInstance(first, { cleanup: { intervalSeconds: 0, batchSize: 50 } });
  });
  after(async () => {
    await second?.close();
    await first?.close();
  });

  it('two instances cleaning at once delete every expired row exactly once and never wait on each other', async () => {
    const now = first.clock.now();
    await first.server.context.db.query(
      `INSERT INTO rate_limits (key, window_start, hits, forget_at)
       SELECT 'shared:' || i, $1::timestamptz - interval '2 hours', 1, $1::timestamptz - interval '1 hour'
       FROM generate_series(1, 1000) AS i`,
      [now],
    );
    const [a, b] = await Promise.all([first.server.cleanup.run(), second.server.cleanup.run()]);
    assert.equal(a.rateLimits + b.rateLimits, 1000);
    const left = await first.server.context.db.query<{ n: number }>('SELECT count(*)::int AS n FROM rate_limits');
    assert.equal(left.rows[0]!.n, 0);
  });
});

describe('clean-up timer', () => {
  it('runs a pass every interval once started, and none after stop()', async () => {
    const statements: string[] = [];
    const db = {
      kind: 'pglite',
      query: (sql: string) => {
        statements.push(sql);
        return Promise.resolve({ rows: [], rowCount: 0 });
      },
    } as unknown as Database;
    const logger = { info() {}, warn() {}, error() {} } as unknown as Logger;
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const cleanup = new Cleanup({
        db,
        clock: () => new Date(),
        logger,
        settings: { intervalSeconds: 600, batchSize: 500, transactionTtlSeconds: 900, outboxRetentionSeconds: 86400 },
      });
      cleanup.start();
      mock.timers.tick(599_000);
      await Promise.resolve();
      assert.equal(statements.length, 0, 'nothing before the first interval');
      mock.timers.tick(1000);
      await cleanup.run(); // waits for the pass the timer started, then runs one more
      assert.equal(statements.length, 10, 'one statement per table per pass');
      await cleanup.stop();
      mock.timers.tick(3600_000);
      await Promise.resolve();
      assert.equal(statements.length, 10, 'stopped: no more passes');
    } finally {
      mock.timers.reset();
    }
  });
});
