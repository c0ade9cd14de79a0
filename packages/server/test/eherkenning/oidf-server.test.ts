import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import type { Client } from '../helpers/client.ts';
import { signUp, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import { eherkenningState } from '../helpers/eherkenning-state.ts';
import { BadOp } from './bad-op.ts';
import { OIDF_RP_CASES, type OidfCase } from './oidf-cases.ts';

const CALLBACK = 'http://localhost:8787/api/v1/eherkenning/callback';
const CLIENT = { clientId: 'wt-oidf', clientSecret: 'oidf-secret-0123456789', redirectUri: CALLBACK };
const SUPPLIER = 'urn:etoegang:AD:1:entities:9001';

// The same 34 cases as relying-party.test.ts, now through the HTTP adapter and its database: POST
// /eherkenning/start, the OP's answer, GET /eherkenning/callback. Each case gets a server instance of its own
// (so discovery is fresh) on one shared PGlite database.
describe('the OIDF RP cases through the server (SECURITY.md §3: O1, O2, O3, O4, O5, O6, O7, O8, O9, O10, O13, O14)', () => {
  let op: BadOp;
  let base: TestStack;
  let account: Client | undefined;
  const tally = { refused: 0, accepted: 0 };

  before(async () => {
    op = await new BadOp(CLIENT).start();
    op.uniqueSubjects = true;
    base = await startStack('pglite');
  });
  after(async () => {
    console.log(`OIDF RP cases through the server: ${tally.refused} refused, ${tally.accepted} accepted`);
    await base.close();
    await op.close();
  });

  async function instance(): Promise<TestStack> {
    return startStack('pglite', {
      env: {
        EHERKENNING_ISSUER: op.issuer,
        EHERKENNING_CLIENT_ID: CLIENT.clientId,
        EHERKENNING_CLIENT_SECRET: CLIENT.clientSecret,
      },
      database: base.server.context.db,
      smtp: base.smtp,
    });
  }

  /** An account on the supplier step, signed in on `stack` (reused until a case verifies it). */
  async function unverified(stack: TestStack): Promise<Client> {
    if (!account) {
      account = base.client();
      await signUp(base, account, { email: uniqueEmail('oidf') });
    }
    const client = stack.client();
    client.cookie = account.cookie;
    return client;
  }

  async function callbackFor(client: Client): Promise<URL | 'start_failed'> {
    const started = await client.post('/eherkenning/start', {
      supplierId: SUPPLIER,
      returnTo: 'http://localhost:5173/',
    });
    if (started.status !== 200) return 'start_failed';
    const answer = await fetch(String(started.body.redirectUrl), { redirect: 'manual' });
    return new URL(answer.headers.get('location')!);
  }

  async function deliver(client: Client, callback: URL, stack: TestStack): Promise<string> {
    const answer = await client.get(`${stack.url}${callback.pathname}${callback.search}`);
    assert.equal(answer.status, 303);
    const location = new URL(answer.headers.get('location')!);
    assert.deepEqual([...location.searchParams.keys()], ['wt-eherkenning']);
    return location.searchParams.get('wt-eherkenning')!;
  }

  /** Runs a case and returns its outcome, checking that a refusal changed nothing. */
  async function run(stack: TestStack, testCase: OidfCase): Promise<string> {
    const client = await unverified(stack);
    const refuse = async (step: () => Promise<string>): Promise<string> => {
      const before = await eherkenningState(stack);
      const outcome = await step();
      if (outcome !== 'verified') assert.deepEqual(await eherkenningState(stack), before, 'a refusal changes nothing');
      return outcome;
    };
    switch (testCase.kind) {
      case 'rotation': {
        const first = await callbackFor(client);
        assert.ok(first instanceof URL);
        assert.equal(await deliver(client, first, stack), 'verified');
        account = undefined;
        await op.rotate();
        mock.timers.enable({ apis: ['Date'], now: Date.now() + 61_000 });
        try {
          const next = await unverified(stack);
          const callback = await callbackFor(next);
          assert.ok(callback instanceof URL);
          return await deliver(next, callback, stack);
        } finally {
          mock.timers.reset();
        }
      }
      case 'replay': {
        const callback = await callbackFor(client);
        assert.ok(callback instanceof URL);
        assert.equal(await deliver(client, callback, stack), 'verified');
        account = undefined;
        return refuse(() => deliver(client, callback, stack));
      }
      case 'other-session': {
        const mine = await callbackFor(client);
        assert.ok(mine instanceof URL);
        const other = stack.client();
        await signUp(base, other, { email: uniqueEmail('oidf-other') });
        const theirs = await callbackFor(other);
        assert.ok(theirs instanceof URL);
        return refuse(() => deliver(client, theirs, stack));
      }
      default:
        return refuse(async () => {
          const callback = await callbackFor(client);
          // Discovery refused (case 14): the start answers eherkenning_failed and nothing is stored.
          if (callback === 'start_failed') return 'failed';
          return deliver(client, callback, stack);
        });
    }
  }

  for (const testCase of OIDF_RP_CASES) {
    const expected = testCase.expected === 'accepted' ? 'verified' : testCase.expected;
    it(`${testCase.n}. ${testCase.title} → ${expected} (${testCase.items})`, async () => {
      op.variant = testCase.variant;
      const stack = await instance();
      try {
        const outcome = await run(stack, testCase);
        assert.equal(outcome, expected);
        if (outcome === 'verified') {
          tally.accepted++;
          account = undefined;
        } else tally.refused++;
      } finally {
        op.variant = 'good';
        await stack.close();
      }
    });
  }
});
