import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  SIMULATED_IDENTITIES,
  SIMULATED_SUPPLIERS,
  signInAtSimulator,
  type RunningSimulator,
} from '@wij-techniek/eherkenning-sim';
import { RIGHTS } from '@wij-techniek/onboarding-contract';
import type { Client } from '../helpers/client.ts';
import { eachBackend, signUp, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import { startWithSimulator } from '../helpers/simulator.ts';
import { eherkenningState } from '../helpers/eherkenning-state.ts';

const PUBLIC_URL = 'http://localhost:8787';
const CALLBACK = `${PUBLIC_URL}/api/v1/eherkenning/callback`;
const RETURN_TO = 'http://localhost:5173/aanmelden';
const SUPPLIER = SIMULATED_SUPPLIERS[2]!.id;

const identity = (level: string, index = 0) =>
  SIMULATED_IDENTITIES.filter((candidate) => candidate.level === level)[index]!;
const JAN = identity('EH3', 0);
const FATIMA = identity('EH3', 1);
const PIETER = identity('EH4');
const SANNE = identity('EH2');

eachBackend('eHerkenning round trip with the simulator', (backend) => {
  let sim: RunningSimulator;
  let stack: TestStack;
  let brokerEnv: Readonly<Record<string, string>>;

  before(async () => {
    ({ sim, stack, brokerEnv } = await startWithSimulator(backend, 'round-trip', { env: { PUBLIC_URL } }));
  });
  after(async () => {
    await stack.close();
    await sim.close();
  });

  /** A new signed-in account on the supplier step. */
  async function newAccount(firstName = 'Anna'): Promise<{ client: Client; email: string }> {
    const client = stack.client();
    const email = await signUp(stack, client, { email: uniqueEmail('eh'), firstName });
    return { client, email };
  }

  /** POST /eherkenning/start. */
  function start(client: Client, body: Record<string, unknown> = {}, headers?: Record<string, string>) {
    return client.post('/eherkenning/start', { supplierId: SUPPLIER, returnTo: RETURN_TO, ...body }, headers);
  }

  /** Delivers the broker's callback URL to the server on `client`'s session. */
  function deliver(client: Client, callback: URL) {
    return client.get(`${stack.url}${callback.pathname}${callback.search}`);
  }

  /** Start → simulator login as `who` → the callback URL (not yet delivered). */
  async function loginAt(client: Client, who: string): Promise<URL> {
    const started = await start(client);
    assert.equal(started.status, 200, started.text);
    return signInAtSimulator(String(started.body.redirectUrl), CALLBACK, who);
  }

  function outcomeOf(answer: { status: number; headers: Headers }): URL {
    assert.equal(answer.status, 303);
    assert.equal(answer.headers.get('referrer-policy'), 'no-referrer');
    return new URL(answer.headers.get('location')!);
  }

  it('GET /config lists the broker suppliers in its order', async () => {
    const config = await stack.client().get('/config');
    assert.deepEqual(
      (config.body.suppliers as { name: string }[]).map((supplier) => supplier.name),
      SIMULATED_SUPPLIERS.map((supplier) => supplier.name),
    );
  });

  it('start → EH3 login → callback makes the organisation and its administrator; GET /session shows them', async () => {
    const { client, email } = await newAccount();
    const before = await client.get('/session');
    assert.equal(before.body.step, 'supplier');
    const cookieBefore = client.cookie;

    const answer = await deliver(client, await loginAt(client, JAN.id));
    const location = outcomeOf(answer);
    assert.equal(`${location.origin}${location.pathname}`, RETURN_TO);
    assert.deepEqual([...location.searchParams.keys()], ['wt-eherkenning'], 'no code or state in the final URL (O12)');
    assert.equal(location.searchParams.get('wt-eherkenning'), 'verified');
    assert.notEqual(client.cookie, cookieBefore, 'the session id was rotated (S3)');

    const session = await client.get('/session');
    assert.equal(session.body.step, 'verified');
    assert.equal(session.body.account?.email, email);
    assert.equal(session.body.account?.verified, true);
    assert.equal(session.body.eherkenning?.outcome, 'verified');
    assert.equal(session.body.memberships?.length, 1);
    const [membership] = session.body.memberships;
    assert.deepEqual(membership!.organisation, {
      id: membership!.organisation.id,
      name: JAN.company.name,
      kvkNumber: JAN.company.kvkNumber,
      branchNumber: JAN.company.branchNumber,
    });
    assert.deepEqual(membership!.rights, [...RIGHTS]);

    const old = await stack.client().get('/session', { cookie: cookieBefore! });
    assert.equal(old.body.account, null, 'the old session id no longer works');

    const audit = await stack.server.context.db.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE organisation_id = $1',
      [membership!.organisation.id],
    );
    assert.deepEqual(
      audit.rows.map((row) => row.action),
      ['administrator_verified'],
    );
    // L2: the record keeps its severity; the level eHerkenning proved is `assurance` (a field `level` once
    // overwrote the severity with "EH3").
    const verified = stack.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((record) => record.event === 'eherkenning_verified');
    assert.equal(verified?.level, 'info');
    assert.equal(verified?.assurance, 'EH3');

    const again = await start(client);
    assert.equal(again.status, 409, 'a verified account does not go through eHerkenning again');
    assert.equal(again.body.code, 'step_out_of_order');
  });

  it('a colleague proving EH3 for the same KvK becomes administrator too, and the first one gets a mail', async () => {
    const first = await newAccount('Jan');
    assert.equal(
      outcomeOf(await deliver(first.client, await loginAt(first.client, JAN.id))).searchParams.get('wt-eherkenning'),
      'verified',
    );
    const second = await newAccount('Fatima');
    const answer = await deliver(second.client, await loginAt(second.client, FATIMA.id));
    assert.equal(outcomeOf(answer).searchParams.get('wt-eherkenning'), 'verified');

    const firstSession = await first.client.get('/session');
    const secondSession = await second.client.get('/session');
    const organisationId = firstSession.body.memberships![0]!.organisation.id;
    assert.equal(secondSession.body.memberships![0]!.organisation.id, organisationId, 'one organisation per KvK');
    assert.deepEqual(secondSession.body.memberships![0]!.rights, [...RIGHTS]);

    await stack.drain();
    const mails = stack.smtp.to(first.email).filter((mail) => /beheerder/i.test(mail.subject));
    assert.ok(mails.length >= 1, 'the earlier administrator is told');
    assert.match(mails.at(-1)!.text, new RegExp(second.email.replace(/[.+]/g, '\\$&')));
  });

  it('accepts EH4 (O9)', async () => {
    const { client } = await newAccount();
    const answer = await deliver(client, await loginAt(client, PIETER.id));
    assert.equal(outcomeOf(answer).searchParams.get('wt-eherkenning'), 'verified');
    const session = await client.get('/session');
    assert.equal(session.body.memberships![0]!.organisation.kvkNumber, PIETER.company.kvkNumber);
  });

  describe('refusals change nothing and a retry works (O14, F7)', () => {
    const cases: {
      name: string;
      outcome: string;
      run: (client: Client) => Promise<{ status: number; headers: Headers }>;
    }[] = [
      {
        name: 'Annuleren at the supplier',
        outcome: 'cancelled',
        run: async (client) => deliver(client, await loginAt(client, 'cancel')),
      },
      {
        name: 'an EH2 login (O9)',
        outcome: 'level_too_low',
        run: async (client) => deliver(client, await loginAt(client, SANNE.id)),
      },
      {
        name: 'a token endpoint that fails',
        outcome: 'failed',
        run: async (client) => {
          const callback = await loginAt(client, JAN.id);
          sim.faults.tokenEndpointFails = true;
          try {
            return await deliver(client, callback);
          } finally {
            sim.faults.tokenEndpointFails = false;
          }
        },
      },
      {
        name: 'a broker that is unreachable at the callback',
        outcome: 'failed',
        run: async (client) => {
          const callback = await loginAt(client, JAN.id);
          sim.faults.unavailable = true;
          try {
            return await deliver(client, callback);
          } finally {
            sim.faults.unavailable = false;
          }
        },
      },
      {
        name: 'a callback with a state this session never sent (O2)',
        outcome: 'failed',
        run: async (client) => {
          const callback = await loginAt(client, JAN.id);
          callback.searchParams.set('state', 'x'.repeat(43));
          return deliver(client, callback);
        },
      },
      {
        name: 'a callback delivered in another browser session (O3)',
        outcome: 'failed',
        run: async (client) => {
          const { client: other } = await newAccount();
          const callback = await loginAt(other, JAN.id);
          return deliver(client, callback);
        },
      },
    ];

    for (const testCase of cases) {
      it(`${testCase.name} → ${testCase.outcome}`, async () => {
        const { client } = await newAccount();
        const before = await eherkenningState(stack);
        const answer = await testCase.run(client);
        const location = outcomeOf(answer);
        assert.equal(location.searchParams.get('wt-eherkenning'), testCase.outcome);
        assert.deepEqual([...location.searchParams.keys()], ['wt-eherkenning']);
        assert.deepEqual(await eherkenningState(stack), before, 'no organisation, membership, identity, audit or mail');
        const session = await client.get('/session');
        assert.equal(session.body.step, 'supplier');
        assert.equal(session.body.account?.verified, false);

        const retry = await deliver(client, await loginAt(client, JAN.id));
        assert.equal(outcomeOf(retry).searchParams.get('wt-eherkenning'), 'verified', 'a retry works');
      });
    }

    it('a replayed callback is refused and changes nothing (O2, F1: no pending transaction)', async () => {
      const { client } = await newAccount();
      const callback = await loginAt(client, JAN.id);
      assert.equal(outcomeOf(await deliver(client, callback)).searchParams.get('wt-eherkenning'), 'verified');
      const before = await eherkenningState(stack);
      const replay = outcomeOf(await deliver(client, callback));
      assert.equal(replay.searchParams.get('wt-eherkenning'), 'failed');
      assert.equal(`${replay.origin}${replay.pathname}`, 'http://localhost:5173/', 'APP_URL without a transaction');
      assert.deepEqual(await eherkenningState(stack), before);
    });

    it('a callback without any session goes to APP_URL as failed (F1)', async () => {
      const { client } = await newAccount();
      const callback = await loginAt(client, JAN.id);
      const before = await eherkenningState(stack);
      const stranger = stack.client();
      const location = outcomeOf(await deliver(stranger, callback));
      assert.equal(location.searchParams.get('wt-eherkenning'), 'failed');
      assert.deepEqual(await eherkenningState(stack), before);
    });
  });

  describe('POST /eherkenning/start', () => {
    it('needs a signed-in account (F1: not_signed_in 401 before the account exists)', async () => {
      const answer = await start(stack.client());
      assert.equal(answer.status, 401);
      assert.equal(answer.body.code, 'not_signed_in');
    });

    it('refuses a returnTo off the allow-list (O11)', async () => {
      const { client } = await newAccount();
      const foreign = await start(client, { returnTo: 'https://evil.example/' });
      assert.equal(foreign.status, 400);
      assert.equal(foreign.body.code, 'return_to_not_allowed');
      const schemeRelative = await start(client, { returnTo: '//evil.example' });
      assert.equal(schemeRelative.status, 400);
    });

    it('refuses a supplier the broker does not list', async () => {
      const { client } = await newAccount();
      const answer = await start(client, { supplierId: 'urn:etoegang:AD:0:entities:0' });
      assert.equal(answer.status, 400);
      assert.equal(answer.body.code, 'unknown_supplier');
    });

    it('builds redirect_uri from PUBLIC_URL, never from Host (O11), and ignores a kvk in the body (O10)', async () => {
      const { client } = await newAccount();
      const answer = await start(client, { kvk: '12345678' }, { host: 'evil.example' });
      assert.equal(answer.status, 200, answer.text);
      const url = new URL(String(answer.body.redirectUrl));
      assert.equal(url.searchParams.get('redirect_uri'), CALLBACK);
      assert.equal(url.searchParams.get('acr_values'), 'urn:etoegang:core:assurance-class:loa3');
      assert.equal(url.searchParams.get('eh_supplier'), SUPPLIER);
      assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
      assert.ok(!answer.text.includes('code_verifier'));
    });

    it('answers broker_unavailable while the broker is down at first use, and works once it is back', async () => {
      const { client } = await newAccount();
      // A second server instance on the same database: its relying party has not met the broker yet.
      const fresh = await startStack(backend, {
        env: { PUBLIC_URL, ...brokerEnv },
        database: stack.server.context.db,
        smtp: stack.smtp,
      });
      const there = fresh.client();
      there.cookie = client.cookie;
      try {
        sim.faults.unavailable = true;
        const config = await there.get('/config');
        assert.equal(config.status, 200, 'GET /config still answers');
        assert.deepEqual(config.body.suppliers, []);
        const down = await start(there);
        assert.equal(down.status, 503);
        assert.equal(down.body.code, 'broker_unavailable');
        sim.faults.unavailable = false;
        const up = await start(there);
        assert.equal(up.status, 200, up.text);
      } finally {
        sim.faults.unavailable = false;
        await fresh.close();
      }
    });
  });
});
