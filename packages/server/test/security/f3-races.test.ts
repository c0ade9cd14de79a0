// SECURITY.md F3 asks for its three races on real PostgreSQL *and* on PGlite. The PostgreSQL runs of the first
// and third are in signup/signup.test.ts and eherkenning/concurrency.test.ts; here they run on PGlite. PGlite takes
// the requests one after the other, so on it these check the outcome rather than hunt races (the 50 completions
// only fail there with session rotation, flow consumption and the unique address all gone).
//
// The replays run on both: the broker refuses a used code itself, so "one binding" alone cannot tell a server that
// lets a replay through; the log must show that the server refused each replay before asking the broker.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Client } from '../helpers/client.ts';
import { eachBackend, GOOD_PASSWORD, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import { BadOp, GOOD_CLAIMS } from '../eherkenning/bad-op.ts';
import { accountOnSupplierStep, callbackFor, deliver, opClient, outcomeOf, stackFor } from './eherkenning-helpers.ts';

const CLIENT = opClient('f3-pglite');
const KVK = GOOD_CLAIMS['urn:etoegang:core:LegalSubjectID'];

eachBackend('F3 races', (backend) => {
  let op: BadOp;
  let stack: TestStack;

  before(async () => {
    op = await new BadOp(CLIENT).start();
    op.uniqueSubjects = true;
    stack = await stackFor(backend, op, CLIENT);
  });
  after(async () => {
    await stack?.close();
    await op?.close();
  });

  /** A signed-in account with the broker's callback URL for it, not yet delivered. */
  async function accountAtBroker(): Promise<{ client: Client; callback: URL }> {
    const client = await accountOnSupplierStep(stack, 'f3');
    return { client, callback: await callbackFor(client) };
  }

  const pgliteOnly = { skip: backend === 'postgres' ? 'on PostgreSQL in signup/signup.test.ts' : false };

  it('F3: 50 parallel completions for one address → exactly one account', pgliteOnly, async () => {
    const client = stack.client();
    const email = uniqueEmail('f3-fifty');
    await client.post('/signup/email', { email });
    await stack.drain();
    assert.equal((await client.post('/signup/code', { code: stack.smtp.codeFor(email) })).status, 200);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => {
        const copy = stack.client(client.ip);
        copy.cookie = client.cookie;
        return copy.post('/signup/account', { password: GOOD_PASSWORD, firstName: 'Anna', lastName: 'Jansen' });
      }),
    );
    const statuses = answers.map((answer) => answer.status);
    assert.equal(statuses.filter((status) => status === 201).length, 1, `statuses: ${statuses.join(',')}`);
    assert.ok(
      statuses.every((status) => status === 201 || status === 409),
      `statuses: ${statuses.join(',')}`,
    );
    const { rows } = await stack.server.context.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM accounts WHERE email = $1',
      [email],
    );
    assert.equal(rows[0]!.n, 1);
  });

  it('F3: 10 parallel replays of one callback → one binding, nine refused by the server itself', async () => {
    const db = stack.server.context.db;
    const before = (await db.query('SELECT 1 FROM memberships')).rowCount;
    const { client, callback } = await accountAtBroker();
    const from = stack.logs.length;
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(stack, client, callback)));
    const outcomes = answers.map(outcomeOf);
    assert.equal(outcomes.filter((value) => value === 'verified').length, 1, `outcomes: ${outcomes.join(',')}`);
    assert.equal(outcomes.filter((value) => value === 'failed').length, 9, `outcomes: ${outcomes.join(',')}`);
    // Refused by the server itself before the broker was asked (the transaction was used, or the session id it
    // belonged to was rotated by the winner): the broker's own refusal of a used code would hide a server that
    // lets a replay through.
    const reasons = stack.logs
      .slice(from)
      .map((line) => JSON.parse(line) as { event: string; reason?: string })
      .filter((record) => record.event === 'eherkenning_failed')
      .map((record) => record.reason);
    assert.equal(reasons.length, 9);
    assert.ok(
      reasons.every((reason) => reason === 'no_transaction' || reason === 'no_session'),
      `refused by the server, not the broker: ${reasons.join(',')}`,
    );
    assert.equal((await db.query('SELECT 1 FROM memberships')).rowCount, before + 1);
    assert.equal((await db.query('SELECT 1 FROM eherkenning_identities')).rowCount, before + 1);
  });

  it(
    'F3: 20 parallel callbacks for one KvK from different accounts → one organisation, each an administrator once',
    {
      skip: backend === 'postgres' ? 'on PostgreSQL in eherkenning/concurrency.test.ts' : false,
    },
    async () => {
      const db = stack.server.context.db;
      const earlier = (
        await db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE o.kvk_number = $1',
          [KVK],
        )
      ).rows[0]!.n;
      const people = [];
      for (let i = 0; i < 20; i++) people.push(await accountAtBroker());
      const answers = await Promise.all(people.map(({ client, callback }) => deliver(stack, client, callback)));
      assert.deepEqual(
        answers.map(outcomeOf),
        people.map(() => 'verified'),
      );
      const organisations = await db.query<{ id: string }>('SELECT id FROM organisations WHERE kvk_number = $1', [KVK]);
      assert.equal(organisations.rowCount, 1, 'exactly one organisation for the KvK number');
      const organisationId = organisations.rows[0]!.id;
      const memberships = await db.query<{ n: number; administer: boolean }>(
        `SELECT count(*)::int AS n, bool_and('administer' = ANY (rights)) AS administer
       FROM memberships WHERE organisation_id = $1 GROUP BY account_id`,
        [organisationId],
      );
      assert.equal(memberships.rowCount, earlier + 20, 'every account is a member');
      assert.ok(
        memberships.rows.every((row) => row.n === 1 && row.administer),
        'each account linked once, as administrator (the documented rule: every EH3 login of the company)',
      );
      const audit = await db.query(
        "SELECT 1 FROM audit_log WHERE organisation_id = $1 AND action = 'administrator_verified'",
        [organisationId],
      );
      assert.equal(audit.rowCount, earlier + 20);
    },
  );
});
