import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SIGN_IN_PARAM } from '@wij-techniek/onboarding-contract';
import { codeHmac, generateCode } from '../../src/security/codes.ts';
import { deriveKeys } from '../../src/security/keys.ts';
import type { AnswerBody } from '../helpers/client.ts';
import {
  DATABASE_URL,
  eachBackend,
  GOOD_PASSWORD,
  PG_SKIP,
  signUp,
  startStack,
  uniqueEmail,
  type TestStack,
} from '../helpers/harness.ts';

const source = (path: string) => readFileSync(fileURLToPath(new URL(`../../src/${path}`, import.meta.url)), 'utf8');

describe('C1 verification codes', () => {
  it('C1: 10^6 codes are all six digits with leading zeros kept, and the digits are uniform (chi-square)', () => {
    const counts = Array.from({ length: 6 }, () => new Array<number>(10).fill(0));
    let leadingZero = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const code = generateCode();
      if (code.length !== 6 || !/^[0-9]{6}$/.test(code)) assert.fail(`bad code ${code}`);
      if (code[0] === '0') leadingZero++;
      for (let p = 0; p < 6; p++) counts[p]![code.charCodeAt(p) - 48]!++;
    }
    assert.ok(leadingZero > 90_000, 'codes with a leading zero keep it');
    // 9 degrees of freedom: 27.88 is the 0.001 critical value.
    for (const position of counts) {
      const chi = position.reduce((sum, n) => sum + (n - 100_000) ** 2 / 100_000, 0);
      assert.ok(chi < 27.88, `chi-square ${chi} over a digit position`);
    }
  });

  it('C1/C6: the code module uses crypto.randomInt and timingSafeEqual, never Math.random', () => {
    const codes = source('security/codes.ts');
    assert.match(codes, /randomInt\(/);
    assert.doesNotMatch(codes, /Math\.random/);
    assert.match(source('security/constant-equals.ts'), /timingSafeEqual\(/);
  });

  it('C4/C6: the stored HMAC depends on the flow and the address', () => {
    const keys = deriveKeys('x'.repeat(40));
    const base = codeHmac(keys, 'flow-a', 'a@example.test', '123456');
    assert.notEqual(base, codeHmac(keys, 'flow-b', 'a@example.test', '123456'));
    assert.notEqual(base, codeHmac(keys, 'flow-a', 'b@example.test', '123456'));
    assert.doesNotMatch(base, /123456/);
  });
});

eachBackend('sign-up', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend);
  });
  after(async () => {
    await stack?.close();
  });

  it('creates an account from address, code and details, signed in on the supplier step', async () => {
    const client = stack.client();
    const email = uniqueEmail();
    const start = await client.post('/signup/email', { email: email.toUpperCase(), lang: 'en' });
    assert.equal(start.status, 202);
    assert.equal(start.body.step, 'code');
    assert.equal(start.body.flow!.email, email);
    assert.equal(start.body.flow!.attemptsLeft, 5);
    await stack.drain();
    const mail = stack.smtp.to(email).at(-1)!;
    assert.match(mail.subject, /^Your verification code: [0-9]{6}$/);
    assert.match(mail.text, /valid for 10 minutes/);
    assert.match(mail.html, /<html lang="en">/);
    const session = await client.get('/session');
    assert.equal(session.body.step, 'code');
    const verified = await client.post('/signup/code', {
      code: ` ${stack.smtp.codeFor(email).replace(/(...)/, '$1-')} `,
    });
    assert.equal(verified.status, 200);
    assert.deepEqual(verified.body, { step: 'details' });
    const created = await client.post('/signup/account', {
      password: GOOD_PASSWORD,
      firstName: 'Anna',
      lastName: 'Jansen',
      isAdmin: true,
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.step, 'supplier');
    assert.deepEqual(created.body.account!.email, email);
    assert.equal(created.body.account!.verified, false);
    assert.deepEqual(created.body.memberships, []);
  });

  it('sends the code mail in Dutch by default', async () => {
    const client = stack.client();
    const email = uniqueEmail();
    await client.post('/signup/email', { email });
    await stack.drain();
    const mail = stack.smtp.to(email).at(-1)!;
    assert.match(mail.subject, /^Je verificatiecode: [0-9]{6}$/);
    assert.match(mail.text, /10 minuten geldig/);
    assert.match(mail.html, /<html lang="nl">/);
  });

  it('C2: a code is accepted at 9:59 and refused as code_expired at 10:01', async () => {
    const early = stack.client();
    const a = uniqueEmail();
    await early.post('/signup/email', { email: a });
    await stack.drain();
    stack.clock.advance(599);
    assert.equal((await early.post('/signup/code', { code: stack.smtp.codeFor(a) })).status, 200);

    const late = stack.client();
    const b = uniqueEmail();
    await late.post('/signup/email', { email: b });
    await stack.drain();
    stack.clock.advance(601);
    const answer = await late.post('/signup/code', { code: stack.smtp.codeFor(b) });
    assert.equal(answer.status, 410);
    assert.equal(answer.body.code, 'code_expired');
    assert.equal(answer.headers.get('content-type'), 'application/problem+json');
  });

  it('C3: the correct code works once; a second submission is refused', async () => {
    const client = stack.client();
    const email = uniqueEmail();
    await client.post('/signup/email', { email });
    await stack.drain();
    const code = stack.smtp.codeFor(email);
    assert.equal((await client.post('/signup/code', { code })).status, 200);
    const again = await client.post('/signup/code', { code });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'step_out_of_order');
    assert.equal(again.body.step, 'details');
  });

  it('C3: two concurrent correct submissions → exactly one success', async () => {
    const client = stack.client();
    const email = uniqueEmail();
    await client.post('/signup/email', { email });
    await stack.drain();
    const code = stack.smtp.codeFor(email);
    const answers = await Promise.all([client.post('/signup/code', { code }), client.post('/signup/code', { code })]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409]);
  });

  it('C4: a code of flow A is refused in flow B, and after a resend the first code is refused', async () => {
    const a = stack.client();
    const b = stack.client();
    const emailA = uniqueEmail();
    const emailB = uniqueEmail();
    await a.post('/signup/email', { email: emailA });
    await b.post('/signup/email', { email: emailB });
    await stack.drain();
    const wrongFlow = await b.post('/signup/code', { code: stack.smtp.codeFor(emailA) });
    assert.equal(wrongFlow.status, 400);
    assert.equal(wrongFlow.body.code, 'code_invalid');

    const first = stack.smtp.codeFor(emailA);
    stack.clock.advance(61);
    assert.equal((await a.post('/signup/code/resend')).status, 202);
    await stack.drain();
    const second = stack.smtp.codeFor(emailA);
    if (first !== second) {
      const old = await a.post('/signup/code', { code: first });
      assert.equal(old.body.code, 'code_invalid');
    }
    assert.equal((await a.post('/signup/code', { code: second })).status, 200);
  });

  it('C5: five wrong codes end the flow; the sixth is refused even when correct; a resend does not reset', async () => {
    const client = stack.client();
    const email = uniqueEmail();
    await client.post('/signup/email', { email });
    await stack.drain();
    const code = stack.smtp.codeFor(email);
    const wrong = code === '000000' ? '111111' : '000000';
    const left: number[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await client.post('/signup/code', { code: wrong });
      assert.equal(answer.status, 400);
      assert.equal(answer.body.code, 'code_invalid');
      left.push(answer.body.attemptsLeft!);
    }
    assert.deepEqual(left, [4, 3, 2, 1, 0]);
    const sixth = await client.post('/signup/code', { code });
    assert.equal(sixth.status, 429);
    assert.equal(sixth.body.code, 'too_many_attempts');
    assert.equal(sixth.body.step, 'email');
    assert.equal((await client.get('/session')).body.step, 'email');
    stack.clock.advance(61);
    const resend = await client.post('/signup/code/resend');
    assert.equal(resend.status, 429);
    assert.equal(resend.body.code, 'too_many_attempts');
    // Starting again at the e-mail step begins a new flow with a fresh count.
    const again = await client.post('/signup/email', { email });
    assert.equal(again.status, 202);
    assert.equal(again.body.flow!.attemptsLeft, 5);
  });

  it('C5: a resend keeps the failure count', async () => {
    const client = stack.client();
    const email = uniqueEmail();
    await client.post('/signup/email', { email });
    await stack.drain();
    const wrong = stack.smtp.codeFor(email) === '000000' ? '111111' : '000000';
    await client.post('/signup/code', { code: wrong });
    await client.post('/signup/code', { code: wrong });
    stack.clock.advance(61);
    const resend = await client.post('/signup/code/resend');
    assert.equal(resend.status, 202);
    assert.equal(resend.body.flow!.attemptsLeft, 3);
    await stack.drain();
    const next = stack.smtp.codeFor(email) === '000000' ? '111111' : '000000';
    const answer = await client.post('/signup/code', { code: next });
    assert.equal(answer.body.attemptsLeft, 2);
  });

  it('C6: the flows table holds no mailed code, only its HMAC', async () => {
    const client = stack.client();
    const email = uniqueEmail();
    await client.post('/signup/email', { email });
    await stack.drain();
    const code = stack.smtp.codeFor(email);
    const { rows } = await stack.server.context.db.query('SELECT * FROM flows WHERE email = $1', [email]);
    assert.equal(rows.length, 1);
    assert.ok(!JSON.stringify(rows).includes(code), 'the code is not stored');
    // Delivered over SMTP: the outbox no longer holds the message either.
    const outbox = await stack.server.context.db.query('SELECT * FROM outbox WHERE to_address = $1', [email]);
    assert.ok(!JSON.stringify(outbox.rows).includes(code), 'the sent mail is erased from the outbox');
  });

  it('C7: resend cooldown, then at most 3 mails per address per 15 minutes (429 + Retry-After)', async () => {
    const client = stack.client();
    const email = uniqueEmail();
    assert.equal((await client.post('/signup/email', { email })).status, 202);
    const soon = await client.post('/signup/code/resend');
    assert.equal(soon.status, 429);
    assert.equal(soon.body.code, 'resend_too_soon');
    assert.ok(soon.body.retryAfterSeconds! > 0 && soon.body.retryAfterSeconds! <= 60);
    assert.equal(soon.headers.get('retry-after'), String(soon.body.retryAfterSeconds));
    stack.clock.advance(61);
    assert.equal((await client.post('/signup/code/resend')).status, 202);
    stack.clock.advance(61);
    assert.equal((await client.post('/signup/code/resend')).status, 202);
    stack.clock.advance(61);
    const fourth = await client.post('/signup/code/resend');
    assert.equal(fourth.status, 429);
    assert.equal(fourth.body.code, 'rate_limited');
    assert.ok(Number(fourth.headers.get('retry-after')) > 0);
    // A new start for the same address from another client is limited too.
    const other = await stack.client().post('/signup/email', { email });
    assert.equal(other.status, 429);
    await stack.drain();
    assert.equal(stack.smtp.to(email).length, 3);
    stack.clock.advance(15 * 60);
    assert.equal((await stack.client().post('/signup/email', { email })).status, 202, 'the window ends');
  });

  it('R5/C7: the per-client cap applies across different addresses', async () => {
    const client = stack.client();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await client.post('/signup/email', { email: uniqueEmail('burst') })).status);
    assert.deepEqual(statuses.slice(0, 20), new Array(20).fill(202));
    assert.equal(statuses[20], 429);
    const answer = await client.post('/signup/email', { email: uniqueEmail('burst') });
    assert.equal(answer.body.code, 'rate_limited');
    assert.ok(Number(answer.headers.get('retry-after')) > 0);
  });

  it('R3: a random X-Forwarded-For from an untrusted peer does not escape the limit', async () => {
    // Trust nobody: the peer (127.0.0.1) is the client, whatever the header says.
    const untrusted = await startStack(backend, { env: { TRUSTED_PROXIES: '' }, smtp: stack.smtp });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) {
        statuses.push((await untrusted.client().post('/signup/email', { email: uniqueEmail('r3') })).status);
      }
      assert.equal(statuses.filter((s) => s === 202).length, 20);
      assert.equal(statuses[20], 429);
    } finally {
      await untrusted.close();
    }
  });

  it('R4: an existing address gets the same answer and a "you already have an account" mail', async () => {
    const existing = await signUp(stack, stack.client());
    const fresh = uniqueEmail();
    const a = await stack.client().post('/signup/email', { email: existing });
    const b = await stack.client().post('/signup/email', { email: fresh });
    assert.equal(a.status, b.status);
    const strip = (body: AnswerBody) => ({ ...body, flow: { ...body.flow!, email: 'x' } });
    assert.deepEqual(strip(a.body), strip(b.body));
    const names = (h: Headers) => [...h.keys()].filter((k) => !['date', 'set-cookie', 'content-length'].includes(k));
    assert.deepEqual(names(a.headers), names(b.headers));
    assert.equal(
      a.headers.get('content-length'),
      String(Number(b.headers.get('content-length')) + existing.length - fresh.length),
    );
    await stack.drain();
    const hint = stack.smtp.to(existing).at(-1)!;
    assert.equal(hint.subject, 'Je hebt al een Wij Techniek-account');
    assert.doesNotMatch(hint.text, /[0-9]{6}/);
    assert.match(stack.smtp.to(fresh).at(-1)!.subject, /^Je verificatiecode: [0-9]{6}$/);
  });

  it('R4: the "you already have an account" mail links to the sign-in step (wt-sign-in), not the code step', async () => {
    const existing = await signUp(stack, stack.client());
    await stack.client().post('/signup/email', { email: existing });
    await stack.drain();
    const hint = stack.smtp.to(existing).at(-1)!;
    const appUrl = stack.server.context.config.appUrl;
    const links = [...hint.html.matchAll(/href="([^"]+)"/g)].map(([, href]) => new URL(href!.replace(/&amp;/g, '&')));
    const signIn = links.find((link) => link.origin === new URL(appUrl).origin);
    assert.ok(signIn, `a link to the app in ${hint.html}`);
    assert.equal(signIn.searchParams.get(SIGN_IN_PARAM), '1', signIn.href);
    assert.ok(hint.text.includes(signIn.href), 'the text part carries the same link');
    // Only the mail says the address has an account: the session of that sign-up shows the code step (R4).
  });

  it('F1: details before the code is verified → 409 step_out_of_order; no session → 409', async () => {
    const client = stack.client();
    const early = await client.post('/signup/account', { password: GOOD_PASSWORD, firstName: 'A', lastName: 'B' });
    assert.equal(early.status, 409);
    assert.equal(early.body.step, null);
    await client.post('/signup/email', { email: uniqueEmail() });
    const beforeCode = await client.post('/signup/account', { password: GOOD_PASSWORD, firstName: 'A', lastName: 'B' });
    assert.equal(beforeCode.status, 409);
    assert.equal(beforeCode.body.code, 'step_out_of_order');
    assert.equal(beforeCode.body.step, 'code');
    const codeWithoutFlow = await stack.client().post('/signup/code', { code: '123456' });
    assert.equal(codeWithoutFlow.status, 409);
  });

  it('P1/P3: the password policy is applied with the reason, before anything is created', async () => {
    const client = stack.client();
    const email = uniqueEmail('pietje');
    await client.post('/signup/email', { email });
    await stack.drain();
    await client.post('/signup/code', { code: stack.smtp.codeFor(email) });
    const short = await client.post('/signup/account', { password: 'Kort1!', firstName: 'Anna', lastName: 'Jansen' });
    assert.equal(short.status, 422);
    assert.equal(short.body.code, 'password_policy');
    assert.deepEqual(short.body.violations, ['too_short']);
    const listed = await client.post('/signup/account', {
      password: 'Welkom01!Welkom',
      firstName: 'Anna',
      lastName: 'Jansen',
    });
    assert.deepEqual(listed.body.violations, ['blocklisted']);
    const personal = await client.post('/signup/account', {
      password: 'Pietje#2024xyzw',
      firstName: 'Anna',
      lastName: 'Jansen',
    });
    assert.deepEqual(personal.body.violations, ['contains_personal_data']);
    const named = await client.post('/signup/account', {
      password: 'Jansen#2024xyzw',
      firstName: 'Anna',
      lastName: 'Jansen',
    });
    assert.deepEqual(named.body.violations, ['contains_personal_data']);
    const { rows } = await stack.server.context.db.query('SELECT id FROM accounts WHERE email = $1', [email]);
    assert.equal(rows.length, 0);
    assert.equal(
      (await client.post('/signup/account', { password: GOOD_PASSWORD, firstName: 'Anna', lastName: 'Jansen' })).status,
      201,
    );
  });

  it('F4: retrying account creation with the new cookie gives the same answer and one account', async () => {
    const client = stack.client();
    const email = uniqueEmail();
    await client.post('/signup/email', { email });
    await stack.drain();
    await client.post('/signup/code', { code: stack.smtp.codeFor(email) });
    const bodies: string[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await client.post('/signup/account', {
        password: GOOD_PASSWORD,
        firstName: 'Anna',
        lastName: 'Jansen',
      });
      assert.equal(answer.status, 201);
      bodies.push(answer.text);
    }
    assert.equal(new Set(bodies).size, 1);
    const { rows } = await stack.server.context.db.query('SELECT id FROM accounts WHERE email = $1', [email]);
    assert.equal(rows.length, 1);
  });

  it('F4: repeating "send code" within the cooldown sends no second mail', async () => {
    const client = stack.client();
    const email = uniqueEmail();
    const first = await client.post('/signup/email', { email });
    const second = await client.post('/signup/email', { email });
    assert.equal(second.status, 202);
    assert.deepEqual(second.body, first.body);
    await stack.drain();
    assert.equal(stack.smtp.to(email).length, 1);
  });

  it('S4: an unfinished sign-up flow expires after its lifetime (flow_expired, back to the e-mail step)', async () => {
    const client = stack.client();
    const email = uniqueEmail();
    await client.post('/signup/email', { email });
    // Keep the session alive while the flow's 30 minutes run out.
    for (let i = 0; i < 3; i++) {
      stack.clock.advance(10 * 60 + 1);
      await client.get('/session');
    }
    const answer = await client.post('/signup/code', { code: '123456' });
    assert.equal(answer.status, 410);
    assert.equal(answer.body.code, 'flow_expired');
    assert.equal(answer.body.step, 'email');
    assert.equal((await client.get('/session')).body.step, 'email');
  });

  it('invalid addresses are refused as invalid_email with the field named', async () => {
    const answer = await stack.client().post('/signup/email', { email: 'not-an-address' });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.code, 'invalid_email');
    assert.ok(answer.body.fields!.email!.length > 0);
  });
});

describe('sign-up races on PostgreSQL', { skip: DATABASE_URL ? false : PG_SKIP }, () => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack('postgres');
  });
  after(async () => {
    await stack?.close();
  });

  it('F3: 50 parallel completions for one address → exactly one account', async () => {
    const client = stack.client();
    const email = uniqueEmail();
    await client.post('/signup/email', { email });
    await stack.drain();
    await client.post('/signup/code', { code: stack.smtp.codeFor(email) });
    const cookie = client.cookie;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => {
        const copy = stack.client(client.ip);
        copy.cookie = cookie;
        return copy.post('/signup/account', { password: GOOD_PASSWORD, firstName: 'Anna', lastName: 'Jansen' });
      }),
    );
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 201).length, 1, `statuses: ${statuses.join(',')}`);
    assert.ok(statuses.every((s) => s === 201 || s === 409));
    const { rows } = await stack.server.context.db.query('SELECT count(*)::int AS n FROM accounts WHERE email = $1', [
      email,
    ]);
    assert.equal(rows[0]!.n, 1);
  });

  it('a flow begun on one instance finishes on another (shared PostgreSQL)', async () => {
    const second = await startStack('postgres', { schema: stack.schema!, smtp: stack.smtp, clock: stack.clock });
    try {
      const one = stack.client();
      const email = uniqueEmail();
      await one.post('/signup/email', { email });
      await second.drain();
      const two = second.client(one.ip);
      two.cookie = one.cookie;
      assert.equal((await two.get('/session')).body.step, 'code');
      assert.equal((await two.post('/signup/code', { code: stack.smtp.codeFor(email) })).status, 200);
      one.cookie = two.cookie;
      const created = await one.post('/signup/account', {
        password: GOOD_PASSWORD,
        firstName: 'Anna',
        lastName: 'Jansen',
      });
      assert.equal(created.status, 201);
      two.cookie = one.cookie;
      assert.equal((await two.get('/session')).body.account!.email, email);
    } finally {
      await second.close();
    }
  });
});
