import { addSeconds, type Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Database } from '../store/database.js';
import type { MailTransport } from './transport.js';

/** Retry settings of the outbox worker. */
export interface OutboxSettings {
  /** Tries before a mail is abandoned. */
  readonly maxAttempts: number;
  /** Wait after the first failure; doubled after each further one. */
  readonly backoffSeconds: number;
  /** Longest wait between tries. */
  readonly maxBackoffSeconds: number;
  /** How long a claim holds; after that a worker that died mid-send is presumed gone and the mail is retried. */
  readonly claimSeconds: number;
  /** How often the worker looks for due mail, in ms (it is also woken by every enqueue on this instance). */
  readonly pollMilliseconds: number;
  /** Mails claimed at once. */
  readonly batchSize: number;
}

/** The defaults: 8 tries over about two hours (30 s, 1, 2, 4, 8, 16, 32 min, then abandoned). */
export const DEFAULT_OUTBOX_SETTINGS: OutboxSettings = {
  maxAttempts: 8,
  backoffSeconds: 30,
  maxBackoffSeconds: 3600,
  claimSeconds: 120,
  pollMilliseconds: 1000,
  batchSize: 10,
};

interface ClaimedRow {
  id: string;
  to_address: string;
  template: string;
  subject: string;
  text_body: string;
  html_body: string;
  attempts: number;
}

/**
 * Drains the outbox (SECURITY.md F6). Every instance runs one. A batch is claimed in one statement with
 * `FOR UPDATE SKIP LOCKED` and marked `sending` with the attempt already counted, so two instances never claim
 * the same mail; a failure goes back to `queued` with exponential backoff, and after `maxAttempts` tries the mail
 * is `abandoned` and logged. Delivery is at least once: a worker that dies after the server accepted a mail but
 * before marking it sent leaves a claim that lapses, and the mail is sent again.
 */
export class OutboxWorker {
  readonly #db: Database;
  readonly #transport: MailTransport;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #settings: OutboxSettings;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;
  #again = false;
  #stopped = true;

  constructor(options: {
    db: Database;
    transport: MailTransport;
    clock: Clock;
    logger: Logger;
    settings?: Partial<OutboxSettings>;
  }) {
    this.#db = options.db;
    this.#transport = options.transport;
    this.#clock = options.clock;
    this.#logger = options.logger;
    this.#settings = { ...DEFAULT_OUTBOX_SETTINGS, ...options.settings };
  }

  /** Starts polling. */
  start(): void {
    this.#stopped = false;
    this.#schedule(0);
  }

  /** Stops polling and waits for a batch in progress. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running?.catch(() => 0);
  }

  /** Asks for a pass soon (after an enqueue), without waiting for it. */
  kick(): void {
    if (this.#stopped) return;
    if (this.#running) this.#again = true;
    else this.#schedule(0);
  }

  /**
   * Sends every mail that is due now, batch after batch, and resolves with how many were handled. Tests call it
   * after moving the clock; the worker's own timer calls it too.
   */
  async drain(): Promise<number> {
    while (this.#running) await this.#running.catch(() => 0);
    this.#running = this.#drain();
    try {
      return await this.#running;
    } finally {
      this.#running = undefined;
    }
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.drain()
        .catch((error: unknown) => this.#logger.error('outbox_failed', { error: String(error) }))
        .finally(() => {
          const again = this.#again;
          this.#again = false;
          this.#schedule(again ? 0 : this.#settings.pollMilliseconds);
        });
    }, ms);
    this.#timer.unref();
  }

  async #drain(): Promise<number> {
    let handled = 0;
    for (;;) {
      const batch = await this.#claim();
      if (batch.length === 0) return handled;
      for (const row of batch) await this.#deliver(row);
      handled += batch.length;
    }
  }

  async #claim(): Promise<ClaimedRow[]> {
    const now = this.#clock();
    const { rows } = await this.#db.query<ClaimedRow>(
      `UPDATE outbox SET status = 'sending', attempts = attempts + 1, claimed_until = $2
       WHERE id IN (
         SELECT id FROM outbox
         WHERE (status = 'queued' AND next_attempt_at <= $1) OR (status = 'sending' AND claimed_until < $1)
         ORDER BY next_attempt_at
         LIMIT $3
         FOR UPDATE SKIP LOCKED)
       RETURNING id, to_address, template, subject, text_body, html_body, attempts`,
      [now, addSeconds(now, this.#settings.claimSeconds), this.#settings.batchSize],
    );
    return rows;
  }

  async #deliver(row: ClaimedRow): Promise<void> {
    try {
      await this.#transport.send({
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
      });
    } catch (error) {
      await this.#failed(row, error);
      return;
    }
    // Over SMTP the message has left: erase its content (codes, links) from the database. The dev mailbox keeps it.
    const erase = this.#transport.kind === 'smtp';
    await this.#db.query(
      `UPDATE outbox SET status = 'sent', sent_at = $2, claimed_until = NULL, last_error = NULL, delivered_by = $3,
         subject = CASE WHEN $4::boolean THEN NULL ELSE subject END,
         text_body = CASE WHEN $4::boolean THEN NULL ELSE text_body END,
         html_body = CASE WHEN $4::boolean THEN NULL ELSE html_body END
       WHERE id = $1`,
      [row.id, this.#clock(), this.#transport.kind, erase],
    );
    this.#logger.info('mail_sent', {
      mail: row.id,
      template: row.template,
      attempts: row.attempts,
      by: this.#transport.kind,
    });
  }

  async #failed(row: ClaimedRow, error: unknown): Promise<void> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const { maxAttempts, backoffSeconds, maxBackoffSeconds } = this.#settings;
    if (row.attempts >= maxAttempts) {
      await this.#db.query(
        "UPDATE outbox SET status = 'abandoned', claimed_until = NULL, last_error = $2 WHERE id = $1",
        [row.id, message],
      );
      this.#logger.error('mail_abandoned', {
        mail: row.id,
        template: row.template,
        attempts: row.attempts,
        error: message,
      });
      return;
    }
    const wait = Math.min(maxBackoffSeconds, backoffSeconds * 2 ** (row.attempts - 1));
    await this.#db.query(
      "UPDATE outbox SET status = 'queued', claimed_until = NULL, last_error = $2, next_attempt_at = $3 WHERE id = $1",
      [row.id, message, addSeconds(this.#clock(), wait)],
    );
    this.#logger.warn('mail_failed', {
      mail: row.id,
      template: row.template,
      attempts: row.attempts,
      retryInSeconds: wait,
      error: message,
    });
  }
}
