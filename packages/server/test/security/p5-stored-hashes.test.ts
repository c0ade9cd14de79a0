// SECURITY.md P5 on what the server stores, on PGlite and PostgreSQL. The server hashes with scrypt (Node's own;
// SECURITY.md P5 lists scrypt N ≥ 2^17, r = 8, p = 1 beside argon2id, see src/security/passwords.ts), so the
// PHC string is `$scrypt$ln=…,r=…,p=…$salt$hash` instead of `$argon2id$v=19$m=…,t=…,p=…`. This file starts the
// server without the test suite's cheap parameters, so it checks the production default as stored, and two
// people with one password. (Upgrade on login: login/login.test.ts › "P5: after raising the parameters…".)
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { parsePasswordHash } from '../../src/index.ts';
import { eachBackend, GOOD_PASSWORD, signUp, startStack, type TestStack } from '../helpers/harness.ts';

eachBackend('P5 stored password hashes', (backend) => {
  let stack: TestStack;
  before(async () => {
    // `scrypt: undefined` takes away the harness's fast test parameters: the server's default applies.
    stack = await startStack(backend, { scrypt: undefined });
  });
  after(async () => {
    await stack?.close();
  });

  const storedHash = async (email: string) =>
    (
      await stack.server.context.db.query<{ password_hash: string }>(
        'SELECT c.password_hash FROM credentials c JOIN accounts a ON a.id = c.account_id WHERE a.email = $1',
        [email],
      )
    ).rows[0]!.password_hash;

  it('P5: two people with the same password get different stored hashes, each a PHC string at or above the floor', async () => {
    const first = await storedHash(await signUp(stack, stack.client(), { password: GOOD_PASSWORD }));
    const second = await storedHash(await signUp(stack, stack.client(), { password: GOOD_PASSWORD }));
    for (const phc of [first, second]) {
      assert.match(phc, /^\$scrypt\$ln=[0-9]+,r=[0-9]+,p=[0-9]+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
      const { params, salt, hash } = parsePasswordHash(phc)!;
      // ASVS 5.0 Appendix C for scrypt: N ≥ 2^17, r = 8, p = 1; the parameters travel with the hash.
      assert.ok(params.ln >= 17, `N = 2^${params.ln}`);
      assert.equal(params.r, 8);
      assert.equal(params.p, 1);
      assert.ok(salt.length * 8 >= 32, `63B-4: a salt of at least 32 bits (${salt.length * 8})`);
      assert.ok(hash.length >= 32);
      assert.ok(!phc.includes(GOOD_PASSWORD));
    }
    assert.notEqual(first, second);
    assert.notDeepEqual(parsePasswordHash(first)!.salt, parsePasswordHash(second)!.salt, 'a salt of its own each');
  });
});
