import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createServer } from '../../src/index.ts';
import { isDatabaseUnavailable } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { DatabaseTimeoutError, openPostgres } from '../../src/store/pg.ts';
import { randomIp, TEST_ORIGIN } from '../helpers/client.ts';
import { createSchema, DATABASE_URL, PG_SKIP, startStack, TEST_SECRET, type TestStack } from '../helpers/harness.ts';
import { TcpBlackhole } from '../helpers/tcp-blackhole.ts';

// A PostgreSQL that accepts connections and then says nothing (a hung host, a firewall dropping packets) must
// not hang the server: requests and /readyz answer 503 once the connect or statement timeout passes (F7).

/**
 * An outer limit far above every timeout: the assertion is that an answer comes at all, never how fast (without
 * the timeouts the request would wait for ever and this limit turns the hang into a failure).
 */
const ANSWER_AT_ALL_MS = 60_000;

/** `DATABASE_URL` with its host and port replaced by the black hole's. */
function through(hole: TcpBlackhole): string {
  const url = new URL(DATABASE_URL!);
  url.hostname = '127.0.0.1';
  url.port = String(hole.port);
  return url.href;
}

function target(): { host: string; port: number } {
  const url = new URL(DATABASE_URL!);
  return { host: url.hostname, port: Number(url.port || 5432) };
}

/** A request with the outer limit; resolves with the status and the parsed body. */
async function request(
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(ANSWER_AT_ALL_MS) });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

describe('PostgreSQL that never answers', { skip: DATABASE_URL ? false : PG_SKIP }, () => {
  let hole: TcpBlackhole;
  let stack: TestStack;
  let schema: { schema: string; drop: () => Promise<void> };

  before(async () => {
    hole = await new TcpBlackhole(target()).start();
    schema = await createSchema();
    // Short limits keep the test quick; the defaults are the same code with other numbers (checked below).
    const db = await openPostgres({
      connectionString: through(hole),
      schema: schema.schema,
      connectTimeoutMs: 500,
      statementTimeoutMs: 1_000,
    });
    stack = await startStack('postgres', { database: db, schema: schema.schema });
  });
  after(async () => {
    await stack?.close();
    // The black hole first: a connection it swallowed would keep the pool's close waiting.
    await hole?.close();
    await stack?.server.context.db.close();
    await schema?.drop();
  });

  it('/readyz answers 503 instead of hanging, for an open connection and a new one; 200 again afterwards', async () => {
    assert.equal((await request(`${stack.url}/readyz`)).status, 200, 'ready while the database answers');
    hole.swallow();
    // First on the pooled connection (the statement is never answered), then on a new one (never opened).
    for (const attempt of ['open connection', 'new connection']) {
      const ready = await request(`${stack.url}/readyz`);
      assert.equal(ready.status, 503, attempt);
      assert.deepEqual(ready.body, { status: 'unavailable' }, attempt);
    }
    hole.restore();
    assert.equal((await request(`${stack.url}/readyz`)).status, 200, 'ready again once it answers');
  });

  it('F7: an API request answers 503 service_unavailable with Retry-After, and the log says database_unavailable', async () => {
    hole.swallow();
    try {
      const from = stack.logs.length;
      const answer = await request(`${stack.url}/api/v1/signup/email`, {
        method: 'POST',
        headers: { origin: TEST_ORIGIN, 'content-type': 'application/json', 'x-forwarded-for': randomIp() },
        body: JSON.stringify({ email: 'hangs@example.test' }),
      });
      assert.equal(answer.status, 503);
      assert.equal(answer.body.code, 'service_unavailable');
      assert.equal(answer.headers.get('retry-after'), '30');
      assert.ok(stack.logs.slice(from).some((line) => line.includes('"event":"database_unavailable"')));
    } finally {
      hole.restore();
    }
  });
});

describe('PostgreSQL timeouts', { skip: DATABASE_URL ? false : PG_SKIP }, () => {
  it('a statement running past the statement timeout fails as "database unavailable", not as a bug', async () => {
    const { schema, drop } = await createSchema();
    const db = await openPostgres({ connectionString: DATABASE_URL!, schema, statementTimeoutMs: 200 });
    try {
      const error = await db.query('SELECT pg_sleep(5)').then(
        () => undefined,
        (failure: unknown) => failure,
      );
      assert.ok(error instanceof DatabaseTimeoutError, String(error));
      assert.ok(isDatabaseUnavailable(error));
      // The same inside a transaction, and the pool still works afterwards.
      await assert.rejects(
        db.transaction((tx) => tx.query('SELECT pg_sleep(5)')),
        (failure: unknown) => isDatabaseUnavailable(failure),
      );
      assert.deepEqual((await db.query<{ one: number }>('SELECT 1 AS one')).rows, [{ one: 1 }]);
    } finally {
      await db.close();
      await drop();
    }
  });

  it('requests run with a 10 s statement timeout by default; migrations and their lock run without one', async () => {
    const { schema, drop } = await createSchema();
    const db = await openPostgres({ connectionString: DATABASE_URL!, schema });
    try {
      const pooled = await db.query<{ statement_timeout: string }>('SHOW statement_timeout');
      assert.equal(pooled.rows[0]!.statement_timeout, '10s');
      const inTransaction = await db.transaction((tx) =>
        tx.query<{ statement_timeout: string }>('SHOW statement_timeout'),
      );
      assert.equal(inTransaction.rows[0]!.statement_timeout, '10s');
      const forMigrations = await db.withConnection((connection) =>
        connection.query<{ statement_timeout: string }>('SHOW statement_timeout'),
      );
      assert.equal(forMigrations.rows[0]!.statement_timeout, '0', 'an index on a large table may take minutes');
      await migrate(db);
      assert.deepEqual(await migrate(db), [], 'the migrations ran on that connection, and only once');
    } finally {
      await db.close();
      await drop();
    }
  });

  it('the server does not start on a database that never answers: it fails with DATABASE_CONNECT_TIMEOUT, and says so', async () => {
    const hole = await new TcpBlackhole(target()).start();
    hole.swallow();
    try {
      await assert.rejects(
        createServer({
          env: {
            DATABASE_URL: through(hole),
            DATABASE_CONNECT_TIMEOUT: '1s',
            SECRET: TEST_SECRET,
            HOST: '127.0.0.1',
            PORT: '0',
          },
          log: () => {},
          listen: false,
          mailWorker: false,
          cleanup: false,
        }),
        (error: unknown) => {
          assert.ok(isDatabaseUnavailable(error), String(error));
          assert.equal(
            (error as Error).message,
            `DATABASE_URL: no answer from 127.0.0.1:${hole.port}: no connection within 1000 ms (DATABASE_CONNECT_TIMEOUT). Is the address right, and does a firewall let it through?`,
          );
          return true;
        },
      );
    } finally {
      await hole.close();
    }
  });

  it('DATABASE_STATEMENT_TIMEOUT=1s: a request whose statement waits longer is cut with 503, and the log names the setting', async () => {
    const stack = await startStack('postgres', { env: { DATABASE_STATEMENT_TIMEOUT: '1s' } });
    const holder = new pg.Client({ connectionString: DATABASE_URL });
    try {
      const shown = await stack.server.context.db.query<{ statement_timeout: string }>('SHOW statement_timeout');
      assert.equal(shown.rows[0]!.statement_timeout, '1s');
      // Every sign-up start counts in rate_limits first: with the table locked, its statement waits, far past 1 s.
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query(`LOCK TABLE ${stack.schema}.rate_limits IN ACCESS EXCLUSIVE MODE`);
      const from = stack.logs.length;
      const email = 'slow-statement@example.test';
      const answer = await stack.client().post('/signup/email', { email });
      assert.equal(answer.status, 503, answer.text);
      assert.equal(answer.body.code, 'service_unavailable');
      assert.equal(answer.headers.get('retry-after'), '30');
      const logged = stack.logs.slice(from).join('\n');
      assert.match(logged, /"event":"database_unavailable"/);
      assert.match(logged, /the statement ran longer than 1000 ms \(DATABASE_STATEMENT_TIMEOUT\)/);
      await holder.query('ROLLBACK');
      assert.equal((await stack.client().post('/signup/email', { email })).status, 202, 'works once the lock is gone');
    } finally {
      await holder.end();
      await stack.close();
    }
  });
});
