// Parallel wrong passwords for one address, over real HTTP on PGlite and PostgreSQL (and two instances on one
// PostgreSQL): the failure count is incremented before the comparison in the same statement that decides whether
// the attempt may go on (SECURITY.md C5: "its own committed statement, before the comparison"), so no burst gets
// more than the limit compared (R2: at most 100 consecutive failures per account; 10 here), and the rest wait
// (R1: 429 with Retry-After, growing, never for good).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Answer } from '../helpers/client.ts';
import {
  DATABASE_URL,
  eachBackend,
  GOOD_PASSWORD,
  PG_SKIP,
  signUp,
  startStack,
  uniqueEmail,
  type TestStack,
  startSecondInstance,
} from '../helpers/harness.ts';

const N = 10;
const HOUR = 3600;
const LIMITS = { loginFailuresPerAddress: { max: N, windowSeconds: HOUR }, maxWaitSeconds: 4 * HOUR };

/** How many attempts on `email` reached the password comparison, from the log (a failure logs `login_failed`). */
function compared(stack: TestStack, email: string): number {
  const pseudonym = stack.server.context.pseudonym(email);
  return stack.logs.filter((line) => line.includes('"event":"login_failed"') && line.includes(pseudonym)).length;
}

/** `3N` wrong passwords for `email` at once, each from its own client address (so only the per-address limit acts). */
function burst(stacks: readonly TestStack[], email: string): Promise<Answer[]> {
  return Promise.all(
    Array.from({ length: 3 * N }, (_, i) =>
      stacks[i % stacks.length]!.client().post('/login', { email, password: `Verkeerd#Wachtwoord${i}` }),
    ),
  );
}

/** Checks a burst's answers: exactly N compared (401 invalid_credentials), 2N refused (429 with Retry-After). */
function assertLimited(answers: readonly Answer[], wait: number): void {
  const invalid = answers.filter((answer) => answer.status === 401);
  const refused = answers.filter((answer) => answer.status === 429);
  assert.equal(invalid.length, N, `exactly ${N} evaluated: ${answers.map((answer) => answer.status).join(',')}`);
  assert.equal(refused.length, 2 * N);
  for (const answer of invalid) assert.equal(answer.body.code, 'invalid_credentials');
  for (const answer of refused) {
    assert.equal(answer.body.code, 'rate_limited');
    assert.equal(answer.headers.get('retry-after'), String(wait));
    assert.equal(answer.body.retryAfterSeconds, wait);
  }
}

eachBackend('C5/R2 parallel wrong passwords', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend, { limits: LIMITS, cleanup: false });
  });
  after(async () => {
    await stack?.close();
  });

  it(`C5/R2: ${3 * N} parallel wrong passwords with a limit of ${N}: exactly ${N} compared, the rest wait; the right one too`, async () => {
    const email = await signUp(stack, stack.client());
    const answers = await burst([stack], email);
    assertLimited(answers, HOUR);
    assert.equal(compared(stack, email), N, 'the refused attempts never reached the password comparison');

    const right = await stack.client().post('/login', { email, password: GOOD_PASSWORD });
    assert.equal(right.status, 429, 'locked: even the right password waits (no oracle)');
    assert.equal(right.headers.get('retry-after'), String(HOUR));
    assert.equal(compared(stack, email), N);

    stack.clock.advance(HOUR);
    assert.equal((await stack.client().post('/login', { email, password: GOOD_PASSWORD })).status, 200, 'R1: it ends');
    const again = await burst([stack], email);
    assertLimited(again, HOUR);
    assert.equal(compared(stack, email), 2 * N, 'the success cleared the count: N more, not 0');
  });

  it('R1: a second burst right after the wait waits twice as long', async () => {
    const email = await signUp(stack, stack.client());
    assertLimited(await burst([stack], email), HOUR);
    stack.clock.advance(HOUR);
    assertLimited(await burst([stack], email), 2 * HOUR);
  });

  it('R2: an unknown address gets the same answers as an existing one, byte for byte', async () => {
    const known = await signUp(stack, stack.client());
    const unknown = uniqueEmail('nobody');
    const [a, b] = [await burst([stack], known), await burst([stack], unknown)];
    assertLimited(a, HOUR);
    assertLimited(b, HOUR);
    const texts = (answers: Answer[]) =>
      [...new Set(answers.map((answer) => `${answer.status} ${answer.text}`))].sort();
    assert.deepEqual(texts(a), texts(b));
    assert.equal(compared(stack, unknown), N, 'the unknown address is counted and compared (dummy hash) alike');
  });
});

describe('C5/R2 parallel wrong passwords over two instances', { skip: DATABASE_URL ? false : PG_SKIP }, () => {
  let first: TestStack;
  let second: TestStack;
  before(async () => {
    first = await startStack('postgres', { limits: LIMITS, cleanup: false });
    second = await startSecondInstance(first, { limits: LIMITS, cleanup: false });
  });
  after(async () => {
    await second?.close();
    await first?.close();
  });

  it(`C5/R2: ${3 * N} wrong passwords at once, spread over two instances, get exactly ${N} compared`, async () => {
    const email = await signUp(first, first.client());
    assertLimited(await burst([first, second], email), HOUR);
    assert.equal(compared(first, email) + compared(second, email), N);
    const right = await second.client().post('/login', { email, password: GOOD_PASSWORD });
    assert.equal(right.status, 429);
    assert.equal(right.headers.get('retry-after'), String(HOUR));
  });
});
