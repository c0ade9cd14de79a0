// SECURITY.md C3 over real HTTP, on PGlite and PostgreSQL: a code works once and is invalidated by its success, for
// sign-up and for password reset, and correct submissions sent at once succeed exactly once (the consuming UPDATE
// is conditional; on PostgreSQL the requests really run side by side). signup/signup.test.ts has the two-request
// case; this file adds the reset flow, five at once on one session, and what is left of the code in the database.
// Five, the attempts a flow allows (C5): each submission is counted before it is compared, so a sixth at once is
// refused as too_many_attempts and may end the flow before the right one is compared; that is C5's test, not C3's.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { VERIFICATION_CODE_RULES as RULES } from '@wij-techniek/onboarding-contract';
import { eachBackend, signUp, startStack, type TestStack } from '../helpers/harness.ts';
import type { Client } from '../helpers/client.ts';
import { startedSignUp } from './signup-steps.ts';

eachBackend('C3 single use', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend);
  });
  after(async () => {
    await stack?.close();
  });

  /** Copies of `client` on the same session, as several tabs or a retrying client would be. */
  const copies = (client: Client, n: number) =>
    Array.from({ length: n }, () => {
      const copy = stack.client(client.ip);
      copy.cookie = client.cookie;
      return copy;
    });

  const storedCode = async (email: string) =>
    (
      await stack.server.context.db.query<{ code_hmac: string | null; verified_at: Date | null }>(
        'SELECT code_hmac, verified_at FROM flows WHERE email = $1',
        [email],
      )
    ).rows;

  it('C3: five correct submissions at once on one session → exactly one success; the code is gone', async () => {
    const { client, email, code } = await startedSignUp(stack);
    const answers = await Promise.all(
      copies(client, RULES.maxAttempts).map((copy) => copy.post('/signup/code', { code })),
    );
    const statuses = answers.map((answer) => answer.status);
    assert.equal(statuses.filter((status) => status === 200).length, 1, `statuses ${statuses.join(',')}`);
    for (const answer of answers.filter((a) => a.status !== 200)) {
      assert.equal(answer.status, 409, answer.text);
      assert.equal(answer.body.code, 'step_out_of_order');
    }
    const [row] = await storedCode(email);
    assert.ok(row!.verified_at, 'the flow moved on');
    assert.equal(row!.code_hmac, null, 'the success invalidated the code');
  });

  it('C3: a password-reset code works once; a second submission is refused', async () => {
    const email = await signUp(stack, stack.client());
    const client = stack.client();
    await client.post('/password/forgot', { email });
    await stack.drain();
    const code = stack.smtp.codeFor(email);
    assert.equal((await client.post('/password/code', { code })).status, 200);
    const again = await client.post('/password/code', { code });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'step_out_of_order');
    const reset = (await storedCode(email)).find((row) => row.verified_at && row.code_hmac === null);
    assert.ok(reset, 'the reset flow keeps no usable code');
  });

  it('C3: five correct reset codes at once → exactly one success', async () => {
    const email = await signUp(stack, stack.client());
    const client = stack.client();
    await client.post('/password/forgot', { email });
    await stack.drain();
    const code = stack.smtp.codeFor(email);
    const answers = await Promise.all(
      copies(client, RULES.maxAttempts).map((copy) => copy.post('/password/code', { code })),
    );
    const statuses = answers.map((answer) => answer.status);
    assert.equal(statuses.filter((status) => status === 200).length, 1, `statuses ${statuses.join(',')}`);
    assert.ok(
      statuses.every((status) => status === 200 || status === 409),
      `statuses ${statuses.join(',')}`,
    );
  });
});
