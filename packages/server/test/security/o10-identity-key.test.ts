import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { eachBackend, type TestStack } from '../helpers/harness.ts';
import { eherkenningState } from '../helpers/eherkenning-state.ts';
import { BadOp, GOOD_CLAIMS, GOOD_SUBJECT, type OpVariant } from '../eherkenning/bad-op.ts';
import { accountOnSupplierStep, callbackFor, deliver, opClient, outcomeOf, stackFor } from './eherkenning-helpers.ts';

// SECURITY.md O10, through the HTTP adapter and its database:
// - the identity key is (iss, sub): the same `sub` from another broker is another person;
// - a KvK claim that is missing, not eight digits, or of another identifier type (RSIN) is refused and changes
//   nothing;
// - the KvK number comes only from the validated ID token or userinfo, never from the request (mass assignment:
//   `kvk`-like fields in the start body and in the callback query are ignored all the way to the organisation).

/** True when `lines` hold an `eherkenning_failed` record with `reason`. */
function refusedFor(lines: readonly string[], reason: string): boolean {
  return lines
    .map((line) => JSON.parse(line) as { event?: string; reason?: string })
    .some((record) => record.event === 'eherkenning_failed' && record.reason === reason);
}

const KVK = GOOD_CLAIMS['urn:etoegang:core:LegalSubjectID'];
const FORGED_KVK = '12345678';

eachBackend('O10: identity key and KvK claim', (backend) => {
  const first = opClient('o10-first');
  const second = opClient('o10-second');
  let firstOp: BadOp;
  let secondOp: BadOp;
  let stack: TestStack;
  /** A second server on the same database, whose broker is another issuer. */
  let otherBroker: TestStack;

  before(async () => {
    firstOp = await new BadOp(first).start();
    secondOp = await new BadOp(second).start();
    stack = await stackFor(backend, firstOp, first);
    otherBroker = await stackFor(backend, secondOp, second, {
      database: stack.server.context.db,
      smtp: stack.smtp,
    });
  });
  after(async () => {
    await otherBroker?.close();
    await stack?.close();
    await secondOp?.close();
    await firstOp?.close();
  });

  /** The identity rows of `subject`, as (issuer, account email). */
  async function identitiesOf(subject: string) {
    const { rows } = await stack.server.context.db.query<{ issuer: string; email: string }>(
      `SELECT i.issuer, a.email FROM eherkenning_identities i JOIN accounts a ON a.id = i.account_id
       WHERE i.subject = $1 ORDER BY a.email`,
      [subject],
    );
    return rows;
  }

  it('O10: the same sub under a different iss is another person: two identities, neither link moved', async () => {
    assert.equal(firstOp.issuer === secondOp.issuer, false);
    const anna = await accountOnSupplierStep(stack, 'o10-a');
    assert.equal(outcomeOf(await deliver(stack, anna, await callbackFor(anna))), 'verified');
    const annaEmail = (await anna.get('/session')).body.account!.email;

    const bram = otherBroker.client();
    bram.cookie = (await accountOnSupplierStep(otherBroker, 'o10-b')).cookie;
    assert.equal(outcomeOf(await deliver(otherBroker, bram, await callbackFor(bram))), 'verified');
    const bramEmail = (await bram.get('/session')).body.account!.email;

    const rows = await identitiesOf(GOOD_SUBJECT);
    const mine = rows.filter((row) => row.email === annaEmail || row.email === bramEmail);
    assert.deepEqual(
      mine.map((row) => [row.email, row.issuer]).sort(),
      [
        [annaEmail, firstOp.issuer],
        [bramEmail, secondOp.issuer],
      ].sort(),
      'one identity per (iss, sub); the first broker’s link still names Anna',
    );
  });

  for (const [variant, why, reason] of [
    ['kvk-malformed', 'seven digits', 'kvk_malformed'],
    ['identifier-rsin', 'an RSIN, not a KvK number', 'identifier_not_kvk'],
  ] as const satisfies readonly (readonly [OpVariant, string, string])[]) {
    it(`O10: a KvK claim that is ${why} → failed, nothing changed, the account stays unverified`, async () => {
      const client = await accountOnSupplierStep(stack, 'o10-bad');
      const before = await eherkenningState(stack);
      const from = stack.logs.length;
      firstOp.variant = variant;
      try {
        assert.equal(outcomeOf(await deliver(stack, client, await callbackFor(client))), 'failed');
      } finally {
        firstOp.variant = 'good';
      }
      assert.deepEqual(await eherkenningState(stack), before);
      assert.ok(refusedFor(stack.logs.slice(from), reason), `refused by the claim check (${reason})`);
      const session = await client.get('/session');
      assert.equal(session.body.step, 'supplier');
      assert.equal(session.body.account?.verified, false);
    });
  }

  it('O10: no KvK claim at all (neither in the ID token nor from userinfo) → failed, nothing changed', async () => {
    // A broker whose claims are not where EHERKENNING_CLAIMS says: the ID token lacks the claim, so userinfo is
    // asked, and lacks it too.
    const missing = await stackFor(backend, firstOp, first, {
      database: stack.server.context.db,
      smtp: stack.smtp,
      env: { EHERKENNING_CLAIMS: JSON.stringify({ legalSubject: ['urn:example:not-sent'] }) },
    });
    try {
      const client = missing.client();
      client.cookie = (await accountOnSupplierStep(missing, 'o10-missing')).cookie;
      const before = await eherkenningState(missing);
      assert.equal(outcomeOf(await deliver(missing, client, await callbackFor(client))), 'failed');
      assert.deepEqual(await eherkenningState(missing), before);
      assert.ok(refusedFor(missing.logs, 'kvk_missing'), 'refused by the claim check (kvk_missing)');
    } finally {
      await missing.close();
    }
  });

  it('O10: kvk fields in the start body and in the callback query are ignored; the KvK comes from the ID token', async () => {
    const client = await accountOnSupplierStep(stack, 'o10-mass');
    const callback = await callbackFor(client, {
      kvk: FORGED_KVK,
      kvkNumber: FORGED_KVK,
      organisationName: 'Overname B.V.',
      legalSubject: FORGED_KVK,
    });
    for (const name of ['kvk', 'kvkNumber', 'urn:etoegang:core:LegalSubjectID', 'sub']) {
      callback.searchParams.set(name, FORGED_KVK);
    }
    assert.equal(outcomeOf(await deliver(stack, client, callback)), 'verified');
    const session = await client.get('/session');
    assert.equal(session.body.memberships?.[0]?.organisation.kvkNumber, KVK);
    const forged = await stack.server.context.db.query('SELECT 1 FROM organisations WHERE kvk_number = $1', [
      FORGED_KVK,
    ]);
    assert.equal(forged.rowCount, 0, 'no organisation for the KvK number the request named');
    const subjects = await stack.server.context.db.query('SELECT 1 FROM eherkenning_identities WHERE subject = $1', [
      FORGED_KVK,
    ]);
    assert.equal(subjects.rowCount, 0, 'no identity for the sub the request named');
  });
});
