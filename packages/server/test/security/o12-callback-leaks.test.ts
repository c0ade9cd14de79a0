import assert from 'node:assert/strict';
import { after, afterEach, before, it } from 'node:test';
import type { Answer, Client } from '../helpers/client.ts';
import { eachBackend, type TestStack } from '../helpers/harness.ts';
import { BadOp, type OpVariant } from '../eherkenning/bad-op.ts';
import { accountOnSupplierStep, callbackFor, deliver, opClient, RETURN_TO, stackFor } from './eherkenning-helpers.ts';

// SECURITY.md O12 (RFC 9700 §4.2.4, §4.3): the answer to the callback, whatever the outcome, is a bare 303 to a
// clean URL with `Referrer-Policy: no-referrer`, and it loads no subresources: no body to render, and a CSP of
// `default-src 'none'` in case a browser rendered one. The code, state and iss stay behind, and the answer is
// not cached. (The browser run in test/e2e/sign-up.test.ts checks the happy path's 303 and final address.)

const APP_URL = 'http://localhost:5173/';

eachBackend('O12: the callback does not leak the code', (backend) => {
  const registration = opClient('o12');
  let op: BadOp;
  let stack: TestStack;
  before(async () => {
    op = await new BadOp(registration).start();
    stack = await stackFor(backend, op, registration);
  });
  after(async () => {
    await stack?.close();
    await op?.close();
  });
  afterEach(() => {
    op.variant = 'good';
  });

  function assertClean(answer: Answer, callback: URL, target: string, outcome: string): void {
    assert.equal(answer.status, 303);
    assert.equal(answer.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(answer.text, '', 'no body: nothing to render, nothing to load');
    assert.match(answer.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.equal(answer.headers.get('link'), null, 'no preload or prefetch of anything');
    assert.match(answer.headers.get('cache-control') ?? '', /no-store/);
    const location = answer.headers.get('location')!;
    const url = new URL(location);
    assert.equal(`${url.origin}${url.pathname}`, target);
    assert.deepEqual([...url.searchParams.entries()], [['wt-eherkenning', outcome]]);
    assert.equal(url.hash, '');
    for (const [name, value] of callback.searchParams) {
      if (value.length >= 8) assert.equal(location.includes(value), false, `the ${name} is in the new address`);
    }
  }

  const cases: readonly { variant: OpVariant; outcome: string }[] = [
    { variant: 'good', outcome: 'verified' },
    { variant: 'cancel', outcome: 'cancelled' },
    { variant: 'acr-loa2', outcome: 'level_too_low' },
    { variant: 'invalid-nonce', outcome: 'failed' },
  ];
  for (const { variant, outcome } of cases) {
    it(`O12: ${outcome} → a bare 303 to returnTo with only wt-eherkenning, no-referrer, no body, not cached`, async () => {
      const client = await accountOnSupplierStep(stack, 'o12');
      op.variant = variant;
      const callback = await callbackFor(client);
      assertClean(await deliver(stack, client, callback), callback, RETURN_TO, outcome);
    });
  }

  it('O12: without a transaction (another browser, or a replay) → the same bare 303 to APP_URL', async () => {
    const client = await accountOnSupplierStep(stack, 'o12-own');
    const callback = await callbackFor(client);
    const stranger: Client = stack.client();
    assertClean(await deliver(stack, stranger, callback), callback, APP_URL, 'failed');
    assertClean(await deliver(stack, client, callback), callback, RETURN_TO, 'verified');
    assertClean(await deliver(stack, client, callback), callback, APP_URL, 'failed');
  });
});
