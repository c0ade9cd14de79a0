// SECURITY.md P6 over real HTTP, on PGlite and PostgreSQL: the password hash cannot be turned against the server.
// A body over the byte cap, or a password far over the policy, is refused before anything is hashed, on the
// sign-up and the reset path (login: http/http.test.ts › "P6: a 1 MB body…"); and 100 sign-up submissions at once
// never run more hashes at the same time than the hasher's capacity (one per core by default), so memory stays
// bounded by capacity × scrypt's 128·N·r bytes. The p95 latency of other requests under that load is measured by
// `npm run bench` (SECURITY.md: speed belongs in the bench, not in `npm test`).
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { after, before, it } from 'node:test';
import { PasswordHasher } from '../../src/index.ts';
import type { Client } from '../helpers/client.ts';
import { eachBackend, GOOD_PASSWORD, signUp, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import { atDetails, atNewPassword } from './signup-steps.ts';

const CAPACITY = 2;
const PARALLEL = 100;
const ONE_MB = JSON.stringify({ password: 'A1!a'.repeat(262_144), firstName: 'Anna', lastName: 'Jansen' });

eachBackend('P6 hashing cannot be used for denial of service', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend, { hashConcurrency: CAPACITY });
  });
  after(async () => {
    await stack?.close();
  });

  const hashes = () => stack.server.context.passwords.stats();

  it('P6: a 1 MB body or a 4096-character password is refused before hashing, at sign-up and at reset', async () => {
    // Runs first on this server: nothing has been hashed yet, so a peak of 0 means nothing was hashed.
    assert.equal(hashes().peak, 0);
    const { client } = await atDetails(stack);
    const huge = await client.post('/signup/account', ONE_MB);
    assert.equal(huge.status, 413);
    assert.equal(huge.body.code, 'payload_too_large');
    const long = await client.post('/signup/account', {
      password: 'Aa1!'.repeat(1024),
      firstName: 'Anna',
      lastName: 'Jansen',
    });
    assert.equal(long.status, 422);
    assert.deepEqual(long.body.violations, ['too_long']);
    const tooLongToCarry = await client.post('/signup/account', {
      password: 'Aa1!'.repeat(1025),
      firstName: 'Anna',
      lastName: 'Jansen',
    });
    assert.equal(tooLongToCarry.status, 400);
    assert.equal(hashes().peak, 0, 'nothing was hashed at sign-up');

    const email = await signUp(stack, stack.client());
    const peakAfterSignUp = hashes().peak;
    const reset = await atNewPassword(stack, email);
    assert.equal((await reset.post('/password/reset', ONE_MB)).status, 413);
    assert.equal((await reset.post('/password/reset', { password: 'Aa1!'.repeat(1024) })).status, 422);
    assert.equal(hashes().peak, peakAfterSignUp);
    assert.equal(hashes().active + hashes().waiting, 0);
  });

  it(`P6: ${PARALLEL} sign-up submissions at once never run more than ${CAPACITY} hashes at the same time`, async () => {
    // 100 people at the password step. Their codes are marked verified in the database rather than mailed and
    // typed: the code step has its own tests, and 100 mails through the SMTP sink would be most of this test's time.
    const ready: Client[] = [];
    const emails: string[] = [];
    for (let batch = 0; batch < PARALLEL / 20; batch++) {
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          const client = stack.client();
          const email = uniqueEmail('p6');
          assert.equal((await client.post('/signup/email', { email })).status, 202);
          ready.push(client);
          emails.push(email);
        }),
      );
    }
    const verified = await stack.server.context.db.query(
      'UPDATE flows SET verified_at = $1, code_hmac = NULL WHERE email = ANY($2::text[])',
      [stack.clock.now(), emails],
    );
    assert.equal(verified.rowCount, PARALLEL);
    const answers = await Promise.all(
      ready.map((client) =>
        client.post('/signup/account', { password: GOOD_PASSWORD, firstName: 'Anna', lastName: 'Jansen' }),
      ),
    );
    assert.deepEqual(
      answers.map((answer) => answer.status),
      new Array<number>(PARALLEL).fill(201),
    );
    const { peak, capacity, active, waiting } = hashes();
    assert.equal(capacity, CAPACITY);
    assert.ok(peak <= CAPACITY, `at most ${CAPACITY} hashes ran at once, saw ${peak}`);
    assert.equal(active + waiting, 0, 'the queue drained');
  });
});

it('P6: by default the hasher runs at most one hash per CPU core at a time', () => {
  assert.equal(new PasswordHasher().stats().capacity, availableParallelism());
});
