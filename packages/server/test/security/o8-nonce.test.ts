import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, it } from 'node:test';
import type { TestStack } from '../helpers/harness.ts';
import { eherkenningState } from '../helpers/eherkenning-state.ts';
import { eachBackend } from '../helpers/harness.ts';
import { BadOp, type OpVariant } from '../eherkenning/bad-op.ts';
import {
  accountOnSupplierStep,
  callbackFor,
  databaseText,
  deliver,
  opClient,
  outcomeOf,
  stackFor,
} from './eherkenning-helpers.ts';

// SECURITY.md O8: a wrong or missing nonce is rejected "and no tokens are persisted"; 9700 §4.5.3.2: the nonce is
// checked on the token-endpoint ID token before any token is used. The server here reads its claims from
// userinfo (EHERKENNING_CLAIMS source "userinfo"), so skipping the nonce check would show at once as the access
// token being used. The test watches the server's own calls to the broker (openid-client uses the global fetch)
// to learn the tokens it was given, then looks for them in every table and every log line.

/** The server's calls to the bad OP during one callback. */
interface BrokerCalls {
  tokens: string[];
  bearerUses: string[];
}

eachBackend('O8: nonce', (backend) => {
  const registration = opClient('o8');
  let op: BadOp;
  let stack: TestStack;
  const realFetch = globalThis.fetch;
  let calls: BrokerCalls;

  before(async () => {
    op = await new BadOp(registration).start();
    stack = await stackFor(backend, op, registration, {
      env: { EHERKENNING_CLAIMS: JSON.stringify({ source: 'userinfo' }) },
    });
  });
  after(async () => {
    await stack?.close();
    await op?.close();
  });
  beforeEach(() => {
    calls = { tokens: [], bearerUses: [] };
    globalThis.fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const response = await realFetch(input, init);
      if (url.origin !== op.issuer) return response;
      const authorization = new Headers(init?.headers).get('authorization') ?? '';
      if (authorization.startsWith('Bearer ')) calls.bearerUses.push(url.pathname);
      if (url.pathname === '/token' && response.ok) {
        const body = (await response.clone().json()) as { access_token: string; id_token: string };
        calls.tokens.push(body.access_token, body.id_token);
      }
      return response;
    };
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    op.variant = 'good';
  });

  /** One round trip with the bad OP answering as `variant`; returns the outcome. */
  async function roundTrip(variant: OpVariant): Promise<{ outcome: string | null; from: number }> {
    const client = await accountOnSupplierStep(stack, 'o8');
    const callback = await callbackFor(client);
    const from = stack.logs.length;
    op.variant = variant;
    return { outcome: outcomeOf(await deliver(stack, client, callback)), from };
  }

  it('O8: the control — a good token is used at userinfo after its nonce checked out', async () => {
    const { outcome } = await roundTrip('good');
    assert.equal(outcome, 'verified');
    assert.equal(calls.tokens.length, 2, 'the watch sees the tokens the broker gave');
    assert.deepEqual(calls.bearerUses, ['/userinfo'], 'the watch sees the access token being used');
  });

  for (const variant of ['invalid-nonce', 'missing-nonce'] as const) {
    it(`O8: ${variant} → refused before any token is used; nothing changed and no token stored or logged`, async () => {
      const before = await eherkenningState(stack);
      const { outcome, from } = await roundTrip(variant);
      assert.equal(outcome, 'failed');
      assert.deepEqual(await eherkenningState(stack), before, 'no organisation, membership, identity or audit');
      assert.equal(calls.tokens.length, 2, 'the broker did hand out tokens');
      assert.deepEqual(calls.bearerUses, [], 'the access token was never used');
      const stored = await databaseText(stack);
      const logged = stack.logs.slice(from).join('\n');
      for (const token of calls.tokens) {
        assert.equal(stored.includes(token), false, 'a token is in the database');
        assert.equal(logged.includes(token), false, 'a token is in the log');
      }
      const reasons = stack.logs
        .slice(from)
        .map((line) => JSON.parse(line) as { event?: string; detail?: string })
        .filter((record) => record.event === 'eherkenning_failed');
      assert.match(reasons.map((record) => record.detail ?? '').join(' '), /"nonce"/, 'refused for the nonce');
    });
  }
});
