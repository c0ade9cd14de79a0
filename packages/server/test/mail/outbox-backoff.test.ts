// The outbox worker while its database is away (SECURITY.md F7, L2): it keeps polling with growing pauses (doubling
// up to 60 s) instead of every second, logs `outbox_failed` once per outage instead of once per poll (3,600 lines an
// hour per instance before), and `outbox_recovered` when a poll works again, after which it polls every second and
// sends what was queued. Each poll is run by hand through the worker's timer: the test counts polls, not seconds.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { enqueueMail } from '../../src/mail/outbox.ts';
import { smtpTransport, type MailTransport } from '../../src/mail/transport.ts';
import { DEFAULT_OUTBOX_SETTINGS, OutboxWorker, type PollTimer } from '../../src/mail/worker.ts';
import { createLogger } from '../../src/logger.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openPglite } from '../../src/store/pglite.ts';
import { openPostgres } from '../../src/store/pg.ts';
import type { Database } from '../../src/store/database.ts';
import { TestClock } from '../helpers/clock.ts';
import { DATABASE_URL, PG_SKIP } from '../helpers/harness.ts';
import { SmtpSink } from '../helpers/smtp-sink.ts';
import { OwnDatabase } from '../reliability/helpers/own-database.ts';

/** A poll timer the test runs by hand: {@link poll} runs the waiting poll and answers the pause it set next. */
class ManualTimer implements PollTimer {
  #pending: { callback: () => void; ms: number } | undefined;
  #onSet: ((ms: number) => void) | undefined;

  set(callback: () => void, ms: number): unknown {
    const handle = { callback, ms };
    this.#pending = handle;
    this.#onSet?.(ms);
    return handle;
  }

  clear(handle: unknown): void {
    if (this.#pending === handle) this.#pending = undefined;
  }

  /** Runs the poll that is waiting; resolves with the pause of the next one, once the worker has set it. */
  async poll(): Promise<number> {
    const pending = this.#pending;
    assert.ok(pending, 'a poll is waiting');
    this.#pending = undefined;
    const next = new Promise<number>((resolve) => (this.#onSet = resolve));
    pending.callback();
    const ms = await next;
    this.#onSet = undefined;
    return ms;
  }
}

/** A worker on `db` with a hand-run timer, a test clock and its log lines. */
function worker(db: Database, transport: MailTransport) {
  const clock = new TestClock();
  const logs: Record<string, unknown>[] = [];
  const timer = new ManualTimer();
  const outbox = new OutboxWorker({
    db,
    transport,
    clock: clock.now,
    logger: createLogger({ clock: clock.now, write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) }),
    timer,
  });
  const events = (event: string) => logs.filter((record) => record.event === event);
  return { outbox, timer, clock, logs, events };
}

/** Pauses after 1, 2, … failed polls in a row with the defaults: 2, 4, 8, 16, 32 s, then 60 s from then on. */
const PAUSES_WHILE_FAILING = [2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000, 60_000];

describe('outbox worker while the database is away', () => {
  it('the defaults: a poll every second, growing to at most one a minute while polls fail', () => {
    assert.equal(DEFAULT_OUTBOX_SETTINGS.pollMilliseconds, 1000);
    assert.equal(DEFAULT_OUTBOX_SETTINGS.maxPollBackoffMilliseconds, 60_000);
  });

  describe('PGlite closed under the worker', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'wt-outbox-backoff-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('ten failed polls: pauses grow to 60 s, and outbox_failed is logged once', async () => {
      const db = await openPglite(dir);
      await migrate(db);
      await db.close();
      const { outbox, timer, events } = worker(db, { kind: 'mailbox', send: async () => {}, close: () => {} });
      outbox.start();
      const pauses: number[] = [];
      for (let poll = 0; poll < PAUSES_WHILE_FAILING.length; poll++) pauses.push(await timer.poll());
      await outbox.stop();

      assert.deepEqual(pauses, PAUSES_WHILE_FAILING);
      const failed = events('outbox_failed');
      assert.equal(failed.length, 1, 'one line for the whole outage');
      assert.match(String(failed[0]!.error), /PGlite is closed/);
      assert.equal(failed[0]!.retryInSeconds, 2);
      assert.deepEqual(events('outbox_recovered'), []);
    });
  });

  describe('PostgreSQL going down and coming back', { skip: DATABASE_URL ? false : PG_SKIP }, () => {
    let own: OwnDatabase;
    let db: Database;
    let smtp: SmtpSink;
    before(async () => {
      own = await OwnDatabase.create();
      db = await openPostgres({ connectionString: own.url, max: 2, connectTimeoutMs: 2000 });
      await migrate(db);
      smtp = await new SmtpSink().start();
    });
    after(async () => {
      await db?.close();
      await own?.drop();
      await smtp?.stop();
    });

    it('one outbox_failed, growing pauses, one outbox_recovered; then polls every second and sends what was queued', async () => {
      const transport = await smtpTransport({ smtpUrl: smtp.url, mailFrom: 'noreply@wij-techniek.test' });
      const { outbox, timer, clock, events } = worker(db, transport);
      outbox.start();
      assert.equal(await timer.poll(), 1000, 'a poll that works: the next in a second');

      const email = 'queued-before-outage@example.test';
      await enqueueMail(
        db,
        { to: email, template: 'verification-code', lang: 'nl', data: { code: '123456', minutes: 10 } },
        clock.now,
      );
      await own.goDown();
      const pauses: number[] = [];
      for (let poll = 0; poll < PAUSES_WHILE_FAILING.length; poll++) {
        pauses.push(await timer.poll());
        clock.advance(pauses.at(-1)! / 1000);
      }
      assert.deepEqual(pauses, PAUSES_WHILE_FAILING);
      assert.equal(events('outbox_failed').length, 1, 'one line for the whole outage');
      assert.equal(smtp.mails.length, 0);

      await own.comeBack();
      assert.equal(await timer.poll(), 1000, 'back to a poll a second');
      const recovered = events('outbox_recovered');
      assert.equal(recovered.length, 1);
      assert.equal(recovered[0]!.failedPolls, PAUSES_WHILE_FAILING.length);
      assert.equal(recovered[0]!.downSeconds, PAUSES_WHILE_FAILING.reduce((sum, ms) => sum + ms, 0) / 1000);
      assert.deepEqual(
        smtp.mails.flatMap((mail) => mail.to),
        [email],
        'the mail queued before the outage is sent once',
      );

      // A second outage is a new run: logged once again.
      await own.goDown();
      assert.equal(await timer.poll(), 2000);
      await own.comeBack();
      assert.equal(await timer.poll(), 1000);
      assert.equal(events('outbox_failed').length, 2);
      assert.equal(events('outbox_recovered').length, 2);
      await outbox.stop();
      transport.close();
    });
  });
});
