import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { eachBackend, GOOD_PASSWORD, signUp, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';

const NEW_PASSWORD = 'Regenboog#7731kw';

eachBackend('password reset (issue 10)', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend);
  });
  after(async () => {
    await stack?.close();
  });

  it('resets the whole way: address → code → new password → signed in, others signed out, owner told', async () => {
    const email = await signUp(stack, stack.client());
    const otherDevice = stack.client();
    assert.equal((await otherDevice.post('/login', { email, password: GOOD_PASSWORD })).status, 200);

    const client = stack.client();
    const forgot = await client.post('/password/forgot', { email, lang: 'en' });
    assert.equal(forgot.status, 202);
    assert.equal(forgot.body.step, 'password-code');
    assert.equal(forgot.body.flow!.kind, 'password-reset');
    await stack.drain();
    const mail = stack.smtp.to(email).at(-1)!;
    assert.match(mail.subject, /^Your code for a new password: [0-9]{6}$/);
    assert.match(mail.text, /set a new password/);
    assert.equal((await client.get('/session')).body.step, 'password-code');
    const code = await client.post('/password/code', { code: stack.smtp.codeFor(email) });
    assert.equal(code.status, 200);
    assert.deepEqual(code.body, { step: 'password-new' });
    const before = client.cookie;
    const reset = await client.post('/password/reset', { password: NEW_PASSWORD });
    assert.equal(reset.status, 200);
    assert.equal(reset.body.step, 'supplier');
    assert.equal(reset.body.account!.email, email);
    assert.notEqual(client.cookie, before, 'S3: a new session id');

    assert.equal((await otherDevice.get('/session')).body.account, null, 'the other session ended');
    assert.equal((await stack.client().post('/login', { email, password: GOOD_PASSWORD })).status, 401);
    assert.equal((await stack.client().post('/login', { email, password: NEW_PASSWORD })).status, 200);
    await stack.drain();
    const notice = stack.smtp.to(email).at(-1)!;
    assert.equal(notice.subject, 'Your Wij Techniek password was changed');
    assert.match(notice.text, /Was this not you\?/);
  });

  it('R4: the same answer for an unknown address, which gets a "no account" mail instead of a code', async () => {
    const known = await signUp(stack, stack.client());
    const unknown = uniqueEmail();
    const a = await stack.client().post('/password/forgot', { email: known });
    const b = await stack.client().post('/password/forgot', { email: unknown });
    assert.equal(a.status, b.status);
    const strip = (text: string, email: string) => text.replace(email, 'x');
    assert.equal(strip(a.text, known).length, strip(b.text, unknown).length);
    assert.deepEqual(
      { ...a.body, flow: { ...a.body.flow!, email: 'x', resendAvailableAt: '', expiresAt: '' } },
      { ...b.body, flow: { ...b.body.flow!, email: 'x', resendAvailableAt: '', expiresAt: '' } },
    );
    await stack.drain();
    assert.match(stack.smtp.to(known).at(-1)!.subject, /^Je code voor een nieuw wachtwoord: [0-9]{6}$/);
    const hint = stack.smtp.to(unknown).at(-1)!;
    assert.equal(hint.subject, 'Geen Wij Techniek-account met dit adres');
    assert.doesNotMatch(hint.text, /[0-9]{6}/);
  });

  it('C5: the code rules hold: five wrong codes end the reset, the sixth is refused when correct', async () => {
    const email = await signUp(stack, stack.client());
    const client = stack.client();
    await client.post('/password/forgot', { email });
    await stack.drain();
    const code = stack.smtp.codeFor(email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) assert.equal((await client.post('/password/code', { code: wrong })).status, 400);
    const sixth = await client.post('/password/code', { code });
    assert.equal(sixth.status, 429);
    assert.equal(sixth.body.code, 'too_many_attempts');
    assert.equal(sixth.body.step, 'password-email');
  });

  it('C2/C7: expired code, resend cooldown and the mail cap apply as for sign-up', async () => {
    const email = await signUp(stack, stack.client());
    const client = stack.client();
    await client.post('/password/forgot', { email });
    await stack.drain();
    const first = stack.smtp.codeFor(email);
    assert.equal((await client.post('/password/code/resend')).body.code, 'resend_too_soon');
    stack.clock.advance(601);
    assert.equal((await client.post('/password/code', { code: first })).body.code, 'code_expired');
    assert.equal((await client.post('/password/code/resend')).status, 202);
    stack.clock.advance(61);
    // Sign-up sent one mail, the reset two: the third reset mail is the fourth in 15 minutes.
    const capped = await client.post('/password/code/resend');
    assert.equal(capped.status, 429);
    assert.equal(capped.body.code, 'rate_limited');
    await stack.drain();
    assert.equal((await client.post('/password/code', { code: stack.smtp.codeFor(email) })).status, 200);
  });

  it('F1: a new password before the code → 409; the signup code endpoint does not accept a reset flow', async () => {
    const email = await signUp(stack, stack.client());
    const client = stack.client();
    assert.equal((await client.post('/password/reset', { password: NEW_PASSWORD })).status, 409);
    await client.post('/password/forgot', { email });
    const early = await client.post('/password/reset', { password: NEW_PASSWORD });
    assert.equal(early.status, 409);
    assert.equal(early.body.step, 'password-code');
    await stack.drain();
    const crossed = await client.post('/signup/code', { code: stack.smtp.codeFor(email) });
    assert.equal(crossed.status, 409);
  });

  it('P1: refuses the current password (password_unchanged) and the policy applies', async () => {
    const email = await signUp(stack, stack.client());
    const client = stack.client();
    await client.post('/password/forgot', { email });
    await stack.drain();
    await client.post('/password/code', { code: stack.smtp.codeFor(email) });
    const same = await client.post('/password/reset', { password: GOOD_PASSWORD });
    assert.equal(same.status, 422);
    assert.equal(same.body.code, 'password_unchanged');
    const weak = await client.post('/password/reset', { password: 'kort' });
    assert.equal(weak.body.code, 'password_policy');
    assert.ok(weak.body.violations!.includes('too_short'));
    assert.equal((await client.post('/password/reset', { password: NEW_PASSWORD })).status, 200);
  });

  it('R5: the per-client cap applies to reset requests across addresses', async () => {
    const client = stack.client();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push((await client.post('/password/forgot', { email: uniqueEmail() })).status);
    assert.equal(statuses.filter((s) => s === 202).length, 20);
    assert.equal(statuses[20], 429);
  });

  it('R1/R2: a reset clears the failed sign-in count of the address (no lockout by others)', async () => {
    const email = await signUp(stack, stack.client());
    for (let i = 0; i < 100; i++) await stack.client().post('/login', { email, password: `Verkeerd#Wacht${i}` });
    assert.equal((await stack.client().post('/login', { email, password: GOOD_PASSWORD })).status, 429);
    const client = stack.client();
    await client.post('/password/forgot', { email });
    await stack.drain();
    await client.post('/password/code', { code: stack.smtp.codeFor(email) });
    assert.equal((await client.post('/password/reset', { password: NEW_PASSWORD })).status, 200);
    assert.equal((await stack.client().post('/login', { email, password: NEW_PASSWORD })).status, 200);
  });
});
