// SECURITY.md F4: retries are idempotent. "Create account" sent five times is covered in signup/signup.test.ts (and
// fifty at once in F3); here: "send code" repeated by a client that retries — one after the other and all at once,
// the way requests pile up after timeouts — sends at most one extra mail, within the C7 limit. At once is where
// PostgreSQL's parallel requests all read the cooldown as passed before any of them moved it.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { VERIFICATION_CODE_RULES } from '@wij-techniek/onboarding-contract';
import type { Client } from '../helpers/client.ts';
import { eachBackend, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';

eachBackend('F4 repeated "send code"', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend);
  });
  after(async () => {
    await stack?.close();
  });

  /** A person on the code step, the first mail sent, the resend cooldown over. */
  async function waitingForResend(): Promise<{ client: Client; email: string }> {
    const client = stack.client();
    const email = uniqueEmail('f4');
    assert.equal((await client.post('/signup/email', { email })).status, 202);
    await stack.drain();
    assert.equal(stack.smtp.to(email).length, 1);
    stack.clock.advance(VERIFICATION_CODE_RULES.resendCooldownSeconds + 1);
    return { client, email };
  }

  /** The same session sending `path` `times` times at once, as retries that all left before any answer came. */
  function atOnce(client: Client, path: string, times: number) {
    return Promise.all(
      Array.from({ length: times }, () => {
        const copy = stack.client(client.ip);
        copy.cookie = client.cookie;
        return copy.post(path);
      }),
    );
  }

  it('F4: "send code again" five times in a row → one extra mail; the others wait for the cooldown', async () => {
    const { client, email } = await waitingForResend();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await client.post('/signup/code/resend')).status);
    assert.deepEqual(statuses, [202, 429, 429, 429, 429]);
    await stack.drain();
    assert.equal(stack.smtp.to(email).length, 2, 'the first mail and one extra');
  });

  it('F4: "send code again" five times at once → one extra mail, the others 429', async () => {
    const { client, email } = await waitingForResend();
    const answers = await atOnce(client, '/signup/code/resend', 5);
    const statuses = answers.map((answer) => `${answer.status} ${answer.body.code ?? ''}`.trim());
    assert.equal(statuses.filter((status) => status === '202').length, 1, `answers: ${statuses.join(', ')}`);
    // The losers say "wait" (resend_too_soon, or rate_limited once the address's mail limit counted them).
    assert.ok(
      answers.every((answer) => answer.status === 202 || answer.status === 429),
      `answers: ${statuses.join(', ')}`,
    );
    await stack.drain();
    assert.equal(stack.smtp.to(email).length, 2, `the first mail and one extra (answers: ${statuses.join(', ')})`);
    const { rows } = await stack.server.context.db.query<{ sends: number }>(
      'SELECT sends FROM flows WHERE email = $1',
      [email],
    );
    assert.deepEqual(rows, [{ sends: 2 }]);
  });

  it('F4: the same reset code requested again five times at once → one extra mail', async () => {
    const client = stack.client();
    const email = uniqueEmail('f4-reset');
    assert.equal((await client.post('/password/forgot', { email })).status, 202);
    await stack.drain();
    const first = stack.smtp.to(email).length;
    stack.clock.advance(VERIFICATION_CODE_RULES.resendCooldownSeconds + 1);
    const answers = await atOnce(client, '/password/code/resend', 5);
    assert.equal(answers.filter((answer) => answer.status === 202).length, 1);
    await stack.drain();
    assert.equal(stack.smtp.to(email).length, first + 1);
  });
});
