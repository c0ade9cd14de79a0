// SECURITY.md R4 over real HTTP, on PGlite and PostgreSQL, at the size it asks for: 200 sign-up starts for new
// addresses and 200 for addresses that have an account get the same status, the same headers (but Date, the
// request id's value and the session cookie's value) and the same body (but the address typed). Addresses are of
// one length, so not even Content-Length differs. Only the mail differs: a code for a new address, "you already have
// an account" for an existing one (all 400 checked in the outbox, 10 of each read from the SMTP sink). The latency
// half of R4 (Mann-Whitney p > 0.01, median difference < 5 ms) is measured by `npm run bench`
// (packages/server/bench/run.ts; docs/performance.md).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, it } from 'node:test';
import { createAccount } from '../../src/accounts/accounts.ts';
import type { Answer } from '../helpers/client.ts';
import { eachBackend, GOOD_PASSWORD, startStack, type TestStack } from '../helpers/harness.ts';

const EACH = 200;

/** An address of fixed length: `r4-<k|n>-<16 hex>@example.test`. */
const address = (kind: 'k' | 'n') => `r4-${kind}-${randomBytes(8).toString('hex')}@example.test`;

/** What may differ between two people's answers is taken out: the date, the ids, the cookie value, the address. */
function comparable(answer: Answer, email: string) {
  const headers = [...answer.headers.entries()]
    .filter(([name]) => name !== 'date' && name !== 'set-cookie')
    .map(([name, value]) => [name, name === 'x-request-id' ? value.replace(/^[0-9a-f-]{36}$/, '<uuid>') : value]);
  const cookies = answer.headers.getSetCookie().map((cookie) => cookie.replace(/=[^;]*/, '=<value>'));
  return { status: answer.status, headers, cookies, body: answer.text.split(email).join('<address>') };
}

eachBackend('R4 sign-up does not reveal registered addresses', (backend) => {
  let stack: TestStack;
  const existing: string[] = [];
  before(async () => {
    stack = await startStack(backend);
    // The existing accounts are written straight to the database: 200 sign-ups over HTTP would only add time.
    const passwordHash = await stack.server.context.passwords.hash(GOOD_PASSWORD);
    for (let i = 0; i < EACH; i++) {
      const email = address('k');
      const created = await createAccount(stack.server.context.db, {
        email,
        firstName: 'Anna',
        lastName: 'Jansen',
        passwordHash,
        now: stack.clock.now(),
      });
      assert.ok(created);
      existing.push(email);
    }
  });
  after(async () => {
    await stack?.close();
  });

  it(`R4: ${EACH} starts for new and ${EACH} for existing addresses: one status, one set of headers, one body`, async () => {
    const fresh = Array.from({ length: EACH }, () => address('n'));
    const answers: { email: string; known: boolean; answer: Answer }[] = [];
    // Interleaved, one at a time, as people arrive.
    for (let i = 0; i < EACH; i++) {
      for (const [email, known] of [
        [existing[i]!, true],
        [fresh[i]!, false],
      ] as const) {
        answers.push({ email, known, answer: await stack.client().post('/signup/email', { email }) });
      }
    }
    const reference = comparable(answers[0]!.answer, answers[0]!.email);
    assert.equal(reference.status, 202);
    for (const { email, known, answer } of answers) {
      assert.deepEqual(comparable(answer, email), reference, `${known ? 'existing' : 'new'} ${email}`);
    }

    // Only the mail differs.
    const { rows } = await stack.server.context.db.query<{ to_address: string; template: string }>(
      `SELECT to_address, template FROM outbox WHERE to_address LIKE 'r4-%'`,
    );
    const template = new Map(rows.map((row) => [row.to_address, row.template]));
    assert.equal(rows.length, 2 * EACH, 'one mail per start');
    for (const email of existing) assert.equal(template.get(email), 'account-exists', email);
    for (const email of fresh) assert.equal(template.get(email), 'verification-code', email);
    // Delivered and read from the SMTP sink: a sample of each kind (the outbox above covers all 400; sending 400
    // mails through the sink one by one would be most of this test's time).
    const sample = [...existing.slice(0, 10), ...fresh.slice(0, 10)];
    await stack.server.context.db.query(`DELETE FROM outbox WHERE to_address LIKE 'r4-%' AND to_address <> ALL($1)`, [
      sample,
    ]);
    await stack.drain();
    for (const email of existing.slice(0, 10)) {
      const mails = stack.smtp.to(email);
      assert.equal(mails.length, 1);
      assert.equal(mails[0]!.subject, 'Je hebt al een Wij Techniek-account');
      assert.doesNotMatch(mails[0]!.text, /\b[0-9]{6}\b/);
    }
    for (const email of fresh.slice(0, 10)) {
      const mails = stack.smtp.to(email);
      assert.equal(mails.length, 1);
      assert.match(mails[0]!.subject, /^Je verificatiecode: [0-9]{6}$/);
    }
  });
});
