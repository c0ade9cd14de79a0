// The RateLimiter's edges (SECURITY.md R1), on the real statement on both backends: the first hit of a fresh key,
// a maximum wait shorter than the window, the growth turned off, and parallel hits on one key (C5/R2: counting
// and deciding are one statement, so no more than the limit get through).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, it } from 'node:test';
import { deriveKeys } from '../../src/security/keys.ts';
import { RateLimiter } from '../../src/index.ts';
import { eachBackend, startStack, TEST_SECRET, type TestStack } from '../helpers/harness.ts';

eachBackend('R1 rate limiter', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend, { cleanup: false });
  });
  after(async () => {
    await stack?.close();
  });

  const limiter = (maxWaitSeconds: number, resetAfterSeconds = 3600) =>
    new RateLimiter(deriveKeys(TEST_SECRET), stack.clock.now, { maxWaitSeconds, resetAfterSeconds });
  const subject = () => randomBytes(8).toString('hex');

  it('R1: with one attempt allowed, a fresh key allows one, then blocks for the window; the next block doubles', async () => {
    const rate = limiter(3600);
    const db = stack.server.context.db;
    const key = subject();
    const limit = { max: 1, windowSeconds: 600 };
    assert.deepEqual(await rate.hit(db, 'edge', key, limit), {
      allowed: true,
      hits: 1,
      retryAfterSeconds: 600,
      blocks: 0,
    });
    const blocked = await rate.hit(db, 'edge', key, limit);
    assert.equal(blocked.allowed, false);
    assert.equal(blocked.retryAfterSeconds, 600);
    stack.clock.advance(599);
    assert.equal((await rate.hit(db, 'edge', key, limit)).retryAfterSeconds, 1, 'a hit during the block adds nothing');
    stack.clock.advance(1);
    assert.equal((await rate.hit(db, 'edge', key, limit)).allowed, true);
    assert.equal((await rate.hit(db, 'edge', key, limit)).retryAfterSeconds, 1200, 'the second block in a row');
  });

  it('C5/R2: 40 parallel hits on one key with a limit of 7: exactly 7 are allowed, all others refused', async () => {
    const rate = limiter(3600);
    const db = stack.server.context.db;
    const key = subject();
    const limit = { max: 7, windowSeconds: 3600 };
    const verdicts = await Promise.all(Array.from({ length: 40 }, () => rate.hit(db, 'parallel', key, limit)));
    assert.equal(verdicts.filter((verdict) => verdict.allowed).length, 7);
    assert.deepEqual(
      verdicts
        .filter((verdict) => verdict.allowed)
        .map((verdict) => verdict.hits)
        .sort((a, b) => a - b),
      [1, 2, 3, 4, 5, 6, 7],
      'each allowed hit saw the count the one before it wrote',
    );
    assert.ok(verdicts.filter((verdict) => !verdict.allowed).every((verdict) => verdict.retryAfterSeconds === 3600));
  });

  it('R1: a maximum wait shorter than the window never shortens the wait below the window', async () => {
    const rate = limiter(60);
    const db = stack.server.context.db;
    const key = subject();
    const limit = { max: 1, windowSeconds: 600 };
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      assert.equal((await rate.hit(db, 'short-max', key, limit)).allowed, true);
      const blocked = await rate.hit(db, 'short-max', key, limit);
      assert.equal(blocked.allowed, false);
      waits.push(blocked.retryAfterSeconds);
      stack.clock.advance(blocked.retryAfterSeconds);
    }
    assert.deepEqual(waits, [600, 600, 600]);
  });

  it('R1: RATE_LIMIT_RESET_AFTER=0 turns the growth off', async () => {
    const rate = limiter(3600, 0);
    const db = stack.server.context.db;
    const key = subject();
    const limit = { max: 1, windowSeconds: 60 };
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      await rate.hit(db, 'no-growth', key, limit);
      const blocked = await rate.hit(db, 'no-growth', key, limit);
      waits.push(blocked.retryAfterSeconds);
      stack.clock.advance(blocked.retryAfterSeconds);
    }
    assert.deepEqual(waits, [60, 60, 60]);
  });
});
