// The outbox worker is woken by the request that queued a mail, but what it then sends is not that request's work
// (the batch may hold other people's mails): its records must not carry the request's `requestId`, or a search for
// one person's request id turns up mails of others and an operator follows the wrong request. The request's own
// records keep their id. Determinism: the request is held open until the worker it woke has logged its mail (the
// transport says when it is handed the mail, `outbox.drain()` waits for that batch), so the record is written while
// the request's log scope is still open; nothing waits on time.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database, MailTransport, OutgoingMail, RouteModule } from '../../src/index.ts';
import { createLogger, withLogScope } from '../../src/logger.ts';
import { mailboxTransport } from '../../src/mail/transport.ts';
import { OutboxWorker, type PollTimer } from '../../src/mail/worker.ts';
import { TestClock } from '../helpers/clock.ts';
import { eachBackend, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';

type LogRecord = Record<string, unknown> & { event: string };

/** A mail server that accepts at once and tells whoever waits for the next mail. */
class SignallingTransport implements MailTransport {
  readonly kind = 'smtp';
  #waiting: ((to: string) => void)[] = [];
  send(mail: OutgoingMail): Promise<void> {
    for (const resolve of this.#waiting.splice(0)) resolve(mail.to);
    return Promise.resolve();
  }
  /** Resolves with the address of the next mail handed over. */
  next(): Promise<string> {
    return new Promise((resolve) => this.#waiting.push(resolve));
  }
  close(): void {}
}

eachBackend('L2 outbox worker records outside the request that woke it', (backend) => {
  let stack: TestStack;
  const transport = new SignallingTransport();
  // A request that queues a mail the way every route does (ctx.enqueueMail wakes the worker) and stays open until
  // the worker it woke has sent that mail and logged it.
  const queueing: RouteModule = {
    name: 'test-queue-and-wait',
    register(api, ctx) {
      api.post('/test/queue-and-wait', async (c) => {
        const to = uniqueEmail('woken');
        const handedOver = transport.next();
        const id = await ctx.enqueueMail(ctx.db, {
          to,
          template: 'account-exists',
          lang: 'nl',
          data: { signInUrl: 'https://www.wij-techniek.nl/account' },
        });
        ctx.logger.info('test_mail_queued', { mail: id });
        assert.equal(await handedOver, to, 'the worker this request woke sends the mail');
        await stack.server.outbox.drain();
        ctx.logger.info('test_request_done', { mail: id });
        return c.json({ mail: id });
      });
    },
  };

  before(async () => {
    stack = await startStack(backend, {
      routes: [queueing],
      mailTransport: transport,
      mailWorker: true,
      // No poll of its own during the test: only the request's wake-up sends the mail.
      outbox: { pollMilliseconds: 3_600_000 },
    });
    // The first poll, which start() set for 0 ms, has run (timers of equal length run in the order they were set)
    // and finished (drain() waits for it): the wake-up below finds the worker idle.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await stack.server.outbox.drain();
  });
  after(async () => {
    await stack?.close();
  });

  it('L2: the mail_sent record of a mail sent by the worker a request woke has no requestId; the request keeps its own', async () => {
    const requestId = `woke-worker-${Date.now()}`;
    const answer = await stack.client().post('/test/queue-and-wait', {}, { 'x-request-id': requestId });
    assert.equal(answer.status, 200, answer.text);
    const mail = answer.body.mail as string;

    const records = stack.logs.map((line) => JSON.parse(line) as LogRecord);
    const sent = records.filter((record) => record.event === 'mail_sent' && record.mail === mail);
    assert.equal(sent.length, 1);
    const position = (event: string) => records.findIndex((record) => record.event === event && record.mail === mail);
    assert.ok(
      position('test_mail_queued') < position('mail_sent') && position('mail_sent') < position('test_request_done'),
      'the worker logged while the request was still being served',
    );
    assert.equal(sent[0]!.requestId, undefined, 'not the id of the request that woke the worker');
    assert.ok(!Object.keys(sent[0]!).some((key) => key.endsWith('requestId')));
    assert.deepEqual(
      records.filter((record) => record.requestId === requestId).map((record) => record.event),
      ['test_mail_queued', 'test_request_done', 'http_request'],
      "the request's own records keep its id",
    );
  });
});

/** A poll timer run by hand; {@link poll} runs the waiting poll and resolves once the worker has set the next. */
class ManualTimer implements PollTimer {
  #pending: (() => void) | undefined;
  #onSet: (() => void) | undefined;
  set(callback: () => void): unknown {
    this.#pending = callback;
    this.#onSet?.();
    return callback;
  }
  clear(handle: unknown): void {
    if (this.#pending === handle) this.#pending = undefined;
  }
  async poll(): Promise<void> {
    const pending = this.#pending;
    assert.ok(pending, 'a poll is waiting');
    this.#pending = undefined;
    const next = new Promise<void>((resolve) => (this.#onSet = resolve));
    pending();
    await next;
  }
}

describe('L2 outbox worker polls outside the request that woke it', () => {
  it('L2: outbox_failed of a poll a request woke (the database away) has no requestId', async () => {
    const clock = new TestClock();
    const records: LogRecord[] = [];
    const logger = createLogger({ clock: clock.now, write: (line) => records.push(JSON.parse(line) as LogRecord) });
    const away = {
      kind: 'postgres',
      query: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')),
    } as unknown as Database;
    const timer = new ManualTimer();
    const worker = new OutboxWorker({ db: away, transport: mailboxTransport(), clock: clock.now, logger, timer });
    worker.start();
    // The request queues a mail and wakes the worker; its poll runs while the request is still being served (a real
    // timer set here would run in the request's async context, as this hand-run one does).
    await withLogScope({ requestId: 'queued-a-mail' }, async () => {
      worker.kick();
      await timer.poll();
      logger.info('request_done');
    });
    await worker.stop();
    assert.deepEqual(
      records.map((record) => [record.event, record.requestId]),
      [
        ['outbox_failed', undefined],
        ['request_done', 'queued-a-mail'],
      ],
    );
  });
});
