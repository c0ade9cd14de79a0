// SECURITY.md C4 over real HTTP, on PGlite and PostgreSQL: a code only works in the flow and for the address it was
// mailed for, and a resend invalidates the code before it. signup/signup.test.ts covers a code of one person's flow
// tried in another person's; this file adds two flows for one address, a session that switched address, the
// reset flow, and a first code that is refused after a resend with its status asserted.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { eachBackend, signUp, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import { startedSignUp } from './signup-steps.ts';

eachBackend('C4 codes bound to their flow and address', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend);
  });
  after(async () => {
    await stack?.close();
  });

  it('C4: two flows for one address: the code of flow A is refused in flow B, and B’s own code works', async () => {
    const email = uniqueEmail('c4');
    const a = await startedSignUp(stack, email);
    const b = await startedSignUp(stack, email);
    assert.notEqual(a.client.cookie, b.client.cookie);
    if (a.code !== b.code) {
      const crossed = await b.client.post('/signup/code', { code: a.code });
      assert.equal(crossed.status, 400);
      assert.equal(crossed.body.code, 'code_invalid');
    }
    assert.equal((await b.client.post('/signup/code', { code: b.code })).status, 200);
  });

  it('C4: a session that started again with address B refuses the code mailed to address A', async () => {
    const first = uniqueEmail('c4-a');
    const second = uniqueEmail('c4-b');
    const { client, code: codeForA } = await startedSignUp(stack, first);
    const { code: codeForB } = await startedSignUp(stack, second, client);
    if (codeForA !== codeForB) {
      const wrongAddress = await client.post('/signup/code', { code: codeForA });
      assert.equal(wrongAddress.status, 400);
      assert.equal(wrongAddress.body.code, 'code_invalid');
    }
    assert.equal((await client.post('/signup/code', { code: codeForB })).status, 200);
  });

  it('C4: after a resend the first code is refused as code_invalid; the new one works', async () => {
    const { client, email, code: first } = await startedSignUp(stack);
    let second = first;
    // A resend may by chance mail the same six digits (one in a million); resend until they differ.
    while (second === first) {
      stack.clock.advance(61);
      assert.equal((await client.post('/signup/code/resend')).status, 202);
      await stack.drain();
      second = stack.smtp.codeFor(email);
    }
    const old = await client.post('/signup/code', { code: first });
    assert.equal(old.status, 400);
    assert.equal(old.body.code, 'code_invalid');
    assert.equal((await client.post('/signup/code', { code: second })).status, 200);
  });

  it('C4: a password-reset code is refused in another reset flow for the same address', async () => {
    const email = await signUp(stack, stack.client());
    const one = stack.client();
    await one.post('/password/forgot', { email });
    await stack.drain();
    const first = stack.smtp.codeFor(email);
    const two = stack.client();
    await two.post('/password/forgot', { email });
    await stack.drain();
    const other = stack.smtp.codeFor(email);
    if (first !== other) {
      const crossed = await two.post('/password/code', { code: first });
      assert.equal(crossed.status, 400);
      assert.equal(crossed.body.code, 'code_invalid');
    }
    assert.equal((await two.post('/password/code', { code: other })).status, 200);
  });

  it('C4: after a reset-code resend the first reset code is refused', async () => {
    const email = await signUp(stack, stack.client());
    const client = stack.client();
    await client.post('/password/forgot', { email });
    await stack.drain();
    const first = stack.smtp.codeFor(email);
    stack.clock.advance(61);
    assert.equal((await client.post('/password/code/resend')).status, 202);
    await stack.drain();
    const resent = stack.smtp.codeFor(email);
    if (resent !== first) {
      const old = await client.post('/password/code', { code: first });
      assert.equal(old.status, 400);
      assert.equal(old.body.code, 'code_invalid');
    }
    assert.equal((await client.post('/password/code', { code: resent })).status, 200);
  });
});
