import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../helpers/client.ts';
import { DATABASE_URL, PG_SKIP, signUp, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import { BadOp, GOOD_CLAIMS } from './bad-op.ts';

const CALLBACK = 'http://localhost:8787/api/v1/eherkenning/callback';
const CLIENT = { clientId: 'wt-parallel', clientSecret: 'parallel-secret-0123456789', redirectUri: CALLBACK };
const SUPPLIER = 'urn:etoegang:AD:1:entities:9001';
const KVK = GOOD_CLAIMS['urn:etoegang:core:LegalSubjectID'];

// PGlite runs one connection and serialises everything, which would hide these races: PostgreSQL only (F3).
describe('eHerkenning callbacks in parallel on PostgreSQL (F3)', { skip: DATABASE_URL ? false : PG_SKIP }, () => {
  let op: BadOp;
  let stack: TestStack;

  before(async () => {
    op = await new BadOp(CLIENT).start();
    op.uniqueSubjects = true;
    stack = await startStack('postgres', {
      env: {
        EHERKENNING_ISSUER: op.issuer,
        EHERKENNING_CLIENT_ID: CLIENT.clientId,
        EHERKENNING_CLIENT_SECRET: CLIENT.clientSecret,
      },
    });
  });
  after(async () => {
    await stack.close();
    await op.close();
  });

  /** A signed-in account with the broker's callback URL for it, not yet delivered. */
  async function accountAtBroker(): Promise<{ client: Client; callback: URL }> {
    const client = stack.client();
    await signUp(stack, client, { email: uniqueEmail('parallel') });
    const started = await client.post('/eherkenning/start', {
      supplierId: SUPPLIER,
      returnTo: 'http://localhost:5173/',
    });
    assert.equal(started.status, 200, started.text);
    const authorization = await fetch(String(started.body.redirectUrl), { redirect: 'manual' });
    return { client, callback: new URL(authorization.headers.get('location')!) };
  }

  const deliver = (client: Client, callback: URL) => client.get(`${stack.url}${callback.pathname}${callback.search}`);
  const outcome = (answer: { headers: Headers }) =>
    new URL(answer.headers.get('location')!).searchParams.get('wt-eherkenning');

  // First, while the outbox is empty: signUp drains it, and the next test queues 190 mails.
  it('10 parallel replays of one callback: one verification, nine refusals', async () => {
    const before = await stack.server.context.db.query('SELECT 1 FROM memberships');
    const { client, callback } = await accountAtBroker();
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(client, callback)));
    const outcomes = answers.map(outcome).sort();
    assert.deepEqual(outcomes, [
      'failed',
      'failed',
      'failed',
      'failed',
      'failed',
      'failed',
      'failed',
      'failed',
      'failed',
      'verified',
    ]);
    const after = await stack.server.context.db.query('SELECT 1 FROM memberships');
    assert.equal(after.rowCount, before.rowCount + 1);
  });

  it('20 people of one company at once: one organisation, every account an administrator once', async () => {
    const db = stack.server.context.db;
    const earlier = (
      await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE o.kvk_number = $1',
        [KVK],
      )
    ).rows[0]!.n;
    const mailsBefore = (await db.query("SELECT 1 FROM outbox WHERE template = 'administrator-added'")).rowCount;
    const people = [];
    for (let i = 0; i < 20; i++) people.push(await accountAtBroker());
    const answers = await Promise.all(people.map(({ client, callback }) => deliver(client, callback)));
    assert.deepEqual(
      answers.map(outcome),
      people.map(() => 'verified'),
    );

    const organisations = await db.query<{ id: string }>('SELECT id FROM organisations WHERE kvk_number = $1', [KVK]);
    assert.equal(organisations.rowCount, 1, 'exactly one organisation for the KvK number');
    const organisationId = organisations.rows[0]!.id;
    const memberships = await db.query<{ account_id: string; n: number }>(
      'SELECT account_id, count(*)::int AS n FROM memberships WHERE organisation_id = $1 GROUP BY account_id',
      [organisationId],
    );
    assert.equal(memberships.rowCount, earlier + 20, 'every account is a member');
    assert.ok(
      memberships.rows.every((row) => row.n === 1),
      'each account linked once',
    );
    const identities = await db.query('SELECT 1 FROM eherkenning_identities WHERE organisation_id = $1', [
      organisationId,
    ]);
    assert.equal(identities.rowCount, earlier + 20);
    const audit = await db.query(
      "SELECT 1 FROM audit_log WHERE organisation_id = $1 AND action = 'administrator_verified'",
      [organisationId],
    );
    assert.equal(audit.rowCount, earlier + 20);
    // The organisation row is locked by each callback's upsert, so they take turns: the k-th (from 0) sees the
    // earlier administrators plus k before it and mails each of them.
    const mails = await db.query("SELECT 1 FROM outbox WHERE template = 'administrator-added'");
    assert.equal(mails.rowCount - mailsBefore, 20 * earlier + 190);
  });
});
