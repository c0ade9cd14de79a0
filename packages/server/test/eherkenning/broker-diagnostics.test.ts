import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import {
  SIMULATED_IDENTITIES,
  SIMULATED_SUPPLIERS,
  signInAtSimulator,
  startSimulator,
  type RunningSimulator,
} from '@wij-techniek/eherkenning-sim';
import type { Client } from '../helpers/client.ts';
import { eachBackend, signUp, startStack, uniqueEmail, type Backend, type TestStack } from '../helpers/harness.ts';

// An operator who set something up wrong must be able to tell what from the log alone (SECURITY.md L2), and the
// log must never hold the client secret (L1).

const CALLBACK = 'http://localhost:8787/api/v1/eherkenning/callback';
const RETURN_TO = 'http://localhost:5173/aanmelden';
const CLIENT = { clientId: 'wt-diagnostics', clientSecret: 'right-secret-canary-5f1e8c2a9d' };
const WRONG_SECRET = 'wrong-secret-canary-7c3b0e4f12';
const SUPPLIER = SIMULATED_SUPPLIERS[2]!.id;
const EH3 = SIMULATED_IDENTITIES.find((identity) => identity.level === 'EH3')!;

type LogRecord = Record<string, unknown> & { event: string };

/** A port on 127.0.0.1 where nothing listens: connections are refused, as with a broker that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A supplier list that can be switched off and on (off: nothing listens on its port). */
class SupplierListServer {
  #server: Server | undefined;
  port = 0;
  get url(): string {
    return `http://127.0.0.1:${this.port}/suppliers`;
  }
  async up(): Promise<void> {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(SIMULATED_SUPPLIERS.map(({ id, name }) => ({ id, name }))));
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.#server = server;
  }
  async down(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    server?.closeAllConnections();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

eachBackend('eHerkenning set-up mistakes in the log', (backend: Backend) => {
  let sim: RunningSimulator;
  let base: TestStack;
  let account: Client;
  const stacks: TestStack[] = [];

  before(async () => {
    sim = await startSimulator({ port: 0, clients: [{ ...CLIENT, redirectUris: [CALLBACK] }], env: {} });
    base = await startStack(backend);
    account = base.client();
    await signUp(base, account, { email: uniqueEmail('diagnostics') });
  });
  after(async () => {
    for (const stack of stacks) await stack.close();
    await base.close();
    await sim.close();
  });

  /** A server instance on the shared database with these eHerkenning settings. */
  async function instance(env: Record<string, string>): Promise<TestStack> {
    const stack = await startStack(backend, {
      env: { EHERKENNING_CLIENT_ID: CLIENT.clientId, ...env },
      database: base.server.context.db,
      smtp: base.smtp,
      ...(base.schema ? { schema: base.schema } : {}),
    });
    stacks.push(stack);
    return stack;
  }

  /** The signed-in account, on `stack`. */
  function signedIn(stack: TestStack): Client {
    const client = stack.client(account.ip);
    client.cookie = account.cookie;
    return client;
  }

  /** The records `stack` logged while `action` ran. */
  async function logged(stack: TestStack, action: () => Promise<void>): Promise<LogRecord[]> {
    const from = stack.logs.length;
    await action();
    return stack.logs.slice(from).map((line) => JSON.parse(line) as LogRecord);
  }

  function start(client: Client) {
    return client.post('/eherkenning/start', { supplierId: SUPPLIER, returnTo: RETURN_TO });
  }

  it('a wrong client secret: the callback logs client_authentication_failed and what to check', async () => {
    const stack = await instance({ EHERKENNING_ISSUER: sim.issuer, EHERKENNING_CLIENT_SECRET: WRONG_SECRET });
    const client = signedIn(stack);
    const records = await logged(stack, async () => {
      const started = await start(client);
      assert.equal(started.status, 200, started.text);
      const callback = await signInAtSimulator(String(started.body.redirectUrl), CALLBACK, EH3.id);
      const answer = await client.get(`${stack.url}${callback.pathname}${callback.search}`);
      assert.equal(new URL(answer.headers.get('location')!).searchParams.get('wt-eherkenning'), 'failed');
    });
    const failures = records.filter((record) => record.event === 'eherkenning_failed');
    assert.equal(failures.length, 1);
    const [failure] = failures;
    assert.equal(failure!.stage, 'callback');
    assert.equal(failure!.code, 'failed');
    assert.equal(failure!.reason, 'client_authentication_failed');
    assert.match(String(failure!.detail), new RegExp(`^POST ${sim.issuer}/token: HTTP 401\\b`));
    assert.match(String(failure!.detail), /invalid_client/);
    assert.match(String(failure!.detail), /EHERKENNING_CLIENT_ID and EHERKENNING_CLIENT_SECRET/);
  });

  it('a wrong issuer: the start logs the issuer the broker names and the one configured', async () => {
    // The same broker under another name: discovery answers, but its document names http://localhost:….
    const configured = sim.url.replace('localhost', '127.0.0.1');
    assert.notEqual(configured, sim.issuer);
    const stack = await instance({
      EHERKENNING_ISSUER: configured,
      EHERKENNING_SUPPLIERS_URL: sim.suppliersUrl,
      EHERKENNING_CLIENT_SECRET: CLIENT.clientSecret,
    });
    const records = await logged(stack, async () => {
      const started = await start(signedIn(stack));
      assert.equal(started.status, 502);
      assert.equal(started.body.code, 'eherkenning_failed');
    });
    const failures = records.filter((record) => record.event === 'eherkenning_failed');
    assert.equal(failures.length, 1);
    assert.equal(failures[0]!.stage, 'start');
    assert.equal(failures[0]!.reason, 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED');
    const detail = String(failures[0]!.detail);
    assert.ok(detail.startsWith(`GET ${configured}/.well-known/openid-configuration: `), detail);
    assert.ok(detail.includes(`"${sim.issuer}"`), `names the broker's issuer: ${detail}`);
    assert.ok(detail.includes(`"${configured}/"`), `names the configured issuer: ${detail}`);
    assert.match(detail, /set EHERKENNING_ISSUER/);
  });

  it('the broker down: one record per failure, naming the URL and the connection error', async () => {
    const issuer = `http://127.0.0.1:${await closedPort()}`;
    const list = new SupplierListServer();
    list.port = await closedPort();
    const stack = await instance({
      EHERKENNING_ISSUER: issuer,
      EHERKENNING_SUPPLIERS_URL: list.url,
      EHERKENNING_CLIENT_SECRET: CLIENT.clientSecret,
    });
    const client = signedIn(stack);

    // The supplier list cannot be read: GET /config still answers, and says why once.
    const config = await logged(stack, async () => {
      const answer = await client.get('/config');
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body.suppliers, []);
    });
    const aboutSuppliers = config.filter((record) => record.event.includes('supplier'));
    assert.equal(aboutSuppliers.length, 1, `one record, not two: ${JSON.stringify(aboutSuppliers)}`);
    assert.match(String(aboutSuppliers[0]!.error), new RegExp(`GET ${list.url}: connect ECONNREFUSED`));

    const fromStart = await logged(stack, async () => {
      const answer = await start(client);
      assert.equal(answer.status, 503);
      assert.equal(answer.body.code, 'broker_unavailable');
    });
    const startFailures = fromStart.filter((record) => /eherkenning|supplier/.test(record.event));
    assert.deepEqual(
      startFailures.map((record) => [record.event, record.reason]),
      [['eherkenning_failed', 'suppliers_unreachable']],
    );
    assert.match(String(startFailures[0]!.detail), new RegExp(`^GET ${list.url}: connect ECONNREFUSED`));

    // The list is back, the broker's discovery is not: the record names the discovery URL.
    await list.up();
    try {
      const fromDiscovery = await logged(stack, async () => {
        const answer = await start(client);
        assert.equal(answer.status, 503);
        assert.equal(answer.body.code, 'broker_unavailable');
      });
      const failures = fromDiscovery.filter((record) => record.event === 'eherkenning_failed');
      assert.equal(failures.length, 1);
      assert.equal(failures[0]!.reason, 'unreachable');
      assert.match(
        String(failures[0]!.detail),
        new RegExp(`^GET ${issuer}/\\.well-known/openid-configuration: connect ECONNREFUSED`),
      );
    } finally {
      await list.down();
    }
  });

  it('L1: no log line of any instance holds the client secret, right or wrong, in any form', () => {
    const lines = [base, ...stacks].flatMap((stack) => stack.logs);
    assert.ok(lines.length > 0);
    for (const secret of [CLIENT.clientSecret, WRONG_SECRET]) {
      const forms = [
        secret,
        encodeURIComponent(secret),
        Buffer.from(`${CLIENT.clientId}:${secret}`).toString('base64'),
        Buffer.from(secret).toString('base64'),
      ];
      for (const line of lines) {
        for (const form of forms) assert.ok(!line.includes(form), `a log line holds the secret: ${line}`);
      }
    }
  });
});
