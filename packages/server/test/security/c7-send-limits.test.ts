// SECURITY.md C7 over real HTTP, on PGlite and PostgreSQL: the sink counts what was really sent. Per address: three
// code mails in 15 minutes however they are asked for (start, resend, another client, a password reset), the
// 4th → 429 with Retry-After; per client address: the same across different addresses (20 by default). The resend
// cooldown and the address limit on one flow are in signup/signup.test.ts › "C7: resend cooldown…".
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Answer } from '../helpers/client.ts';
import { DEFAULT_LIMITS } from '../../src/index.ts';
import { eachBackend, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';

const PER_CLIENT = DEFAULT_LIMITS.mailRequestsPerClient.max;

eachBackend('C7 limits on sending codes', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend);
  });
  after(async () => {
    await stack?.close();
  });

  const assertRateLimited = (answer: Answer) => {
    assert.equal(answer.status, 429, answer.text);
    assert.equal(answer.body.code, 'rate_limited');
    const wait = Number(answer.headers.get('retry-after'));
    assert.ok(wait > 0 && wait <= 15 * 60, `Retry-After ${wait}`);
    assert.equal(answer.body.retryAfterSeconds, wait);
  };

  it('C7: start, resend, a start from another client → 3 mails; the 4th request within 15 min → 429, the sink holds 3', async () => {
    const email = uniqueEmail('c7');
    const one = stack.client();
    assert.equal((await one.post('/signup/email', { email })).status, 202);
    stack.clock.advance(61);
    assert.equal((await one.post('/signup/code/resend')).status, 202);
    assert.equal((await stack.client().post('/signup/email', { email })).status, 202);
    stack.clock.advance(61);
    assertRateLimited(await one.post('/signup/code/resend'));
    assertRateLimited(await stack.client().post('/signup/email', { email }));
    assertRateLimited(await stack.client().post('/password/forgot', { email }));
    await stack.drain();
    assert.equal(stack.smtp.to(email).length, 3);
    stack.clock.advance(15 * 60);
    assert.equal((await stack.client().post('/signup/email', { email })).status, 202, 'the limit ends');
  });

  it(`C7: one client, different addresses: ${PER_CLIENT} mails, then 429 with Retry-After; the sink holds ${PER_CLIENT}`, async () => {
    const client = stack.client();
    const addresses = Array.from({ length: PER_CLIENT + 3 }, () => uniqueEmail('c7-ip'));
    const answers: Answer[] = [];
    for (const email of addresses) answers.push(await client.post('/signup/email', { email }));
    assert.deepEqual(
      answers.slice(0, PER_CLIENT).map((answer) => answer.status),
      new Array<number>(PER_CLIENT).fill(202),
    );
    for (const answer of answers.slice(PER_CLIENT)) assertRateLimited(answer);
    // Resends and reset requests from that client count against the same limit.
    stack.clock.advance(61);
    assertRateLimited(await client.post('/signup/code/resend'));
    assertRateLimited(await client.post('/password/forgot', { email: uniqueEmail('c7-ip') }));
    await stack.drain();
    const sent = addresses.filter((email) => stack.smtp.to(email).length > 0);
    assert.deepEqual(sent, addresses.slice(0, PER_CLIENT));
    assert.equal(stack.smtp.to(addresses[0]!).length, 1);
  });
});
