// SECURITY.md P1 over real HTTP: the server applies the preset PASSWORD_POLICY names, table-driven against both
// presets, on PGlite and PostgreSQL. The contract's own table (packages/contract/test/password-policy.test.ts)
// checks the pure function; this one checks that the operator's choice reaches GET /config and POST /signup/account,
// and that a refusal is a `password_policy` problem whose `violations` are the contract's stable codes.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { PASSWORD_POLICIES, PASSWORD_VIOLATIONS, passwordLength } from '@wij-techniek/onboarding-contract';
import { eachBackend, signUp, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import { atDetails } from './signup-steps.ts';

type Case = readonly [what: string, password: string, violations: readonly string[]];

const BUSINESS: readonly Case[] = [
  ['13 characters → too_short', 'Zq7#mlovrtkpw', ['too_short']],
  ['14 characters → accepted', 'Zq7#mlovrtkpwb', []],
  ['22 characters → accepted', 'Zq7#mlovrtkpwbgsnhjyxu', []],
  ['23 characters → too_long', 'Zq7#mlovrtkpwbgsnhjyxuv', ['too_long']],
  ['no symbol → missing_symbol', 'Zq7mlovrtkpwbgs', ['missing_symbol']],
];

const STANDARDS: readonly Case[] = [
  ['14 characters → too_short', 'mlovrtkpwzqgsn', ['too_short']],
  ['15 characters → accepted', 'mlovrtkpwzqgsnj', []],
  ['20 lower-case letters only → accepted', 'mlovrtkpwzqgsnjhuyix', []],
  ['64 characters → accepted', 'lantaarnpaal veldfles kikkerdril boekenplank zonnewijzer grasmus', []],
  ['129 characters → too_long', 'mlovrtkpwzqgsnjhuyix'.repeat(6) + 'mlovrtkpw', ['too_long']],
];

for (const [preset, cases] of [
  ['business', BUSINESS],
  ['standards', STANDARDS],
] as const) {
  eachBackend(`P1 PASSWORD_POLICY=${preset} over HTTP`, (backend) => {
    let stack: TestStack;
    before(async () => {
      stack = await startStack(backend, { env: { PASSWORD_POLICY: preset } });
    });
    after(async () => {
      await stack?.close();
    });

    it(`P1: GET /config carries the ${preset} preset the operator chose`, async () => {
      const answer = await stack.client().get('/config');
      assert.deepEqual(answer.body.passwordPolicy, PASSWORD_POLICIES[preset]);
    });

    for (const [what, password, violations] of cases) {
      it(`P1 (${preset}): ${what}`, async () => {
        const count = /^([0-9]+) /.exec(what)?.[1];
        if (count) assert.equal(passwordLength(password), Number(count), 'the fixture has the length it names');
        if (violations.length === 0) {
          // Accepted: the whole sign-up goes through with this password, and it signs in.
          const email = await signUp(stack, stack.client(), { email: uniqueEmail('p1'), password });
          assert.equal((await stack.client().post('/login', { email, password })).status, 200);
          return;
        }
        const { client, email } = await atDetails(stack, uniqueEmail('p1'));
        const refused = await client.post('/signup/account', { password, firstName: 'Anna', lastName: 'Jansen' });
        assert.equal(refused.status, 422);
        assert.equal(refused.headers.get('content-type'), 'application/problem+json');
        assert.equal(refused.body.code, 'password_policy');
        assert.deepEqual(refused.body.violations, violations);
        for (const code of refused.body.violations) {
          assert.ok((PASSWORD_VIOLATIONS as readonly string[]).includes(code), `${code} is a contract code`);
        }
        const { rows } = await stack.server.context.db.query('SELECT id FROM accounts WHERE email = $1', [email]);
        assert.equal(rows.length, 0, 'a refused password creates nothing');
      });
    }
  });
}
