// SECURITY.md R2 over real HTTP with the default limits, on PGlite and PostgreSQL: at most 100 failed password
// checks in a row per account, counted however many client addresses they come from, and a successful sign-in
// starts the count again (63B-4 SHOULD). login/login.test.ts has the 101 attempts from 101 clients; this file
// shows the reset at the default limit: 99 failures, a success, then a full 100 again before the block.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DEFAULT_LIMITS } from '../../src/index.ts';
import { eachBackend, GOOD_PASSWORD, signUp, startStack, type TestStack } from '../helpers/harness.ts';

const LIMIT = DEFAULT_LIMITS.loginFailuresPerAddress.max;

eachBackend('R2 failed password checks per account', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend);
  });
  after(async () => {
    await stack?.close();
  });

  /** Wrong passwords for `email`, each from a client address of its own; returns their statuses. */
  async function wrong(email: string, count: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) {
      statuses.push((await stack.client().post('/login', { email, password: `Verkeerd#Wacht${i}` })).status);
    }
    return statuses;
  }

  /** How many sign-ins of `email` reached the password comparison and failed (each logs `login_failed`). */
  const compared = (email: string) => {
    const pseudonym = stack.server.context.pseudonym(email);
    return stack.logs.filter((line) => line.includes('"event":"login_failed"') && line.includes(pseudonym)).length;
  };

  it(`R2: ${LIMIT - 1} failures, a success, then ${LIMIT} more failures before the ${LIMIT + 1}st is blocked`, async () => {
    assert.equal(LIMIT, 100);
    const email = await signUp(stack, stack.client());
    assert.deepEqual(new Set(await wrong(email, LIMIT - 1)), new Set([401]));
    assert.equal((await stack.client().post('/login', { email, password: GOOD_PASSWORD })).status, 200);

    const again = await wrong(email, LIMIT + 1);
    assert.deepEqual(new Set(again.slice(0, LIMIT)), new Set([401]), 'the success started the count again');
    assert.equal(again[LIMIT], 429, `blocked at attempt ${LIMIT + 1}`);
    const right = await stack.client().post('/login', { email, password: GOOD_PASSWORD });
    assert.equal(right.status, 429, 'even the right password waits now');
    assert.equal(compared(email), 2 * LIMIT - 1, 'refused attempts never reached the comparison');
  });
});
