// SECURITY.md P3 over real HTTP, on PGlite and PostgreSQL: the blocklist and the context words apply when a password
// is set (sign-up) and when it is changed (password reset), each refusal names its reason, and the list is compared
// with the whole password only. The list ships with the contract package, so the check works without a network.
// (DESIGN.md wins on the shape: `password_policy` 422 with `violations: ['blocklisted']` or
// `['contains_personal_data']` instead of separate `password_blocklisted` / `password_context` codes.)
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { eachBackend, GOOD_PASSWORD, signUp, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import { atDetails, atNewPassword } from './signup-steps.ts';

const NAMES = { firstName: 'Pieter', lastName: 'Bakker' };

eachBackend('P3 blocklist and context words', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend);
  });
  after(async () => {
    await stack?.close();
  });

  /** The violations of `password` at sign-up for `Pieter Bakker <pietje.…@example.test>`; 201 gives []. */
  async function atSignUp(password: string): Promise<readonly string[]> {
    const { client } = await atDetails(stack, uniqueEmail('pietje'));
    const answer = await client.post('/signup/account', { password, ...NAMES });
    if (answer.status === 201) return [];
    assert.equal(answer.status, 422, answer.text);
    assert.equal(answer.body.code, 'password_policy');
    return answer.body.violations!;
  }

  it('P3 (set): Welkom01!Welkom meets every class but is on the list → 422 blocklisted', async () => {
    assert.deepEqual(await atSignUp('Welkom01!Welkom'), ['blocklisted']);
    assert.deepEqual(await atSignUp('Zomer2026!Zomer'), ['blocklisted']);
  });

  it('P3 (set): the list is compared with the whole password, not a part of it', async () => {
    assert.deepEqual(await atSignUp('Welkom01!WelkomZq7'), []);
  });

  it('P3 (set): the e-mail local part, the first name, the last name or the service name → contains_personal_data', async () => {
    for (const password of [
      'Pietje#2024xyzw',
      'Zq7#pieterMlovr',
      'Bakker!2026Qwz',
      'Wij-Techniek#2026',
      'WIJTECHNIEK7!q',
    ]) {
      assert.deepEqual(await atSignUp(password), ['contains_personal_data'], password);
    }
  });

  it('P3 (change): a password reset refuses a listed password and the account’s own data, and changes nothing', async () => {
    const email = await signUp(stack, stack.client(), { email: uniqueEmail('pietje'), ...NAMES });
    const client = await atNewPassword(stack, email);
    const cases: [string, string][] = [
      ['Welkom01!Welkom', 'blocklisted'],
      ['Pietje#2024xyzw', 'contains_personal_data'],
      ['Zq7#pieterMlovr', 'contains_personal_data'],
      ['Bakker!2026Qwz', 'contains_personal_data'],
      ['Wij-Techniek#2026', 'contains_personal_data'],
    ];
    for (const [password, violation] of cases) {
      const answer = await client.post('/password/reset', { password });
      assert.equal(answer.status, 422, password);
      assert.equal(answer.body.code, 'password_policy', password);
      assert.deepEqual(answer.body.violations, [violation], password);
    }
    assert.equal((await stack.client().post('/login', { email, password: GOOD_PASSWORD })).status, 200, 'unchanged');
    assert.equal((await client.post('/password/reset', { password: 'Welkom01!WelkomZq7' })).status, 200);
    assert.equal((await stack.client().post('/login', { email, password: 'Welkom01!WelkomZq7' })).status, 200);
  });
});
