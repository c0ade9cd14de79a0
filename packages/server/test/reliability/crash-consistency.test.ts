// SECURITY.md F5: a crash anywhere loses no account and leaves no half-finished state. The real CLI runs as a
// child process and SIGKILLs itself at each injection point (src/testing/fault-points.ts); after a restart on
// the same data every flow continues, and the invariants hold. PGlite keeps its default full durability.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  SIMULATED_IDENTITIES,
  SIMULATED_SUPPLIERS,
  signInAtSimulator,
  startSimulator,
  type RunningSimulator,
} from '@wij-techniek/eherkenning-sim';
import { RIGHTS } from '@wij-techniek/onboarding-contract';
import { Client, randomIp } from '../helpers/client.ts';
import { DATABASE_URL, GOOD_PASSWORD, PG_SKIP, uniqueEmail, type Backend } from '../helpers/harness.ts';
import { SmtpSink } from '../helpers/smtp-sink.ts';
import { faultPointMarker, type FaultPointName } from '../../src/testing/fault-points.ts';
import { ChildServer, childEnv, waitFor } from './helpers/child-server.ts';
import { brokenInvariants } from './helpers/invariants.ts';
import { childStorage, type ChildStorage } from './helpers/storage.ts';

const PUBLIC_URL = 'http://localhost:8787';
const CALLBACK = `${PUBLIC_URL}/api/v1/eherkenning/callback`;
const BROKER_CLIENT = { clientId: 'wt-crash', clientSecret: 'crash-secret-0123456789abcdef' };
const EH3 = SIMULATED_IDENTITIES.find((identity) => identity.level === 'EH3')!;

/** The same client (cookie, address) talking to another server process. */
function reconnect(client: Client, url: string): Client {
  const moved = new Client(url, client.ip);
  moved.cookie = client.cookie;
  return moved;
}

/** Sends a request that the server dies during; asserts that no answer came. */
async function diesDuring(server: ChildServer, point: FaultPointName, request: () => Promise<unknown>) {
  await assert.rejects(request, 'the killed server sent no answer');
  const exit = await server.exited;
  assert.equal(exit.signal, 'SIGKILL', `the server died by SIGKILL (got ${exit.code ?? exit.signal})`);
  assert.ok(server.stderr.includes(faultPointMarker(point)), `the fault point ${point} was reached`);
}

function crashSuite(backend: Backend) {
  let smtp: SmtpSink;
  let sim: RunningSimulator;
  let storage: ChildStorage;
  let server: ChildServer | undefined;

  const start = async (faultPoint?: FaultPointName, extra: Record<string, string> = {}) => {
    server = await ChildServer.start({
      env: childEnv(storage, smtp.url, {
        PUBLIC_URL,
        EHERKENNING_ISSUER: sim.issuer,
        EHERKENNING_CLIENT_ID: BROKER_CLIENT.clientId,
        EHERKENNING_CLIENT_SECRET: BROKER_CLIENT.clientSecret,
        WT_TEST_SCRYPT_LN: '10',
        WT_TEST_OUTBOX: JSON.stringify({ pollMilliseconds: 100 }),
        ...extra,
      }),
      ...(faultPoint ? { faultPoint } : {}),
    });
    return server;
  };

  before(async () => {
    smtp = await new SmtpSink().start();
    sim = await startSimulator({ port: 0, clients: [{ ...BROKER_CLIENT, redirectUris: [CALLBACK] }], env: {} });
    storage = await childStorage(backend);
  });
  after(async () => {
    await server?.kill('SIGKILL');
    await smtp.stop();
    await sim.close();
    await storage.remove();
  });

  // Two people: Anna changes her address and the server dies after her new code is committed but before its mail
  // left (point 1); Bram's account insert dies before commit (point 2), then his eHerkenning callback dies after
  // the token exchange (point 3) and, on the retry, after the binding committed (point 4). Each step restarts the
  // same data directory (or schema) with the next point armed: six starts in all.
  const anna = { ip: randomIp(), first: uniqueEmail('anna'), second: uniqueEmail('anna-new') };
  const bram = { ip: randomIp(), email: uniqueEmail('bram') };
  let annaClient: Client;
  let bramClient: Client;

  it('(2) killed between the account insert and its credential, before commit: no account is left', async () => {
    const first = await start('account-inserted');
    annaClient = new Client(first.url, anna.ip);
    assert.equal((await annaClient.post('/signup/email', { email: anna.first })).status, 202);
    bramClient = new Client(first.url, bram.ip);
    assert.equal((await bramClient.post('/signup/email', { email: bram.email })).status, 202);
    // Anna's too: a worker still sending hers when the fault point kills the process would leave it claimed
    // ('sending') until the claim lapses, minutes after this suite has ended.
    await waitFor(() => smtp.to(bram.email).length === 1 && smtp.to(anna.first).length === 1, 'both code mails');
    assert.equal((await bramClient.post('/signup/code', { code: smtp.codeFor(bram.email) })).status, 200);
    await diesDuring(first, 'account-inserted', () =>
      bramClient.post('/signup/account', { password: GOOD_PASSWORD, firstName: 'Bram', lastName: 'Bakker' }),
    );
  });

  it('(1) killed after the code row committed and before its mail was sent', async () => {
    // The worker is off in this process, so the mail certainly has not left when the process dies.
    const second = await start('code-committed', { WT_TEST_MAIL_WORKER: 'off' });
    annaClient = reconnect(annaClient, second.url);
    await diesDuring(second, 'code-committed', () => annaClient.post('/signup/email', { email: anna.second }));
    assert.equal(smtp.to(anna.second).length, 0, 'no mail left before the crash');
  });

  it('after a restart, the queued code mail is delivered once and Anna continues with it', async () => {
    const third = await start('eherkenning-token-exchanged');
    annaClient = reconnect(annaClient, third.url);
    await waitFor(() => smtp.to(anna.second).length >= 1, 'the queued mail to the new address');
    const session = await annaClient.get('/session');
    assert.equal(session.body.step, 'code', 'the session still points at the committed flow');
    assert.equal(session.body.flow?.email, anna.second);
    assert.equal((await annaClient.post('/signup/code', { code: smtp.codeFor(anna.second) })).status, 200);
    const created = await annaClient.post('/signup/account', {
      password: GOOD_PASSWORD,
      firstName: 'Anna',
      lastName: 'Visser',
    });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.account?.email, anna.second);
    assert.equal(smtp.to(anna.second).length, 1, 'exactly one mail to the new address');
  });

  it('after a restart, Bram finishes with the same session: one account, with its credential', async () => {
    bramClient = reconnect(bramClient, server!.url);
    const session = await bramClient.get('/session');
    assert.equal(session.body.step, 'details', 'the verified flow survived; the account did not');
    assert.equal(session.body.account, null);
    const created = await bramClient.post('/signup/account', {
      password: GOOD_PASSWORD,
      firstName: 'Bram',
      lastName: 'Bakker',
    });
    assert.equal(created.status, 201, created.text);
    const login = await new Client(server!.url).post('/login', { email: bram.email, password: GOOD_PASSWORD });
    assert.equal(login.status, 200, 'the password works: the credential was written with the account');
  });

  /** Start → simulator login → the broker's callback delivered on Bram's session. */
  async function eherkenningRoundTrip(target: ChildServer) {
    const started = await bramClient.post('/eherkenning/start', {
      supplierId: SIMULATED_SUPPLIERS[0]!.id,
      returnTo: 'http://localhost:5173/aanmelden',
    });
    assert.equal(started.status, 200, started.text);
    const callback = await signInAtSimulator(String(started.body.redirectUrl), CALLBACK, EH3.id);
    return bramClient.get(`${target.url}${callback.pathname}${callback.search}`);
  }

  it('(3) killed after the token exchange, before the binding is written', async () => {
    await diesDuring(server!, 'eherkenning-token-exchanged', () => eherkenningRoundTrip(server!));
  });

  it('(4) after a restart nothing was bound; the retry is killed after the binding committed, before the answer', async () => {
    const fifth = await start('eherkenning-binding-written');
    bramClient = reconnect(bramClient, fifth.url);
    const session = await bramClient.get('/session');
    assert.equal(session.body.step, 'supplier', 'still signed in, not verified: the exchange alone bound nothing');
    assert.equal(session.body.account?.verified, false);
    assert.deepEqual(session.body.memberships, []);
    await diesDuring(fifth, 'eherkenning-binding-written', () => eherkenningRoundTrip(fifth));
  });

  it('after a restart, Bram signs in again and is the verified administrator: the committed binding survived', async () => {
    const sixth = await start();
    bramClient = reconnect(bramClient, sixth.url);
    const stale = await bramClient.get('/session');
    assert.equal(stale.body.account, null, 'the session id rotated in the committed transaction; the old one is dead');
    const login = await bramClient.post('/login', { email: bram.email, password: GOOD_PASSWORD });
    assert.equal(login.status, 200, login.text);
    assert.equal(login.body.step, 'verified');
    assert.equal(login.body.account?.verified, true);
    assert.equal(login.body.memberships?.length, 1);
    assert.equal(login.body.memberships?.[0]?.organisation.kvkNumber, EH3.company.kvkNumber);
    assert.deepEqual(login.body.memberships?.[0]?.rights, [...RIGHTS]);
    await sixth.kill('SIGTERM');
  });

  it('the invariants hold: no account without a credential, no organisation link without an account, no consumed code without its state change', async () => {
    const db = await storage.open();
    try {
      assert.deepEqual(await brokenInvariants(db), {});
      const { rows } = await db.query<{ email: string }>('SELECT email FROM accounts ORDER BY email');
      assert.deepEqual(rows.map((row) => row.email).sort(), [anna.second, bram.email].sort());
      const links = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM memberships');
      assert.equal(links.rows[0]!.n, 1, 'exactly one organisation link: the crash did not double it');
      // A kill can fall between the SMTP server taking a mail and the worker marking it sent; such a row stays
      // 'sending' until its claim lapses and is then sent once more (at least once, F6). It was delivered all the
      // same: what must never happen is a mail that nobody received, or one given up.
      const unsent = await db.query<{ to_address: string; subject: string | null; status: string }>(
        "SELECT to_address, subject, status FROM outbox WHERE status <> 'sent'",
      );
      for (const row of unsent.rows) {
        assert.notEqual(row.status, 'abandoned', `a mail to ${row.to_address} was given up`);
        const received = smtp.to(row.to_address).filter((mail) => row.subject === null || mail.subject === row.subject);
        assert.ok(received.length > 0, `every queued mail was delivered: none to ${row.to_address} (${row.status})`);
      }
    } finally {
      await db.close();
    }
  });
}

describe('F5 crash consistency of the real server process on PGlite', () => crashSuite('pglite'));
describe(
  'F5 crash consistency of the real server process on PostgreSQL',
  { skip: DATABASE_URL ? false : PG_SKIP },
  () => crashSuite('postgres'),
);
