// SIGTERM behind a load balancer (docs/operators.md "Stopping and rolling deploys"): the balancer keeps sending
// requests for a few seconds after the signal, so the real command first fails its readiness check and keeps
// serving for SHUTDOWN_DRAIN, and only then refuses connections and lets the requests in flight finish (SECURITY.md
// F7: no request fails because of our own restart). The request in flight is one whose body the test holds back,
// and the long drain is ended by a second signal, so nothing here depends on how fast the machine is.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { Client, randomIp } from '../helpers/client.ts';
import { DATABASE_URL } from '../helpers/harness.ts';
import { SmtpSink } from '../helpers/smtp-sink.ts';
import { ChildServer, childEnv, waitFor } from './helpers/child-server.ts';
import { heldPost } from './helpers/held-request.ts';
import { childStorage, type ChildStorage } from './helpers/storage.ts';

/** The log records of `event` among `logs` (JSON lines; anything else is skipped). */
function events(logs: readonly string[], event: string): Record<string, unknown>[] {
  return logs
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((record) => record.event === event);
}

/** The `shutdown_*` records in the order they were written, each as its event and fields (without `time`). */
function shutdownRecords(logs: readonly string[]): Record<string, unknown>[] {
  return logs
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((record) => String(record.event).startsWith('shutdown_'))
    .map(({ time: _time, ...rest }) => rest);
}

/** Resolves with the socket error's code when a new connection to `url` fails, and rejects when it is answered. */
async function refusedCode(url: string): Promise<string> {
  try {
    const answer = await fetch(`${url}/healthz`);
    throw new Error(`answered ${answer.status}, expected the connection to be refused`);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (!cause?.code) throw error;
    return cause.code;
  }
}

describe(`SIGTERM on the command with SHUTDOWN_DRAIN, on ${DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let smtp: SmtpSink;
  let storage: ChildStorage;
  let server: ChildServer | undefined;

  /** The command's environment: this file's storage and SMTP sink, and `settings`. */
  const env = (settings: Record<string, string>) =>
    childEnv(storage, smtp.url, { WT_TEST_OUTBOX: JSON.stringify({ pollMilliseconds: 100 }), ...settings });

  before(async () => {
    smtp = await new SmtpSink().start();
    storage = await childStorage(DATABASE_URL ? 'postgres' : 'pglite');
  });
  afterEach(async () => {
    await server?.kill('SIGKILL');
    server = undefined;
  });
  after(async () => {
    await smtp.stop();
    await storage.remove();
  });

  it('F7: /readyz fails at once and new requests are served through the drain; a second signal ends it, then connections are refused and the request in flight gets its answer', async () => {
    // A drain far longer than the test: only the second signal can end it.
    server = await ChildServer.start({ env: env({ SHUTDOWN_DRAIN: '10m', SHUTDOWN_GRACE: '1m' }) });
    const url = server.url;
    assert.equal((await fetch(`${url}/readyz`)).status, 200, 'ready before the signal');
    const inFlight = await heldPost(url, '/api/v1/signup/email', { email: 'in-flight@example.test' }, randomIp());

    server.process.kill('SIGTERM');
    await waitFor(() => events(server!.logs, 'shutdown_started').length === 1, 'the shutdown to begin');

    const ready = await fetch(`${url}/readyz`);
    assert.equal(ready.status, 503, 'the balancer is told at once to send no more');
    assert.deepEqual(await ready.json(), { status: 'stopping' });
    assert.equal((await fetch(`${url}/healthz`)).status, 200, 'alive: an orchestrator must not restart it');
    const email = 'during-drain@example.test';
    const during = await new Client(url, randomIp()).post('/signup/email', { email });
    assert.equal(during.status, 202, 'a request the balancer still sends is served, not refused');
    assert.equal(during.headers.get('connection'), 'close', 'its client opens the next request elsewhere');
    await waitFor(() => smtp.to(email).length === 1, 'the code mail of the sign-up started during the drain');
    assert.match(smtp.codeFor(email), /\S/);
    assert.equal(server.process.exitCode, null, 'still running: the drain lasts until the second signal');

    server.process.kill('SIGINT');
    await waitFor(() => events(server!.logs, 'shutdown_accepting_stopped').length === 1, 'accepting to stop');
    assert.equal(await refusedCode(url), 'ECONNREFUSED', 'after the drain a new connection is refused');

    const answer = await inFlight.finish();
    assert.equal(answer.status, 202, answer.body);
    assert.equal(answer.headers.connection, 'close');
    assert.deepEqual(await server.exited, { code: 0, signal: null });
    assert.deepEqual(shutdownRecords(server.logs), [
      { level: 'info', event: 'shutdown_started', drainSeconds: 600, graceSeconds: 60 },
      { level: 'info', event: 'shutdown_accepting_stopped', drain: 'ended_early', inFlight: 1 },
      { level: 'info', event: 'shutdown_complete' },
    ]);
    assert.doesNotMatch(server.logs.join('\n'), /database_unavailable|"level":"error"/);
  });

  it('the drain ends by itself after SHUTDOWN_DRAIN; a signal after it ends the process at once', async () => {
    server = await ChildServer.start({ env: env({ SHUTDOWN_DRAIN: '2s', SHUTDOWN_GRACE: '1m' }) });
    const url = server.url;
    // Its headers are read long before the drain is over (inFlight: 1 below says so).
    const inFlight = await heldPost(url, '/api/v1/signup/email', { email: 'held@example.test' }, randomIp());

    server.process.kill('SIGTERM');
    await waitFor(() => events(server!.logs, 'shutdown_accepting_stopped').length === 1, 'the drain to end');
    assert.equal(await refusedCode(url), 'ECONNREFUSED');
    assert.equal(server.process.exitCode, null, 'waiting for the request in flight');

    server.process.kill('SIGTERM');
    assert.deepEqual(await server.exited, { code: null, signal: 'SIGTERM' });
    await assert.rejects(inFlight.finish(), 'the request in flight was cut with the process');
    assert.deepEqual(
      shutdownRecords(server.logs).map(({ event, drain, inFlight: count }) => ({ event, drain, inFlight: count })),
      [
        { event: 'shutdown_started', drain: undefined, inFlight: undefined },
        { event: 'shutdown_accepting_stopped', drain: 'elapsed', inFlight: 1 },
      ],
    );
  });
});
