// SECURITY.md F2: each step is one transaction, all or nothing. The server runs on a database wrapped by the test
// (nothing in src knows about it) that fails one statement after the account insert: the credential insert, the
// flow update or the session rotation. Whatever fails, no account row remains, the invariants of F5 hold, and the
// same person finishes the step by sending it again.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Database, Queryable, QueryResult } from '../../src/index.ts';
import type { Client } from '../helpers/client.ts';
import { eachBackend, GOOD_PASSWORD, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import { brokenInvariants } from '../reliability/helpers/invariants.ts';
import { childStorage, type ChildStorage } from '../reliability/helpers/storage.ts';

/** A statement that fails when it comes after the account insert of the same request. */
interface Fault {
  readonly before: RegExp;
  /** Set once the fault fired: the statements run so far, the failing one last. */
  fired?: string[];
}

/**
 * A database that passes everything through, except that the armed {@link Fault} throws in place of its statement
 * once an `INSERT INTO accounts` ran, as a connection lost between two statements would. Every statement is
 * watched, in and out of transactions, so moving the account insert out of the transaction cannot hide it.
 */
class FaultyDatabase implements Database {
  readonly #inner: Database;
  fault: Fault | undefined;
  #seen: string[] = [];

  constructor(inner: Database) {
    this.#inner = inner;
  }

  get kind() {
    return this.#inner.kind;
  }

  arm(fault: Fault): void {
    this.fault = fault;
    this.#seen = [];
  }

  #check(sql: string): void {
    const fault = this.fault;
    if (!fault || fault.fired) return;
    if (fault.before.test(sql) && this.#seen.some((seen) => /INSERT INTO accounts\b/u.test(seen))) {
      fault.fired = [...this.#seen, sql];
      throw Object.assign(new Error('connection lost (injected by the F2 test)'), { code: '08006' });
    }
    this.#seen.push(sql);
  }

  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>> {
    this.#check(sql);
    return this.#inner.query<Row>(sql, params);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.#inner.transaction((tx) =>
      fn({
        query: <Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]) => {
          this.#check(sql);
          return tx.query<Row>(sql, params);
        },
      }),
    );
  }

  withConnection<T>(fn: Parameters<Database['withConnection']>[0]): Promise<T> {
    return this.#inner.withConnection(fn) as Promise<T>;
  }

  close(): Promise<void> {
    return this.#inner.close();
  }
}

/** The statements after the account insert that the failure is put in place of. */
const FAULTS: { name: string; before: RegExp }[] = [
  { name: 'the credential insert', before: /INSERT INTO credentials\b/u },
  { name: 'the flow update', before: /UPDATE flows SET account_id\b/u },
  { name: 'the session rotation', before: /UPDATE sessions SET id_hash\b/u },
];

eachBackend('F2 account creation is one transaction', (backend) => {
  let storage: ChildStorage;
  let database: FaultyDatabase;
  let stack: TestStack;

  before(async () => {
    storage = await childStorage(backend);
    database = new FaultyDatabase(await storage.open());
    stack = await startStack(backend, { database });
  });
  after(async () => {
    await stack?.close();
    await database?.close();
    await storage?.remove();
  });

  /** A person whose code is verified: the next step is POST /signup/account. */
  async function atDetailsStep(): Promise<{ client: Client; email: string }> {
    const client = stack.client();
    const email = uniqueEmail('f2');
    assert.equal((await client.post('/signup/email', { email })).status, 202);
    await stack.drain();
    assert.equal((await client.post('/signup/code', { code: stack.smtp.codeFor(email) })).status, 200);
    return { client, email };
  }

  async function accountsFor(email: string): Promise<number> {
    const { rows } = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts WHERE email = $1', [
      email,
    ]);
    return rows[0]!.n;
  }

  for (const { name, before: failing } of FAULTS) {
    it(`F2: a failure after the account insert, before ${name}: no account remains and the step can be retried`, async () => {
      const { client, email } = await atDetailsStep();
      const cookie = client.cookie;
      const fault: Fault = { before: failing };
      database.arm(fault);
      const failed = await client.post('/signup/account', {
        password: GOOD_PASSWORD,
        firstName: 'Anna',
        lastName: 'Jansen',
      });
      database.fault = undefined;
      assert.ok(fault.fired, `the failure was injected (statements: ${JSON.stringify(fault.fired)})`);
      assert.ok(failed.status >= 500, `the request failed: ${failed.status} ${failed.text}`);
      assert.equal(client.cookie, cookie, 'no new session cookie was handed out');

      assert.equal(await accountsFor(email), 0, 'no account row remains');
      assert.deepEqual(await brokenInvariants(database), {});
      const { rows: flows } = await database.query<{ consumed_at: Date | null; account_id: string | null }>(
        'SELECT consumed_at, account_id FROM flows WHERE email = $1',
        [email],
      );
      assert.deepEqual(flows, [{ consumed_at: null, account_id: null }], 'the flow is as it was: verified, unused');
      const session = await client.get('/session');
      assert.equal(session.body.step, 'details', 'the person is still on the details step');
      assert.equal(session.body.account, null);

      const retried = await client.post('/signup/account', {
        password: GOOD_PASSWORD,
        firstName: 'Anna',
        lastName: 'Jansen',
      });
      assert.equal(retried.status, 201, retried.text);
      assert.equal(retried.body.account?.email, email);
      assert.equal(await accountsFor(email), 1);
      assert.deepEqual(await brokenInvariants(database), {});
      const login = await stack.client().post('/login', { email, password: GOOD_PASSWORD });
      assert.equal(login.status, 200, 'the retried account has its credential');
    });
  }
});
