import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { parsePasswordHash, PasswordHasher } from '../../src/index.ts';
import { eachBackend, GOOD_PASSWORD, signUp, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';

describe('P5 password hashes', () => {
  it('P5: default scrypt N=2^17, r=8, p=1 in a PHC string; same password, different salts', async () => {
    const hasher = new PasswordHasher();
    const [a, b] = await Promise.all([hasher.hash(GOOD_PASSWORD), hasher.hash(GOOD_PASSWORD)]);
    assert.match(a, /^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    const parsed = parsePasswordHash(a)!;
    assert.ok(2 ** parsed.params.ln >= 2 ** 17 && parsed.params.r >= 8 && parsed.params.p >= 1);
    assert.notEqual(a, b);
    assert.deepEqual(await hasher.verify(GOOD_PASSWORD, a), { ok: true, rehash: false });
    assert.deepEqual(await hasher.verify('Zonnebloem#2024X', a), { ok: false, rehash: false });
  });

  it('P6: at most `concurrency` hashes run at once, the rest queue', async () => {
    const hasher = new PasswordHasher({ params: { ln: 10, r: 8, p: 1 }, concurrency: 2 });
    await Promise.all(Array.from({ length: 20 }, (_, i) => hasher.hash(`password-${i}`)));
    assert.equal(hasher.stats().peak, 2);
  });
});

eachBackend('sign-in', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend, { hashConcurrency: 2 });
  });
  after(async () => {
    await stack?.close();
  });

  it('signs in with the address in any case and lands on the supplier step without a membership', async () => {
    const email = await signUp(stack, stack.client());
    const answer = await stack.client().post('/login', { email: email.toUpperCase(), password: GOOD_PASSWORD });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.step, 'supplier');
    assert.equal(answer.body.account!.email, email);
  });

  it('lands on verified when the account has a membership', async () => {
    const email = await signUp(stack, stack.client());
    const db = stack.server.context.db;
    const now = stack.clock.now();
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO organisations (kvk_number, name, created_at, updated_at) VALUES ($1, 'Installatiebedrijf Test', $2, $2) RETURNING id`,
      [String(randomInt(10_000_000, 99_999_999)), now],
    );
    await db.query(
      `INSERT INTO memberships (account_id, organisation_id, rights, created_at, updated_at)
       SELECT id, $2, $3, $4, $4 FROM accounts WHERE email = $1`,
      [email, rows[0]!.id, ['administer'], now],
    );
    const answer = await stack.client().post('/login', { email, password: GOOD_PASSWORD });
    assert.equal(answer.body.step, 'verified');
    assert.equal(answer.body.memberships![0]!.organisation.name, 'Installatiebedrijf Test');
    assert.deepEqual(answer.body.memberships![0]!.rights, ['administer']);
  });

  it('R4: an unknown address and a wrong password get identical answers (invalid_credentials 401)', async () => {
    const email = await signUp(stack, stack.client());
    const wrong = await stack.client().post('/login', { email, password: 'Verkeerd#Wacht01' });
    const unknown = await stack.client().post('/login', { email: uniqueEmail(), password: 'Verkeerd#Wacht01' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.text, unknown.text);
    assert.equal(wrong.body.code, 'invalid_credentials');
    const names = (h: Headers) => [...h.keys()].filter((k) => k !== 'date').sort();
    assert.deepEqual(names(wrong.headers), names(unknown.headers));
  });

  it('P2: composed and decomposed é sign in with each other; a 21-character prefix and a case flip fail', async () => {
    const composed = 'Caf\u00e9Zonnebloem#24'; // 17 code points, business policy
    const decomposed = composed.normalize('NFD');
    assert.notEqual(composed, decomposed);
    const email = await signUp(stack, stack.client(), { password: decomposed });
    assert.equal((await stack.client().post('/login', { email, password: composed })).status, 200);
    assert.equal((await stack.client().post('/login', { email, password: decomposed })).status, 200);

    const long = 'Zonnebloem#2024xyzW12'; // 21
    const full = `${long}Q`; // 22 code points
    const other = await signUp(stack, stack.client(), { password: full });
    assert.equal((await stack.client().post('/login', { email: other, password: long })).status, 401);
    const flipped = [...full].map((ch) => (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase())).join('');
    assert.equal((await stack.client().post('/login', { email: other, password: flipped })).status, 401);
    assert.equal((await stack.client().post('/login', { email: other, password: full })).status, 200);
  });

  it('P2: an emoji counts as one character', async () => {
    const client = stack.client();
    const email = uniqueEmail();
    await client.post('/signup/email', { email });
    await stack.drain();
    await client.post('/signup/code', { code: stack.smtp.codeFor(email) });
    // 13 code points (one emoji is a surrogate pair, 14 UTF-16 units): too short under the business policy.
    const short = await client.post('/signup/account', {
      password: 'Zonnebloem#2\u{1F33B}',
      firstName: 'A',
      lastName: 'B',
    });
    assert.deepEqual(short.body.violations, ['too_short']);
  });

  it('R2: at most 100 failed sign-ins in a row per address, from 101 addresses; success resets the count', async () => {
    const email = await signUp(stack, stack.client());
    const statuses: number[] = [];
    for (let i = 0; i < 101; i++) {
      statuses.push((await stack.client().post('/login', { email, password: `Verkeerd#Wacht${i}` })).status);
    }
    assert.deepEqual(new Set(statuses.slice(0, 100)), new Set([401]));
    assert.equal(statuses[100], 429);
    const correct = await stack.client().post('/login', { email, password: GOOD_PASSWORD });
    assert.equal(correct.status, 429, 'even the right password waits (no oracle)');
    assert.ok(Number(correct.headers.get('retry-after')) > 0);
    stack.clock.advance(3601);
    assert.equal(
      (await stack.client().post('/login', { email, password: GOOD_PASSWORD })).status,
      200,
      'no permanent lockout',
    );
    assert.equal((await stack.client().post('/login', { email, password: 'Verkeerd#Wacht0' })).status, 401);
  });

  it('R1: sign-ins per client are limited with Retry-After', async () => {
    const client = stack.client();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await client.post('/login', { email: uniqueEmail(), password: 'x' })).status);
    assert.equal(statuses[30], 429);
  });

  it('P5: after raising the parameters, a successful sign-in re-hashes (upgrade on login)', async () => {
    const email = await signUp(stack, stack.client());
    const db = stack.server.context.db;
    const stored = async () =>
      (
        await db.query<{ password_hash: string }>(
          'SELECT password_hash FROM credentials c JOIN accounts a ON a.id = c.account_id WHERE a.email = $1',
          [email],
        )
      ).rows[0]!.password_hash;
    assert.match(await stored(), /^\$scrypt\$ln=10,/);
    const stronger = await startStack(backend, {
      schema: stack.schema,
      scrypt: { ln: 11, r: 8, p: 1 },
      smtp: stack.smtp,
      clock: stack.clock,
      ...(backend === 'pglite' ? { database: db } : {}),
    });
    try {
      assert.equal((await stronger.client().post('/login', { email, password: GOOD_PASSWORD })).status, 200);
      assert.match(await stored(), /^\$scrypt\$ln=11,r=8,p=1\$/);
      assert.equal((await stronger.client().post('/login', { email, password: GOOD_PASSWORD })).status, 200);
    } finally {
      await stronger.close();
    }
  });

  it('P6: 40 parallel sign-ins never run more hashes at once than allowed', async () => {
    const email = await signUp(stack, stack.client());
    await Promise.all(
      Array.from({ length: 40 }, () => stack.client().post('/login', { email, password: GOOD_PASSWORD })),
    );
    assert.equal(stack.server.context.passwords.stats().peak, 2);
  });
});
