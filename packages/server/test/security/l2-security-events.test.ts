// SECURITY.md L2: security events are logged as structured records — code issued, code failed, lockout, account
// created, EH3 ok and failed (with the reason) and administrator granted — each one JSON object with its time,
// level, event name and the request id that ties it to the access record. The journey makes each event happen
// through the API and reads the records the server wrote.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  SIMULATED_IDENTITIES,
  SIMULATED_SUPPLIERS,
  signInAtSimulator,
  type RunningSimulator,
} from '@wij-techniek/eherkenning-sim';
import { VERIFICATION_CODE_RULES } from '@wij-techniek/onboarding-contract';
import type { Client } from '../helpers/client.ts';
import { GOOD_PASSWORD, signUp, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import { startWithSimulator } from '../helpers/simulator.ts';

const PUBLIC_URL = 'http://localhost:8787';
const CALLBACK = `${PUBLIC_URL}/api/v1/eherkenning/callback`;
const byId = (id: string) => SIMULATED_IDENTITIES.find((identity) => identity.id === id)!;
const LOGIN_FAILURES = 3;

/** One record of the server's log. */
interface LogRecord {
  readonly time: string;
  readonly level: string;
  readonly event: string;
  readonly requestId?: string;
  readonly [field: string]: unknown;
}

describe('L2 security events are logged as structured records', () => {
  let sim: RunningSimulator;
  let stack: TestStack;

  before(async () => {
    ({ sim, stack } = await startWithSimulator('pglite', 'l2', {
      env: { PUBLIC_URL },
      limits: { loginFailuresPerAddress: { max: LOGIN_FAILURES, windowSeconds: 3600 } },
    }));
  });
  after(async () => {
    await stack?.close();
    await sim?.close();
  });

  /** The records `run` made the server write. */
  async function recordsOf(run: () => Promise<void>): Promise<LogRecord[]> {
    const from = stack.logs.length;
    await run();
    return stack.logs.slice(from).map((line) => JSON.parse(line) as LogRecord);
  }

  /** The one record of `event` among `records`, checked for the structure every record has. */
  function theRecord(records: LogRecord[], event: string, level: string, fields: Record<string, unknown> = {}) {
    const found = records.filter((record) => record.event === event);
    assert.equal(found.length, 1, `one ${event} record: ${JSON.stringify(records.map((record) => record.event))}`);
    const record = found[0]!;
    assert.equal(record.level, level, `${event} level`);
    assert.ok(!Number.isNaN(Date.parse(record.time)), `${event} has a time`);
    assert.match(String(record.requestId), /^[0-9a-f-]{36}$/u, `${event} names its request`);
    for (const [name, value] of Object.entries(fields)) assert.deepEqual(record[name], value, `${event}.${name}`);
    return record;
  }

  it('L2: code issued, code failed (wrong and expired), code verified and account created', async () => {
    const client = stack.client();
    const email = uniqueEmail('l2');
    const issued = await recordsOf(async () => {
      assert.equal((await client.post('/signup/email', { email })).status, 202);
    });
    const flow = theRecord(issued, 'code_issued', 'info', { kind: 'signup', send: 1 }).flow;
    assert.equal(typeof flow, 'string');
    assert.ok(!JSON.stringify(issued).includes(email), 'the address is pseudonymised');
    await stack.drain();
    const code = stack.smtp.codeFor(email);
    const wrong = code === '000000' ? '111111' : '000000';

    const failed = await recordsOf(async () => {
      assert.equal((await client.post('/signup/code', { code: wrong })).status, 400);
    });
    theRecord(failed, 'code_failed', 'info', { flow, kind: 'signup', reason: 'wrong', attempts: 1 });

    const verified = await recordsOf(async () => {
      assert.equal((await client.post('/signup/code', { code })).status, 200);
    });
    theRecord(verified, 'code_verified', 'info', { flow, kind: 'signup' });

    const created = await recordsOf(async () => {
      const answer = await client.post('/signup/account', {
        password: GOOD_PASSWORD,
        firstName: 'Anna',
        lastName: 'Jansen',
      });
      assert.equal(answer.status, 201);
    });
    const account = theRecord(created, 'account_created', 'info', { flow });
    assert.equal(account.account, (await client.get('/session')).body.account?.id);

    // An expired code is a failure with its own reason.
    const late = stack.client();
    const lateEmail = uniqueEmail('l2-late');
    await late.post('/signup/email', { email: lateEmail });
    await stack.drain();
    stack.clock.advance(VERIFICATION_CODE_RULES.lifetimeSeconds + 1);
    const expired = await recordsOf(async () => {
      assert.equal((await late.post('/signup/code', { code: stack.smtp.codeFor(lateEmail) })).status, 410);
    });
    theRecord(expired, 'code_failed', 'info', { reason: 'expired' });
  });

  it('L2: lockouts — a flow ended by wrong codes, and an address with too many wrong passwords', async () => {
    const client = stack.client();
    const email = uniqueEmail('l2-lock');
    await client.post('/signup/email', { email });
    await stack.drain();
    const wrong = stack.smtp.codeFor(email) === '000000' ? '111111' : '000000';
    const guesses = await recordsOf(async () => {
      for (let i = 0; i < VERIFICATION_CODE_RULES.maxAttempts; i++) await client.post('/signup/code', { code: wrong });
    });
    assert.equal(
      guesses.filter((record) => record.event === 'code_failed').length,
      VERIFICATION_CODE_RULES.maxAttempts,
      'every wrong code is a record',
    );
    const locked = theRecord(guesses, 'flow_locked', 'warn', { kind: 'signup' });
    assert.ok(!JSON.stringify(locked).includes(email), 'the address is pseudonymised');

    const person = stack.client();
    const address = await signUp(stack, person, { email: uniqueEmail('l2-login') });
    const attempts = await recordsOf(async () => {
      for (let i = 0; i <= LOGIN_FAILURES; i++) {
        await stack.client().post('/login', { email: address, password: `${GOOD_PASSWORD}x` });
      }
    });
    assert.equal(
      attempts.filter((record) => record.event === 'login_failed' && record.level === 'info').length,
      LOGIN_FAILURES,
      'every wrong password is a record',
    );
    const lockout = theRecord(attempts, 'login_locked', 'warn');
    assert.equal(typeof lockout.email, 'string');
    assert.ok(!JSON.stringify(attempts).includes(address), 'the address is pseudonymised');
  });

  it('L2: EH3 failed with its reason (too low, cancelled), EH3 verified with its level, administrator granted', async () => {
    const client = stack.client();
    await signUp(stack, client, { email: uniqueEmail('l2-eh') });

    /** Start → the simulator as `who` → the callback on this session; the records of the callback. */
    async function roundTrip(who: string, outcome: string): Promise<LogRecord[]> {
      const started = await start(client);
      const callback = await signInAtSimulator(String(started.body.redirectUrl), CALLBACK, who);
      return recordsOf(async () => {
        const answer = await client.get(`${stack.url}${callback.pathname}${callback.search}`);
        assert.equal(new URL(answer.headers.get('location')!).searchParams.get('wt-eherkenning'), outcome);
      });
    }

    const tooLow = theRecord(await roundTrip(byId('sanne-jansen').id, 'level_too_low'), 'eherkenning_failed', 'warn', {
      stage: 'callback',
    });
    assert.equal(tooLow.code, 'level_too_low');
    assert.equal(typeof tooLow.reason, 'string', 'the reason is named');

    const cancelled = theRecord(await roundTrip('cancel', 'cancelled'), 'eherkenning_failed', 'warn', {
      stage: 'callback',
      code: 'cancelled',
    });
    assert.equal(typeof cancelled.reason, 'string');

    const ok = await roundTrip(byId('jan-de-vries').id, 'verified');
    const verified = theRecord(ok, 'eherkenning_verified', 'info', { created: true });
    assert.match(String(verified.assurance), /loa3|EH3/iu, 'the level proved');
    const session = await client.get('/session');
    const membership = session.body.memberships![0]!;
    theRecord(ok, 'administrator_granted', 'info', {
      organisation: membership.organisation.id,
      membership: membership.id,
    });
  });

  function start(client: Client) {
    return client.post('/eherkenning/start', {
      supplierId: SIMULATED_SUPPLIERS[0]!.id,
      returnTo: 'http://localhost:5173/aanmelden',
    });
  }
});
