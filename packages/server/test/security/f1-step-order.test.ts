// SECURITY.md F1: steps run in order, enforced on the server. The points not covered elsewhere (the code before
// the details: signup.test.ts; the reset: password-reset.test.ts): eHerkenning cannot start before the account
// exists, a callback without a pending transaction changes nothing, and nobody holds administrator rights before
// an EH3 login succeeded. DESIGN.md wins on the codes: a start without an account is `not_signed_in` 401, and a
// refused callback is a 303 to the page with `wt-eherkenning=failed`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  SIMULATED_IDENTITIES,
  SIMULATED_SUPPLIERS,
  signInAtSimulator,
  type RunningSimulator,
} from '@wij-techniek/eherkenning-sim';
import { endpointPath, ENDPOINTS, type EndpointName } from '@wij-techniek/onboarding-contract';
import type { Answer, Client } from '../helpers/client.ts';
import { signUp, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import { startWithSimulator } from '../helpers/simulator.ts';

const PUBLIC_URL = 'http://localhost:8787';
const CALLBACK = `${PUBLIC_URL}/api/v1/eherkenning/callback`;
const RETURN_TO = 'http://localhost:5173/aanmelden';
const SUPPLIER = SIMULATED_SUPPLIERS[0]!.id;
const byId = (id: string) => SIMULATED_IDENTITIES.find((identity) => identity.id === id)!;
const JAN = byId('jan-de-vries');
const FATIMA = byId('fatima-el-amrani');
const SANNE = byId('sanne-jansen');

describe('F1 eHerkenning and administrator rights come only after the steps before them', () => {
  let sim: RunningSimulator;
  let stack: TestStack;

  before(async () => {
    ({ sim, stack } = await startWithSimulator('pglite', 'f1', { env: { PUBLIC_URL } }));
  });
  after(async () => {
    await stack?.close();
    await sim?.close();
  });

  /** Everything a callback could create or change, counted. */
  async function snapshot() {
    const { rows } = await stack.server.context.db.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM accounts) AS accounts,
              (SELECT count(*)::int FROM accounts WHERE verified_at IS NOT NULL) AS verified,
              (SELECT count(*)::int FROM organisations) AS organisations,
              (SELECT count(*)::int FROM memberships) AS memberships,
              (SELECT count(*)::int FROM eherkenning_identities) AS identities,
              (SELECT count(*)::int FROM eherkenning_transactions) AS transactions,
              (SELECT count(*)::int FROM audit_log) AS audit`,
    );
    return rows[0]!;
  }

  function start(client: Client) {
    return client.post('/eherkenning/start', { supplierId: SUPPLIER, returnTo: RETURN_TO });
  }

  function deliver(client: Client, callback: URL) {
    return client.get(`${stack.url}${callback.pathname}${callback.search}`);
  }

  function outcome(answer: Answer): string | null {
    assert.equal(answer.status, 303, answer.text);
    return new URL(answer.headers.get('location')!).searchParams.get('wt-eherkenning');
  }

  /** A person part-way through sign-up: on the code step, or on the details step with the code accepted. */
  async function partWay(step: 'code' | 'details'): Promise<Client> {
    const client = stack.client();
    const email = uniqueEmail(`f1-${step}`);
    assert.equal((await client.post('/signup/email', { email })).status, 202);
    if (step === 'details') {
      await stack.drain();
      assert.equal((await client.post('/signup/code', { code: stack.smtp.codeFor(email) })).status, 200);
    }
    assert.equal((await client.get('/session')).body.step, step);
    return client;
  }

  it('F1: eHerkenning cannot start before the account exists (not_signed_in 401), on the code or the details step', async () => {
    for (const step of ['code', 'details'] as const) {
      const client = await partWay(step);
      const before = await snapshot();
      const answer = await start(client);
      assert.equal(answer.status, 401, `${step}: ${answer.text}`);
      assert.equal(answer.body.code, 'not_signed_in', step);
      assert.equal(answer.body.redirectUrl, undefined, 'no way to the broker');
      assert.deepEqual(await snapshot(), before, `${step}: no transaction was started`);
      assert.equal((await client.get('/session')).body.step, step, 'the sign-up stays where it was');
    }
  });

  it('F1: a callback without a pending transaction goes back as failed and changes nothing', async () => {
    // A signed-in account that never started eHerkenning, with a made-up answer of the broker.
    const client = stack.client();
    await signUp(stack, client, { email: uniqueEmail('f1-never-started') });
    const madeUp = new URL(CALLBACK);
    madeUp.search = new URLSearchParams({ code: 'x'.repeat(43), state: 'y'.repeat(43), iss: sim.issuer }).toString();
    let before = await snapshot();
    assert.equal(outcome(await deliver(client, madeUp)), 'failed');
    assert.deepEqual(await snapshot(), before);
    assert.equal((await client.get('/session')).body.step, 'supplier');

    // A real answer of the broker, for someone else's transaction, delivered to a session that has none: on the
    // details step (no account yet) and signed in (an account, nothing started).
    const owner = stack.client();
    await signUp(stack, owner, { email: uniqueEmail('f1-owner') });
    const started = await start(owner);
    assert.equal(started.status, 200, started.text);
    const callback = await signInAtSimulator(String(started.body.redirectUrl), CALLBACK, JAN.id);
    for (const other of [await partWay('details'), client]) {
      before = await snapshot();
      assert.equal(outcome(await deliver(other, callback)), 'failed');
      assert.deepEqual(await snapshot(), before, 'nothing bound, nothing consumed');
      const session = await other.get('/session');
      assert.deepEqual(session.body.memberships ?? [], []);
    }
    // The owner's transaction was not used up by the others: it still works for the owner.
    assert.equal(outcome(await deliver(owner, callback)), 'verified');
  });

  it('F1: no administrator rights before EH3 succeeds: 403 while at the broker and after an EH2 login, allowed after EH3', async () => {
    // Jan's organisation exists: he proved EH3 for it.
    const jan = stack.client();
    await signUp(stack, jan, { email: uniqueEmail('f1-jan'), firstName: 'Jan', lastName: 'de Vries' });
    const janStart = await start(jan);
    assert.equal(
      outcome(await deliver(jan, await signInAtSimulator(String(janStart.body.redirectUrl), CALLBACK, JAN.id))),
      'verified',
    );
    const janSession = await jan.get('/session');
    const organisationId = janSession.body.memberships![0]!.organisation.id;
    const memberId = janSession.body.memberships![0]!.id;

    /** Every administrator call on Jan's organisation, each refused with `forbidden` and changing nothing. */
    const calls: [EndpointName, Record<string, unknown> | undefined][] = [
      ['organisation', undefined],
      ['members', undefined],
      ['invitations', undefined],
      ['audit', undefined],
      ['inviteMember', { email: uniqueEmail('f1-invitee'), rights: ['administer'] }],
      ['updateMember', { rights: [] }],
      ['removeMember', {}],
    ];
    async function assertNoRights(client: Client, when: string) {
      const before = await snapshot();
      for (const [name, body] of calls) {
        const path = endpointPath(name, { organisationId, memberId });
        const answer = await client.request(ENDPOINTS[name].method, path, body);
        assert.equal(
          answer.status,
          403,
          `${when}: ${ENDPOINTS[name].method} ${path} → ${answer.status} ${answer.text}`,
        );
        assert.equal(answer.body.code, 'forbidden', when);
      }
      assert.deepEqual(await snapshot(), before, `${when}: nothing changed`);
      const session = await client.get('/session');
      assert.deepEqual(session.body.memberships, [], `${when}: no membership`);
      assert.equal(session.body.account?.verified, false, `${when}: not verified`);
    }

    // Fatima, a colleague, signed up and is at the broker: her EH3 has not come back yet.
    const fatima = stack.client();
    await signUp(stack, fatima, { email: uniqueEmail('f1-fatima'), firstName: 'Fatima', lastName: 'el Amrani' });
    await assertNoRights(fatima, 'signed up, before eHerkenning');
    const pending = await start(fatima);
    assert.equal(pending.status, 200, pending.text);
    await assertNoRights(fatima, 'at the broker, callback not back');
    // She logs in with an EH2 means: too low, so still nothing.
    const low = await signInAtSimulator(String(pending.body.redirectUrl), CALLBACK, SANNE.id);
    assert.equal(outcome(await deliver(fatima, low)), 'level_too_low');
    await assertNoRights(fatima, 'after an EH2 login');

    // With EH3 the same calls are allowed: the refusals above were about the missing EH3, nothing else.
    const retry = await start(fatima);
    assert.equal(
      outcome(await deliver(fatima, await signInAtSimulator(String(retry.body.redirectUrl), CALLBACK, FATIMA.id))),
      'verified',
    );
    const members = await fatima.get(endpointPath('members', { organisationId }));
    assert.equal(members.status, 200, members.text);
  });
});
