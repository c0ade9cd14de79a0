import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { EherkenningRelyingParty, resolveEherkenningConfig } from '../../src/eherkenning/index.ts';
import { eachBackend, type TestStack } from '../helpers/harness.ts';
import { eherkenningState } from '../helpers/eherkenning-state.ts';
import { BadOp } from '../eherkenning/bad-op.ts';
import {
  accountOnSupplierStep,
  callbackFor,
  CALLBACK,
  deliver,
  opClient,
  outcomeOf,
  stackFor,
  SUPPLIER,
} from './eherkenning-helpers.ts';

// SECURITY.md O14: "the mock OP returns 500, times out, or sends error=access_denied → … a generic message, the
// account stays pending_eh3, no partial admin grant. A later retry succeeds." The 500 and access_denied cases
// run against the simulator in test/eherkenning/round-trip.test.ts; this file adds the broker that times out.
// - Against the relying party, a token endpoint that never answers: the request is cut off by the configured
//   timeout (set to a fifth of a second here; the server's is 10 s) instead of hanging the callback.
// - Through the server, the callback's token request ends in the timeout error fetch gives when that limit
//   passes (the test raises it at once rather than wait 10 s): 303 failed, nothing changed, a retry verifies.

/** A fetch for which requests to `path` of `issuer` never answer; they end only when their signal aborts. */
function hangingAt(realFetch: typeof fetch, issuer: string, path: string): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin !== issuer || url.pathname !== path) return realFetch(input, init);
    const signal = init?.signal;
    return new Promise<Response>((_resolve, reject) => {
      if (!signal) return; // never answers at all: without a timeout the callback would hang here for ever
      signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
    });
  };
}

/** A fetch for which requests to `path` of `issuer` fail as a fetch whose timeout passed. */
function timingOutAt(realFetch: typeof fetch, issuer: string, path: string): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin !== issuer || url.pathname !== path) return realFetch(input, init);
    throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
  };
}

const realFetch = globalThis.fetch;

describe('O14: a token endpoint that never answers, against the relying party', () => {
  const registration = opClient('o14-rp');
  let op: BadOp;
  before(async () => {
    op = await new BadOp(registration).start();
  });
  after(() => op.close());
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  // The test's own limit is far above the relying party's 0.2 s and far below openid-client's default of 30 s:
  // it fails only when the configured timeout is not what ends the hang.
  it(
    'O14: the token request is cut off by the timeout as broker_unavailable, and a retry verifies',
    { timeout: 10_000 },
    async () => {
      const rp = new EherkenningRelyingParty({
        ...resolveEherkenningConfig(
          { ...registration, issuer: op.issuer, suppliersUrl: undefined, supplierParam: undefined, claims: undefined },
          { production: false, publicUrl: new URL(CALLBACK).origin },
        ),
        timeoutSeconds: 0.2,
      });
      const start = await rp.startAuthorization(SUPPLIER);
      const callback = new URL((await realFetch(start.redirectUrl, { redirect: 'manual' })).headers.get('location')!);
      globalThis.fetch = hangingAt(realFetch, op.issuer, '/token');
      await assert.rejects(rp.completeAuthorization(callback, start.transaction), { code: 'broker_unavailable' });

      globalThis.fetch = realFetch;
      const retry = await rp.startAuthorization(SUPPLIER);
      const back = new URL((await realFetch(retry.redirectUrl, { redirect: 'manual' })).headers.get('location')!);
      assert.equal((await rp.completeAuthorization(back, retry.transaction)).level, 'EH3');
    },
  );
});

eachBackend('O14: a broker that times out at the callback, through the server', (backend) => {
  const registration = opClient('o14');
  let op: BadOp;
  let stack: TestStack;
  before(async () => {
    op = await new BadOp(registration).start();
    stack = await stackFor(backend, op, registration);
  });
  after(async () => {
    globalThis.fetch = realFetch;
    await stack?.close();
    await op?.close();
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  for (const path of ['/token', '/jwks']) {
    it(`O14: ${path} times out → 303 failed, the account stays on the supplier step unverified, no admin; a retry verifies`, async () => {
      const client = await accountOnSupplierStep(stack, 'o14');
      const callback = await callbackFor(client);
      const before = await eherkenningState(stack);
      // A new server instance has no JWKS cached yet; this one may, so the JWKS case uses a fresh relying party.
      const instance =
        path === '/jwks'
          ? await stackFor(backend, op, registration, { database: stack.server.context.db, smtp: stack.smtp })
          : stack;
      try {
        const there = instance.client(client.ip);
        there.cookie = client.cookie;
        globalThis.fetch = timingOutAt(realFetch, op.issuer, path);
        const from = instance.logs.length;
        assert.equal(outcomeOf(await deliver(instance, there, callback)), 'failed');
        const failure = instance.logs
          .slice(from)
          .map((line) => JSON.parse(line) as { event?: string; code?: string; reason?: string })
          .find((record) => record.event === 'eherkenning_failed');
        assert.deepEqual(
          [failure?.code, failure?.reason],
          ['broker_unavailable', 'OAUTH_TIMEOUT'],
          'logged as a broker timeout',
        );
        globalThis.fetch = realFetch;
        assert.deepEqual(await eherkenningState(stack), before, 'no organisation, membership, identity, audit or mail');
        const session = await there.get('/session');
        assert.equal(session.body.step, 'supplier');
        assert.equal(session.body.account?.verified, false);
        assert.deepEqual(session.body.memberships, []);
        assert.equal(session.body.eherkenning?.outcome, 'failed');

        const retry = await callbackFor(there);
        assert.equal(outcomeOf(await deliver(instance, there, retry)), 'verified', 'a later retry succeeds');
      } finally {
        if (instance !== stack) await instance.close();
      }
    });
  }
});
