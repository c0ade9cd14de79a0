// SECURITY.md C5 over real HTTP, on PGlite and PostgreSQL, step by step as written there:
// 1. wrong codes 1–5 → 400 code_invalid;
// 2. the 6th submission, even with the correct code → 429 too_many_attempts, and the code row is invalidated;
// 3. a resend after that, and a wrong code after the resend, are still refused (the count is not reset);
// 4. the failures per address stay bounded however many clients and flows an attacker uses.
// Plus the rule behind 1–2: each attempt is counted in its own statement before the comparison, so codes sent at
// once get no more than five compared. (DESIGN.md wins on the last wrong code: the 5th answers code_invalid with
// attemptsLeft 0 and step email; signup/signup.test.ts checks that answer.)
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Answer } from '../helpers/client.ts';
import { eachBackend, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import { startedSignUp, wrongCodeFor } from './signup-steps.ts';

const HOUR = 3600;

eachBackend('C5 attempt limit per code and flow', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend);
  });
  after(async () => {
    await stack?.close();
  });

  const flowRow = async (email: string) =>
    (
      await stack.server.context.db.query<{ attempts: number; code_hmac: string | null; locked_at: Date | null }>(
        'SELECT attempts, code_hmac, locked_at FROM flows WHERE email = $1',
        [email],
      )
    ).rows[0]!;

  /** How many submitted codes of flow `flowId` reached the comparison (each wrong one logs `code_failed`). */
  const compared = (flowId: string) =>
    stack.logs.filter((line) => line.includes('"event":"code_failed"') && line.includes(flowId)).length;

  it('C5: wrong codes 1–5 → 400; the 6th, even correct → 429 and the code is invalidated; a resend resets nothing', async () => {
    const { client, email, code } = await startedSignUp(stack);
    const wrong = wrongCodeFor(code);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const answer = await client.post('/signup/code', { code: wrong });
      assert.equal(answer.status, 400, `attempt ${attempt}`);
      assert.equal(answer.body.code, 'code_invalid');
      assert.equal(answer.body.attemptsLeft, 5 - attempt);
    }
    const locked = await flowRow(email);
    assert.ok(locked.locked_at, 'the flow is locked');
    assert.equal(locked.code_hmac, null, 'the code row is invalidated');

    const sixth = await client.post('/signup/code', { code });
    assert.equal(sixth.status, 429);
    assert.equal(sixth.body.code, 'too_many_attempts');

    stack.clock.advance(61);
    const resend = await client.post('/signup/code/resend');
    assert.equal(resend.status, 429);
    assert.equal(resend.body.code, 'too_many_attempts');
    const afterResend = await client.post('/signup/code', { code: wrong });
    assert.equal(afterResend.status, 429, 'still locked after a resend');
    assert.equal(afterResend.body.code, 'too_many_attempts');
    const correctAfterResend = await client.post('/signup/code', { code });
    assert.equal(correctAfterResend.status, 429);
    await stack.drain();
    assert.equal(stack.smtp.to(email).length, 1, 'the locked flow mailed no new code');
    assert.equal((await flowRow(email)).code_hmac, null);
  });

  it('C5: a resend in the middle keeps the count: 2 wrong, resend, then the 3rd wrong code leaves 2', async () => {
    const { client, email, code } = await startedSignUp(stack);
    await client.post('/signup/code', { code: wrongCodeFor(code) });
    await client.post('/signup/code', { code: wrongCodeFor(code) });
    stack.clock.advance(61);
    assert.equal((await client.post('/signup/code/resend')).status, 202);
    await stack.drain();
    const next = stack.smtp.codeFor(email);
    const third = await client.post('/signup/code', { code: wrongCodeFor(next) });
    assert.equal(third.body.attemptsLeft, 2);
    assert.equal((await flowRow(email)).attempts, 3);
  });

  it('C5: 20 wrong codes at once on one flow → exactly 5 compared (code_invalid), the rest refused', async () => {
    const { client, email, code } = await startedSignUp(stack);
    const flowId = (
      await stack.server.context.db.query<{ id: string }>('SELECT id FROM flows WHERE email = $1', [email])
    ).rows[0]!.id;
    const wrong = wrongCodeFor(code);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => {
        const copy = stack.client(client.ip);
        copy.cookie = client.cookie;
        return copy.post('/signup/code', { code: wrong });
      }),
    );
    const statuses = answers.map((answer) => answer.status);
    assert.equal(statuses.filter((s) => s === 400).length, 5, `statuses ${statuses.join(',')}`);
    // Refused without a comparison: too_many_attempts, or (a request that read the flow before the lock)
    // step_out_of_order.
    assert.ok(
      answers.filter((a) => a.status !== 400).every((a) => a.status === 429 || a.status === 409),
      `statuses ${statuses.join(',')}`,
    );
    assert.equal(compared(flowId), 5, 'only five codes reached the comparison');
    assert.equal((await client.post('/signup/code', { code })).status, 429, 'the right code is refused too');
  });

  it('C5: one address, a new client and flow each time, for 24 hours: at most 100 wrong codes in any hour', async () => {
    // The attacker starts a flow for the victim's address from a fresh client address each time, uses its five
    // attempts, and waits exactly as long as each 429 says. The mail limit per address (C7) is what bounds them.
    const email = uniqueEmail('c5-victim');
    const failedAt: number[] = [];
    const begin = stack.clock.ms;
    while (stack.clock.ms - begin < 24 * HOUR * 1000 && failedAt.length <= 600) {
      const client = stack.client();
      const start: Answer = await client.post('/signup/email', { email });
      if (start.status === 429) {
        const wait = Number(start.headers.get('retry-after'));
        assert.ok(wait > 0, 'a refusal says how long to wait');
        stack.clock.advance(wait);
        continue;
      }
      assert.equal(start.status, 202, start.text);
      await stack.drain();
      const wrong = wrongCodeFor(stack.smtp.codeFor(email));
      for (let attempt = 0; attempt < 5; attempt++) {
        const answer = await client.post('/signup/code', { code: wrong });
        assert.equal(answer.status, 400, answer.text);
        failedAt.push(stack.clock.ms);
      }
    }
    const busiestHour = Math.max(
      ...failedAt.map((from) => failedAt.filter((t) => t >= from && t < from + HOUR * 1000).length),
    );
    assert.ok(busiestHour <= 100, `${busiestHour} wrong codes within one hour`);
    assert.ok(failedAt.length >= 15, `${failedAt.length} wrong codes in 24 hours: the attacker did get to try`);
  });
});
