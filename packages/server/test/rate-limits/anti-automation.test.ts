// SECURITY.md R5: anti-automation on starting a sign-up (and a password reset): the optional hook for a CAPTCHA or
// proof-of-work, driven here by a test double, and the per-client threshold on starts.
import assert from 'node:assert/strict';
import { after, afterEach, before, it } from 'node:test';
import type { AntiAutomation, AntiAutomationRequest, AntiAutomationVerdict } from '../../src/index.ts';
import { eachBackend, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';

/** A hook that records what it is asked and answers what the test sets. */
class AntiAutomationDouble implements AntiAutomation {
  readonly calls: AntiAutomationRequest[] = [];
  answer: (request: AntiAutomationRequest) => Promise<AntiAutomationVerdict> | AntiAutomationVerdict = () => true;
  timeoutMs = 5000;
  verify(request: AntiAutomationRequest) {
    this.calls.push(request);
    return this.answer(request);
  }
}

const TOKEN = 'pow-token-4f9c2a7e1d';

eachBackend('R5 anti-automation hook', (backend) => {
  let stack: TestStack;
  const hook = new AntiAutomationDouble();
  before(async () => {
    stack = await startStack(backend, { antiAutomation: hook, cleanup: false });
  });
  after(async () => {
    await stack?.close();
  });
  afterEach(() => {
    hook.calls.length = 0;
    hook.answer = () => true;
    hook.timeoutMs = 5000;
  });

  async function flowsFor(email: string): Promise<number> {
    const { rows } = await stack.server.context.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM flows WHERE email = $1',
      [email],
    );
    return rows[0]!.n;
  }

  it('R5: a refused sign-up start answers 429 rate_limited and leaves nothing behind: no mail, no flow, no session', async () => {
    hook.answer = () => false;
    const client = stack.client();
    const email = uniqueEmail('bot');
    const answer = await client.post('/signup/email', { email }, { 'Anti-Automation-Token': TOKEN });
    assert.equal(answer.status, 429);
    assert.equal(answer.body.code, 'rate_limited');
    assert.equal(answer.headers.get('retry-after'), '30');
    assert.equal(answer.body.reason, 'anti_automation', 'a UI can tell the check apart from a rate limit');
    assert.deepEqual(answer.headers.getSetCookie(), [], 'no session was made');
    assert.deepEqual(hook.calls, [{ clientAddress: client.ip, token: TOKEN, route: '/signup/email' }]);
    await stack.drain();
    assert.equal(stack.smtp.to(email).length, 0);
    assert.equal(await flowsFor(email), 0);
    const refused = stack.logs.filter((line) => line.includes('"anti_automation_refused"'));
    assert.equal(refused.length, 1);
    assert.ok(!stack.logs.join('\n').includes(TOKEN), 'the token is never logged');
  });

  it('R5: an allowed start goes on as usual; the hook sees the token of the header, or none', async () => {
    const client = stack.client();
    const email = uniqueEmail('person');
    const answer = await client.post('/signup/email', { email }, { 'Anti-Automation-Token': TOKEN });
    assert.equal(answer.status, 202);
    assert.equal(answer.body.step, 'code');
    await stack.drain();
    assert.match(stack.smtp.codeFor(email), /^[0-9]{6}$/);
    assert.equal((await stack.client().post('/signup/email', { email: uniqueEmail() })).status, 202);
    assert.deepEqual(
      hook.calls.map((call) => call.token),
      [TOKEN, undefined],
    );
  });

  it('R5: the hook guards the password-reset start too, and may set the Retry-After of its refusal', async () => {
    hook.answer = () => ({ allowed: false, retryAfterSeconds: 120 });
    const email = uniqueEmail('reset');
    const answer = await stack.client().post('/password/forgot', { email });
    assert.equal(answer.status, 429);
    assert.equal(answer.body.code, 'rate_limited');
    assert.equal(answer.headers.get('retry-after'), '120');
    assert.equal(answer.body.reason, 'anti_automation');
    assert.equal(hook.calls[0]!.route, '/password/forgot');
    await stack.drain();
    assert.equal(stack.smtp.to(email).length, 0);
  });

  it('R5: a hook that throws, answers nonsense or does not answer in time fails closed: 503, logged, nothing sent', async () => {
    const cases: [string, AntiAutomationDouble['answer']][] = [
      ['throws', () => Promise.reject(new Error('captcha service down'))],
      ['nonsense', () => 'yes' as unknown as boolean],
      ['no answer', () => new Promise<boolean>(() => {})],
    ];
    hook.timeoutMs = 50;
    for (const [name, answer] of cases) {
      hook.answer = answer;
      const email = uniqueEmail('fail-closed');
      const reply = await stack.client().post('/signup/email', { email });
      assert.equal(reply.status, 503, name);
      assert.equal(reply.body.code, 'service_unavailable', name);
      assert.equal(reply.body.reason, undefined, `${name}: doing the check again would not help`);
      assert.ok(Number(reply.headers.get('retry-after')) > 0, name);
      await stack.drain();
      assert.equal(stack.smtp.to(email).length, 0, name);
      assert.equal(await flowsFor(email), 0, name);
    }
    const failed = stack.logs.filter((line) => line.includes('"anti_automation_failed"'));
    assert.equal(failed.length, 3);
    assert.match(failed[0]!, /captcha service down/);
  });

  it('R5: refused starts count against no limit, so a person behind a refused bot still gets through', async () => {
    hook.answer = () => false;
    const client = stack.client();
    for (let i = 0; i < 25; i++)
      assert.equal((await client.post('/signup/email', { email: uniqueEmail() })).status, 429);
    hook.answer = () => true;
    assert.equal((await client.post('/signup/email', { email: uniqueEmail() })).status, 202);
  });

  it('R5: an oversized token is refused before the hook is asked', async () => {
    const answer = await stack.client().post(
      '/signup/email',
      { email: uniqueEmail() },
      {
        'Anti-Automation-Token': 'x'.repeat(8193),
      },
    );
    assert.equal(answer.status, 400);
    assert.equal(answer.body.code, 'invalid_request');
    assert.equal(hook.calls.length, 0);
  });

  it('R5: CORS lets a page on an allowed origin send the token header', async () => {
    const response = await fetch(`${stack.url}/api/v1/signup/email`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, anti-automation-token',
      },
    });
    assert.equal(response.status, 204);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /Anti-Automation-Token/i);
  });
});

eachBackend('R5 threshold on sign-up starts', (backend) => {
  let stack: TestStack;
  before(async () => {
    // Configured the way an operator does it: through the environment.
    stack = await startStack(backend, { env: { RATE_LIMIT_MAIL_REQUESTS_PER_CLIENT: '10/1m' }, cleanup: false });
  });
  after(async () => {
    await stack?.close();
  });

  it('R5: 100 starts in one minute from one IP: 429 after the configured 10, and the SMTP sink holds 10 mails', async () => {
    const client = stack.client();
    const addresses: string[] = [];
    const statuses: number[] = [];
    let firstWait = 0;
    for (let i = 0; i < 100; i++) {
      const email = uniqueEmail('burst');
      addresses.push(email);
      const answer = await client.post('/signup/email', { email });
      statuses.push(answer.status);
      if (i === 10) {
        firstWait = Number(answer.headers.get('retry-after'));
        assert.equal(answer.body.reason, undefined, 'a rate limit is no refused check: the person waits');
      }
      stack.clock.advance(0.6);
    }
    assert.deepEqual(statuses.slice(0, 10), new Array<number>(10).fill(202));
    assert.deepEqual(statuses.slice(10), new Array<number>(90).fill(429));
    assert.equal(firstWait, 54, 'the rest of the one-minute window');
    await stack.drain();
    const mails = addresses.reduce((sum, email) => sum + stack.smtp.to(email).length, 0);
    assert.equal(mails, 10);
    stack.clock.advance(1);
    assert.equal((await client.post('/signup/email', { email: uniqueEmail() })).status, 202, 'the wait ends');
  });
});
