// SECURITY.md R1 over real HTTP: a client or address that keeps hitting its limit waits longer each time (the
// wait doubles, up to the configured maximum), the wait always ends, and a quiet period or a success starts it
// over. Time moves only through the injected clock.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../helpers/client.ts';
import {
  DATABASE_URL,
  eachBackend,
  GOOD_PASSWORD,
  PG_SKIP,
  signUp,
  startStack,
  uniqueEmail,
  type TestStack,
  startSecondInstance,
} from '../helpers/harness.ts';
import { createOrganisationWithAdministrator } from '../organisations/helpers.ts';

const WINDOW = 15 * 60;
const MAX_WAIT = 3 * 3600;
const RESET_AFTER = 3600;

const LIMITS = {
  loginsPerClient: { max: 2, windowSeconds: WINDOW },
  mailRequestsPerClient: { max: 3, windowSeconds: WINDOW },
  loginFailuresPerAddress: { max: 3, windowSeconds: 3600 },
  invitationAttemptsPerClient: { max: 3, windowSeconds: WINDOW },
  // Shorter than the session's idle timeout, so the administrator is still signed in after the wait.
  invitationsPerAdministrator: { max: 2, windowSeconds: 600 },
  maxWaitSeconds: MAX_WAIT,
  resetAfterSeconds: RESET_AFTER,
};

/** The `Retry-After` of a 429 `rate_limited`, checked against the body's `retryAfterSeconds`. */
function waitOf(answer: { status: number; headers: Headers; body: { code?: string; retryAfterSeconds?: number } }) {
  assert.equal(answer.status, 429, JSON.stringify(answer.body));
  assert.equal(answer.body.code, 'rate_limited');
  const wait = Number(answer.headers.get('retry-after'));
  assert.equal(answer.body.retryAfterSeconds, wait);
  return wait;
}

eachBackend('R1 growing waits', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend, { limits: LIMITS, cleanup: false });
  });
  after(async () => {
    await stack?.close();
  });

  /**
   * Rounds of "use up the limit, then one more": returns each round's wait. Within each wait, one more try is
   * refused with exactly the rest of the wait (tries during a wait neither count nor lengthen it); then the clock
   * moves to its end.
   */
  async function rounds(
    count: number,
    allowedPerRound: number,
    attempt: () => Promise<{ status: number }>,
    ok: number,
  ) {
    const waits: number[] = [];
    for (let round = 0; round < count; round++) {
      for (let i = 0; i < allowedPerRound; i++) assert.equal((await attempt()).status, ok, `round ${round}, try ${i}`);
      const wait = waitOf((await attempt()) as Parameters<typeof waitOf>[0]);
      stack.clock.advance(wait - 1);
      assert.equal(
        waitOf((await attempt()) as Parameters<typeof waitOf>[0]),
        1,
        'a try during the wait changes nothing',
      );
      stack.clock.advance(1);
      waits.push(wait);
    }
    return waits;
  }

  it('R1: sign-ins from one client wait 15, 30, 60, 120 min, then the 3 h maximum, and get in after each wait', async () => {
    const client = stack.client();
    const login = () => client.post('/login', { email: uniqueEmail('r1'), password: 'Verkeerd#Wachtwoord1' });
    const waits = await rounds(7, 2, login, 401);
    assert.deepEqual(waits, [WINDOW, 2 * WINDOW, 4 * WINDOW, 8 * WINDOW, MAX_WAIT, MAX_WAIT, MAX_WAIT]);
    assert.equal(
      (await login()).status,
      401,
      'no permanent lockout: after the longest wait the password is checked again',
    );
  });

  it('R1: after a quiet period the wait starts from the shortest again', async () => {
    const client = stack.client();
    const login = () => client.post('/login', { email: uniqueEmail('r1'), password: 'Verkeerd#Wachtwoord1' });
    assert.deepEqual(await rounds(2, 2, login, 401), [WINDOW, 2 * WINDOW]);
    stack.clock.advance(RESET_AFTER);
    assert.deepEqual(await rounds(1, 2, login, 401), [WINDOW]);
  });

  it('R1/R5: sign-up starts from one client wait longer each time; only the allowed starts send mail', async () => {
    const client = stack.client();
    const addresses: string[] = [];
    const start = () => {
      const email = uniqueEmail('r1-start');
      addresses.push(email);
      return client.post('/signup/email', { email });
    };
    const waits = await rounds(4, 3, start, 202);
    assert.deepEqual(waits, [WINDOW, 2 * WINDOW, 4 * WINDOW, 8 * WINDOW]);
    assert.equal((await start()).status, 202, 'the wait ends');
    await stack.drain();
    const mailed = addresses.filter((email) => stack.smtp.to(email).length > 0);
    assert.equal(mailed.length, 4 * 3 + 1, 'a refused start sends nothing');
  });

  it('R1/R2: wrong passwords for one address block it for the rest of the hour, then longer; a success clears it', async () => {
    const email = await signUp(stack, stack.client());
    // Each try from its own client address: only the per-address failure count is at work.
    const wrong = () => stack.client().post('/login', { email, password: 'Verkeerd#Wachtwoord1' });
    const waits = await rounds(3, 3, wrong, 401);
    assert.deepEqual(waits, [3600, 7200, MAX_WAIT]);
    for (let i = 0; i < 3; i++) assert.equal((await wrong()).status, 401);
    const blocked = await stack.client().post('/login', { email, password: GOOD_PASSWORD });
    assert.equal(waitOf(blocked), MAX_WAIT, 'even the right password waits, at most the maximum');
    stack.clock.advance(MAX_WAIT);
    assert.equal((await stack.client().post('/login', { email, password: GOOD_PASSWORD })).status, 200);
    assert.deepEqual(await rounds(1, 3, wrong, 401), [3600], 'the success started the waits over');
  });

  it('R1: invitation links tried from one client are rate_limited with growing waits', async () => {
    const client = stack.client();
    const lookup = () => client.post('/invitations/lookup', { token: 'A'.repeat(43) });
    const waits = await rounds(3, 3, lookup, 400);
    assert.deepEqual(waits, [WINDOW, 2 * WINDOW, 4 * WINDOW]);
  });

  it('R1: an administrator who sends many invitations is rate_limited, and may send again after the wait', async () => {
    const { organisationId, administrator } = await createOrganisationWithAdministrator(stack);
    const invite = () =>
      administrator.client.post(`/organisations/${organisationId}/members`, {
        email: uniqueEmail('invitee'),
        rights: ['register_for_meetings'],
      });
    assert.equal((await invite()).status, 201);
    assert.equal((await invite()).status, 201);
    const wait = waitOf(await invite());
    assert.equal(wait, 600);
    await stack.drain();
    stack.clock.advance(wait);
    assert.equal((await invite()).status, 201);
  });
});

describe('R1 one counter for every instance', { skip: DATABASE_URL ? false : PG_SKIP }, () => {
  let first: TestStack;
  let second: TestStack;
  before(async () => {
    first = await startStack('postgres', { limits: LIMITS, cleanup: false });
    second = await startSecondInstance(first, { limits: LIMITS, cleanup: false });
  });
  after(async () => {
    await second?.close();
    await first?.close();
  });

  it('R1: 20 concurrent sign-ins from one client over two instances: exactly the limit gets through', async () => {
    const ip = '10.99.0.1';
    const clients: Client[] = [first.client(ip), second.client(ip)];
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        clients[i % 2]!.post('/login', { email: uniqueEmail('both'), password: 'Verkeerd#Wachtwoord1' }),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    assert.deepEqual(statuses, [...new Array<number>(2).fill(401), ...new Array<number>(18).fill(429)]);
    const waits = new Set(
      answers.filter((answer) => answer.status === 429).map((answer) => answer.headers.get('retry-after')),
    );
    assert.deepEqual([...waits], [String(WINDOW)], 'one block, not one per instance or per request');
  });
});
