// Two workers and one mail (SECURITY.md F6: at least once; C6: content erased once sent or abandoned). Worker A
// claims a mail and its SMTP server holds it past the claim; worker B (another instance on the same database) takes
// the lapsed claim over. Whatever A's send then ends in, the row is B's: A must not mark it sent, requeue it or
// abandon it, and says so in a `mail_claim_lost` record instead. Each step is driven by hand — a transport that holds
// every send until the test answers it, and the injected clock to let a claim lapse — never by waiting.
import assert from 'node:assert/strict';
import { after, before, beforeEach, it } from 'node:test';
import { createLogger } from '../../src/logger.ts';
import { enqueueMail } from '../../src/mail/outbox.ts';
import type { MailTransport, OutgoingMail } from '../../src/mail/transport.ts';
import { OutboxWorker, type OutboxSettings } from '../../src/mail/worker.ts';
import type { Database } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { TestClock } from '../helpers/clock.ts';
import { eachBackend, openTestDatabase, uniqueEmail } from '../helpers/harness.ts';

/** A send the SMTP server has not answered yet. */
interface HeldSend {
  readonly mail: OutgoingMail;
  accept(): void;
  refuse(reply: string): void;
}

/** An SMTP server that answers each mail only when the test says so. */
class HoldingTransport implements MailTransport {
  readonly kind = 'smtp';
  readonly #arrived: HeldSend[] = [];
  readonly #waiting: ((held: HeldSend) => void)[] = [];

  send(mail: OutgoingMail): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const held: HeldSend = { mail, accept: () => resolve(), refuse: (reply) => reject(new Error(reply)) };
      const waiter = this.#waiting.shift();
      if (waiter) waiter(held);
      else this.#arrived.push(held);
    });
  }

  /** The next mail handed to this server, once it is. */
  next(): Promise<HeldSend> {
    const held = this.#arrived.shift();
    return held ? Promise.resolve(held) : new Promise((resolve) => this.#waiting.push(resolve));
  }

  close(): void {}
}

/** An SMTP server that accepts at once and counts. */
class CountingTransport implements MailTransport {
  readonly kind = 'smtp';
  readonly sent: string[] = [];
  send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail.to);
    return Promise.resolve();
  }
  close(): void {}
}

type LogRecord = Record<string, unknown> & { event: string };

/** Settings of both workers: a claim of 120 s, a first retry after 30 s. */
const SETTINGS: Partial<OutboxSettings> = { claimSeconds: 120, backoffSeconds: 30, maxAttempts: 8 };

eachBackend('F6 a lapsed claim taken over by another worker', (backend) => {
  let db: Database;
  let close: () => Promise<void>;
  const clock = new TestClock();

  before(async () => {
    ({ db, close } = await openTestDatabase(backend));
    await migrate(db);
  });
  after(async () => {
    await close?.();
  });
  // Each test starts from an empty outbox: a mail one test left behind must not be the one the next claims.
  beforeEach(async () => {
    await db.query('DELETE FROM outbox');
  });

  /** A worker on the shared database and clock, with its own mail server and log. */
  function worker<T extends MailTransport>(transport: T, settings: Partial<OutboxSettings> = {}) {
    const logs: LogRecord[] = [];
    const outbox = new OutboxWorker({
      db,
      transport,
      clock: clock.now,
      logger: createLogger({ clock: clock.now, write: (line) => logs.push(JSON.parse(line) as LogRecord) }),
      settings: { ...SETTINGS, ...settings },
    });
    return { outbox, transport, logs, events: (event: string) => logs.filter((record) => record.event === event) };
  }

  /** Queues a code mail to a new address; answers its row id and address. */
  async function queueMail(): Promise<{ id: string; to: string }> {
    const to = uniqueEmail('claims');
    const id = await enqueueMail(
      db,
      { to, template: 'verification-code', lang: 'nl', data: { code: '424242', minutes: 10 } },
      clock.now,
    );
    return { id, to };
  }

  async function rowOf(id: string) {
    const { rows } = await db.query<{
      status: string;
      attempts: number;
      sent_at: Date | null;
      finished_at: Date | null;
      last_error: string | null;
      text_body: string | null;
    }>('SELECT status, attempts, sent_at, finished_at, last_error, text_body FROM outbox WHERE id = $1', [id]);
    return rows[0]!;
  }

  /**
   * A claims the mail and its server holds it; the claim lapses; B claims it (attempt 2) and its server holds it
   * too. Answers both drains in progress and both held sends.
   */
  async function takenOver(settings: Partial<OutboxSettings> = {}) {
    const a = worker(new HoldingTransport(), settings);
    const b = worker(new HoldingTransport(), settings);
    const mail = await queueMail();
    const drainA = a.outbox.drain();
    const heldA = await a.transport.next();
    assert.equal(heldA.mail.to, mail.to);
    clock.advance(121);
    const drainB = b.outbox.drain();
    const heldB = await b.transport.next();
    assert.equal(heldB.mail.to, mail.to, 'B took the lapsed claim over');
    assert.equal((await rowOf(mail.id)).attempts, 2);
    return { a, b, mail, drainA, drainB, heldA, heldB };
  }

  it('F6/C6: a mail abandoned after its last try stays abandoned when the first, late worker then gets it accepted', async () => {
    const { a, b, mail, drainA, drainB, heldA, heldB } = await takenOver({ maxAttempts: 2 });
    heldB.refuse('451 4.3.0 try again later');
    await drainB;
    const abandoned = await rowOf(mail.id);
    assert.equal(abandoned.status, 'abandoned', 'B gave up after the last try');
    assert.equal(b.events('mail_abandoned').length, 1);

    heldA.accept();
    await drainA;
    const row = await rowOf(mail.id);
    assert.deepEqual(
      [row.status, row.attempts, row.sent_at, row.finished_at, row.text_body],
      ['abandoned', 2, null, abandoned.finished_at, null],
      'not turned into a sent mail by a worker whose claim had lapsed',
    );
    assert.match(row.last_error!, /451/, "B's reason stays for the operator");
    assert.deepEqual(a.events('mail_sent'), []);
    const [lost] = a.events('mail_claim_lost');
    assert.ok(lost, 'A says so');
    assert.equal(lost.level, 'warn');
    assert.deepEqual(
      [lost.mail, lost.template, lost.attempts, lost.outcome, lost.rowStatus, lost.rowAttempts],
      [mail.id, 'verification-code', 1, 'sent', 'abandoned', 2],
    );
    assert.ok(!JSON.stringify(lost).includes(mail.to), 'no address in the log');
  });

  it('F6: a failure of the first, late worker does not requeue the mail the second worker is sending (no third copy)', async () => {
    const { a, b, mail, drainA, drainB, heldA, heldB } = await takenOver();
    heldA.refuse('421 4.4.2 connection timed out');
    await drainA;
    assert.deepEqual(a.events('mail_failed'), [], 'A does not report a retry that is not its to plan');
    assert.deepEqual(
      a.events('mail_claim_lost').map((record) => [record.outcome, record.rowStatus, record.rowAttempts]),
      [['failed', 'sending', 2]],
    );

    // A third instance polls once A's retry would have been due, while B's send is still under way.
    clock.advance(31);
    const third = worker(new CountingTransport());
    await third.outbox.drain();
    assert.deepEqual(third.transport.sent, [], 'nobody sends it a third time while B holds it');

    heldB.accept();
    await drainB;
    const row = await rowOf(mail.id);
    assert.deepEqual([row.status, row.attempts, row.last_error], ['sent', 2, null]);
    assert.equal(b.events('mail_sent').length, 1);
  });

  it('F6/C6: the first worker failing its last try does not abandon (and erase) the mail the second worker then delivers', async () => {
    const { a, b, mail, drainA, drainB, heldA, heldB } = await takenOver({ maxAttempts: 1 });
    heldA.refuse('554 5.7.1 refused');
    await drainA;
    assert.deepEqual(a.events('mail_abandoned'), [], 'no alert for a mail that is still being sent');
    assert.deepEqual(
      a.events('mail_claim_lost').map((record) => [record.outcome, record.rowStatus]),
      [['abandoned', 'sending']],
    );
    const during = await rowOf(mail.id);
    assert.deepEqual([during.status, during.finished_at], ['sending', null]);
    assert.ok(during.text_body?.includes('424242'), 'B still holds a mail to send again if it dies');

    heldB.accept();
    await drainB;
    const row = await rowOf(mail.id);
    assert.deepEqual([row.status, row.attempts, row.text_body], ['sent', 2, null]);
    assert.equal(b.events('mail_sent').length, 1);
  });

  it('F6: a worker whose claim lapsed but was not taken over still records its mail as sent', async () => {
    const a = worker(new HoldingTransport());
    const mail = await queueMail();
    const drainA = a.outbox.drain();
    const held = await a.transport.next();
    clock.advance(121);
    held.accept();
    await drainA;
    const row = await rowOf(mail.id);
    assert.deepEqual([row.status, row.attempts, row.text_body], ['sent', 1, null]);
    assert.deepEqual(a.events('mail_claim_lost'), []);
    assert.equal(a.events('mail_sent').length, 1);
  });
});
