import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SessionSchema } from '@wij-techniek/onboarding-contract';
import type { Answer } from '../helpers/client.ts';
import { eachBackend, GOOD_PASSWORD, signUp, startStack, type TestStack } from '../helpers/harness.ts';

// WCAG 2.2.1 (issue 6): every Session answer says when the session ends if nothing happens, so the page can warn
// in time and offer to extend it; the absolute end cannot be extended and says so.

const inMinutes = (stack: TestStack, minutes: number) => new Date(stack.clock.ms + minutes * 60_000).toISOString();

function sessionOf(answer: Answer) {
  const parsed = SessionSchema.safeParse(answer.body);
  assert.ok(parsed.success, `the answer is a Session: ${answer.text}`);
  return parsed.data;
}

eachBackend('session end (WCAG 2.2.1)', (backend) => {
  describe('idle 30 minutes, absolute 12 hours (the defaults)', () => {
    let stack: TestStack;
    before(async () => {
      stack = await startStack(backend);
    });
    after(async () => {
      await stack?.close();
    });

    it('without a session: expiresAt null, not extendable', async () => {
      const answer = await stack.client().get('/session');
      assert.deepEqual(
        { expiresAt: sessionOf(answer).expiresAt, extendable: sessionOf(answer).extendable },
        { expiresAt: null, extendable: false },
      );
    });

    it('the sign-in answer ends 30 minutes on, extendable', async () => {
      const client = stack.client();
      const email = await signUp(stack, client);
      stack.clock.advance(5 * 60);
      const signIn = await client.post('/login', { email, password: GOOD_PASSWORD });
      assert.equal(signIn.status, 200);
      const session = sessionOf(signIn);
      assert.equal(session.expiresAt, inMinutes(stack, 30));
      assert.equal(session.extendable, true);
    });

    it('signing up answers with the end too', async () => {
      const client = stack.client();
      const email = `end.${Date.now()}@example.test`;
      await client.post('/signup/email', { email });
      await stack.drain();
      const code = await client.post('/signup/code', { code: stack.smtp.codeFor(email) });
      assert.equal(code.status, 200);
      const created = await client.post('/signup/account', {
        password: GOOD_PASSWORD,
        firstName: 'Anna',
        lastName: 'Jansen',
      });
      assert.equal(created.status, 201);
      assert.equal(sessionOf(created).expiresAt, inMinutes(stack, 30));
    });

    it('an anonymous session in the code step has an end as well', async () => {
      const client = stack.client();
      await client.post('/signup/email', { email: `anon.${Date.now()}@example.test` });
      const answer = await client.get('/session');
      assert.equal(sessionOf(answer).step, 'code');
      assert.equal(sessionOf(answer).expiresAt, inMinutes(stack, 30));
      assert.equal(sessionOf(answer).extendable, true);
    });

    it('activity moves the end on; GET /session is such activity', async () => {
      const client = stack.client();
      await signUp(stack, client);
      const first = sessionOf(await client.get('/session')).expiresAt;
      stack.clock.advance(28 * 60);
      const later = sessionOf(await client.get('/session'));
      assert.notEqual(later.expiresAt, first);
      assert.equal(later.expiresAt, inMinutes(stack, 30), '30 minutes from the last request');
      stack.clock.advance(29 * 60);
      assert.equal((await client.get('/session')).body.account !== null, true, 'still signed in: it was extended');
    });

    it('the end given is never later than the real end, though a request writes activity once a minute', async () => {
      const client = stack.client();
      await signUp(stack, client);
      stack.clock.advance(10 * 60);
      const touched = sessionOf(await client.get('/session')).expiresAt!;
      stack.clock.advance(30);
      const within = sessionOf(await client.get('/session')).expiresAt!;
      assert.ok(within <= inMinutes(stack, 30));
      assert.equal(within, touched);
      stack.clock.advance(Date.parse(within) / 1000 - stack.clock.ms / 1000 + 1);
      assert.equal((await client.get('/session')).body.account, null, 'ended at the time it gave');
    });

    it('logging out: the answer of GET /session has no end any more', async () => {
      const client = stack.client();
      await signUp(stack, client);
      await client.post('/logout');
      assert.equal(sessionOf(await client.get('/session')).expiresAt, null);
    });
  });

  describe('idle 1 minute (the shortest SESSION_IDLE_MINUTES allows)', () => {
    let stack: TestStack;
    before(async () => {
      stack = await startStack(backend, { env: { SESSION_IDLE_MINUTES: '1' } });
    });
    after(async () => {
      await stack?.close();
    });

    // The notice shows from two minutes before the end, so with one minute idle it is up at once; its "Doorgaan"
    // is GET /session. Activity written only once a minute never fell inside a window of one minute.
    it('"Doorgaan" (GET /session) shortly before the end moves the end on, and the session lives on', async () => {
      const client = stack.client();
      await signUp(stack, client);
      const first = sessionOf(await client.get('/session')).expiresAt!;
      stack.clock.advance(50);
      const extended = sessionOf(await client.get('/session'));
      assert.equal(extended.extendable, true);
      assert.ok(extended.expiresAt! > first, `the end moved on from ${first}: ${extended.expiresAt}`);
      assert.equal(extended.expiresAt, inMinutes(stack, 1), 'one minute from the click');
      stack.clock.advance(50);
      assert.notEqual((await client.get('/session')).body.account, null, 'still signed in 100 s after sign-up');
    });

    it('S4: idle+1 s still ends it, and the end given is never later than the real end', async () => {
      const client = stack.client();
      await signUp(stack, client);
      stack.clock.advance(30);
      const given = sessionOf(await client.get('/session')).expiresAt!;
      assert.ok(given <= inMinutes(stack, 1));
      stack.clock.advance(Date.parse(given) / 1000 - stack.clock.ms / 1000 + 1);
      assert.equal((await client.get('/session')).body.account, null, 'ended at the time it gave');
    });
  });

  describe('when the absolute end comes before the idle end', () => {
    let stack: TestStack;
    before(async () => {
      stack = await startStack(backend, { env: { SESSION_MAX_HOURS: '1' } });
    });
    after(async () => {
      await stack?.close();
    });

    it('gives the absolute end and says it cannot be extended; activity does not move it', async () => {
      const client = stack.client();
      await signUp(stack, client);
      const signedIn = sessionOf(await client.get('/session'));
      assert.equal(signedIn.expiresAt, inMinutes(stack, 30));
      assert.equal(signedIn.extendable, true);
      const absolute = inMinutes(stack, 60);
      stack.clock.advance(20 * 60);
      assert.equal(sessionOf(await client.get('/session')).extendable, true, 'the idle end still comes first');
      stack.clock.advance(20 * 60);
      const near = sessionOf(await client.get('/session'));
      assert.equal(near.expiresAt, absolute);
      assert.equal(near.extendable, false);
      stack.clock.advance(10 * 60);
      assert.equal(sessionOf(await client.get('/session')).expiresAt, absolute, 'activity does not move it');
      stack.clock.advance(10 * 60 + 1);
      const ended = sessionOf(await client.get('/session'));
      assert.deepEqual([ended.account, ended.expiresAt], [null, null]);
    });
  });
});
