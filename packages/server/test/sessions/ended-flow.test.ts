// GET /session after the session's code flow ended without being used: the e-mail step, with `endedFlow` saying
// which flow, for which address and why (five wrong codes, SECURITY.md C5; or its lifetime, S4), so a reload shows
// the right message with the address filled in rather than "expired, start again" and an empty field. The answer
// is one shape whether or not the address has an account (R4).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, it } from 'node:test';
import { createAccount } from '../../src/accounts/accounts.ts';
import { codeMatches } from '../../src/security/codes.ts';
import type { Answer, Client } from '../helpers/client.ts';
import { eachBackend, GOOD_PASSWORD, signUp, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import { atDetails } from '../security/signup-steps.ts';

type Kind = 'signup' | 'password-reset';
const START = { signup: '/signup/email', 'password-reset': '/password/forgot' } as const;
const CODE = { signup: '/signup/code', 'password-reset': '/password/code' } as const;
const EMAIL_STEP = { signup: 'email', 'password-reset': 'password-email' } as const;

eachBackend('GET /session after a code flow ended', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend);
  });
  after(async () => {
    await stack?.close();
  });

  /** A six-digit code that is not the one the flow of `email` holds, mailed or not (an existing address gets none). */
  async function wrongCode(email: string): Promise<string> {
    const { rows } = await stack.server.context.db.query<{ id: string; code_hmac: string }>(
      'SELECT id, code_hmac FROM flows WHERE email = $1 AND code_hmac IS NOT NULL AND consumed_at IS NULL',
      [email],
    );
    const { id, code_hmac: stored } = rows[0]!;
    return ['000000', '111111'].find((code) => !codeMatches(stack.server.context.keys, id, email, code, stored))!;
  }

  /** Starts a flow of `kind` for `email` on a fresh client. */
  async function started(kind: Kind, email: string): Promise<Client> {
    const client = stack.client();
    const start = await client.post(START[kind], { email });
    assert.equal(start.status, 202, start.text);
    return client;
  }

  /** Starts a flow of `kind` for `email` and ends it with five wrong codes (C5). */
  async function lockedOut(kind: Kind, email: string): Promise<Client> {
    const client = await started(kind, email);
    const wrong = await wrongCode(email);
    for (let attempt = 1; attempt <= 5; attempt++) {
      assert.equal((await client.post(CODE[kind], { code: wrong })).status, 400, `attempt ${attempt}`);
    }
    return client;
  }

  /** Lets the flow's 30 minutes run out while the session stays alive. */
  async function outlive(client: Client): Promise<Answer> {
    let answer!: Answer;
    for (let i = 0; i < 3; i++) {
      stack.clock.advance(10 * 60 + 1);
      answer = await client.get('/session');
    }
    return answer;
  }

  for (const kind of ['signup', 'password-reset'] as const) {
    it(`C5: after five wrong codes (${kind}) the session names the ended flow, its address and too_many_attempts`, async () => {
      const email = kind === 'signup' ? uniqueEmail('locked') : await signUp(stack, stack.client());
      const client = await lockedOut(kind, email);
      const { body } = await client.get('/session');
      assert.equal(body.step, EMAIL_STEP[kind]);
      assert.equal(body.flow, null);
      assert.deepEqual(body.endedFlow, { kind, email, reason: 'too_many_attempts' });
    });

    it(`S4: a ${kind} flow past its lifetime: the session names it with reason expired`, async () => {
      const email = kind === 'signup' ? uniqueEmail('expired') : await signUp(stack, stack.client());
      const client = await started(kind, email);
      assert.equal((await client.get('/session')).body.endedFlow, null, 'a flow under way has not ended');
      const { body } = await outlive(client);
      assert.equal(body.step, EMAIL_STEP[kind]);
      assert.equal(body.flow, null);
      assert.deepEqual(body.endedFlow, { kind, email, reason: 'expired' });
    });
  }

  it('C5 then S4: a flow ended by wrong codes keeps that reason once its lifetime has passed too', async () => {
    const email = uniqueEmail('locked-then-expired');
    const client = await lockedOut('signup', email);
    const { body } = await outlive(client);
    assert.deepEqual(body.endedFlow, { kind: 'signup', email, reason: 'too_many_attempts' });
  });

  it('S4: a verified flow whose details never came ended unused too: reason expired', async () => {
    const { client, email } = await atDetails(stack);
    assert.equal((await client.get('/session')).body.endedFlow, null);
    const { body } = await outlive(client);
    assert.equal(body.step, 'email');
    assert.deepEqual(body.endedFlow, { kind: 'signup', email, reason: 'expired' });
  });

  it('a used flow is not an ended one: after the account is made, and after a new flow starts, endedFlow is null', async () => {
    const client = stack.client();
    await signUp(stack, client);
    const signedIn = await client.get('/session');
    assert.equal(signedIn.body.step, 'supplier');
    assert.equal(signedIn.body.endedFlow, null);
    const later = await outlive(client);
    assert.equal(later.body.step, 'supplier', 'signed in still');
    assert.equal(later.body.endedFlow, null, 'not once its lifetime has passed');

    const email = uniqueEmail('again');
    const locked = await lockedOut('signup', email);
    assert.equal((await locked.post('/signup/email', { email })).status, 202, 'starting again');
    const { body } = await locked.get('/session');
    assert.equal(body.step, 'code');
    assert.equal(body.endedFlow, null, 'the new flow replaced the ended one');
  });

  it('without a session, and for a session without a flow, endedFlow is null', async () => {
    assert.equal((await stack.client().get('/session')).body.endedFlow, null);
    const client = stack.client();
    const email = await signUp(stack, client);
    await client.post('/logout');
    await client.post('/login', { email, password: GOOD_PASSWORD });
    assert.equal((await client.get('/session')).body.endedFlow, null);
  });

  it('R4: an ended flow reads the same for an address with an account and one without, however it ended', async () => {
    const passwordHash = await stack.server.context.passwords.hash(GOOD_PASSWORD);
    /** An address of fixed length, so the answers' lengths match too. */
    const address = (tag: 'k' | 'n') => `r4-${tag}-${randomBytes(4).toString('hex')}@example.test`;
    const existing = async () => {
      const email = address('k');
      assert.ok(
        await createAccount(stack.server.context.db, {
          email,
          firstName: 'Anna',
          lastName: 'Jansen',
          passwordHash,
          now: stack.clock.now(),
        }),
      );
      return email;
    };
    /** The answer, with the address and the values that depend on the moment taken out. */
    const comparable = (answer: Answer, email: string) => ({
      status: answer.status,
      body: answer.text.split(email).join('<address>'),
    });
    for (const kind of ['signup', 'password-reset'] as const) {
      for (const end of ['too_many_attempts', 'expired'] as const) {
        const pair: { email: string; answer: Answer }[] = [];
        const clients: [Client, string][] = [];
        for (const email of [await existing(), address('n')]) {
          clients.push([end === 'expired' ? await started(kind, email) : await lockedOut(kind, email), email]);
        }
        // Both sessions live through the same moments, so only the address can differ.
        if (end === 'expired') {
          for (let i = 0; i < 3; i++) {
            stack.clock.advance(10 * 60 + 1);
            for (const [client] of clients) await client.get('/session');
          }
        }
        for (const [client, email] of clients) pair.push({ email, answer: await client.get('/session') });
        const [known, unknown] = pair.map(({ email, answer }) => comparable(answer, email));
        assert.deepEqual(known, unknown, `${kind}, ${end}`);
        assert.deepEqual(pair[0]!.answer.body.endedFlow, { kind, email: pair[0]!.email, reason: end });
      }
    }
  });
});
