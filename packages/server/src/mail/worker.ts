import { addSeconds, type Clock } from '../clock.js';
import { outsideLogScope, type Logger } from '../logger.js';
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
  /**
   * Longest pause between polls while they keep failing (the database is away): the pause doubles from
   * `pollMilliseconds` after each failed poll up to this, and is back to `pollMilliseconds` after one that works.
   */
  readonly maxPollBackoffMilliseconds: number;
}

/** The timer the worker polls with; tests pass their own to run each poll by hand. */
export interface PollTimer {
  /** Calls `callback` after `ms`; must not keep the process alive on its own. */
  set(callback: () => void, ms: number): unknown;
  /** Cancels what {@link PollTimer.set} returned. */
  clear(handle: unknown): void;
}

const systemTimer: PollTimer = {
  set: (callback, ms) => setTimeout(callback, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** The defaults: 8 tries over about two hours (30 s, 1, 2, 4, 8, 16, 32 min, then abandoned). */
export const DEFAULT_OUTBOX_SETTINGS: OutboxSettings = {
  maxAttempts: 8,
  backoffSeconds: 30,
  maxBackoffSeconds: 3600,
  claimSeconds: 120,
  pollMilliseconds: 1000,
  batchSize: 10,
  maxPollBackoffMilliseconds: 60_000,
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
 * before marking it sent leaves a claim that lapses, and the mail is sent again. Only the worker whose claim is the
 * row's current one records how a try ended; one whose claim lapsed and was taken over logs `mail_claim_lost`. A
 * sent or abandoned mail keeps no content (only address, template, status and attempts; the dev mailbox excepted),
 * and the clean-up deletes its row after `OUTBOX_RETENTION`.
 */
export class OutboxWorker {
  readonly #db: Database;
  readonly #transport: MailTransport;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #settings: OutboxSettings;
  readonly #keepSentContent: boolean;
  readonly #timers: PollTimer;
  #timer: unknown;
  /** Polls that failed in a row (the database is away), and when the first of them failed. */
  #failures = 0;
  #failingSince: Date | undefined;
  #running: Promise<number> | undefined;
  #again = false;
  #stopped = true;

  constructor(options: {
    db: Database;
    transport: MailTransport;
    clock: Clock;
    logger: Logger;
    settings?: Partial<OutboxSettings>;
    /**
     * Keep a sent mail's subject and bodies: only for the dev mailbox, which shows them from these rows (true
     * exactly when `GET /api/dev/mailbox` exists). Otherwise they are erased in the statement that marks it sent.
     */
    keepSentContent?: boolean;
    /** The poll timer (default: `setTimeout`, unref'd). */
    timer?: PollTimer;
  }) {
    this.#db = options.db;
    this.#transport = options.transport;
    this.#clock = options.clock;
    this.#logger = options.logger;
    this.#settings = { ...DEFAULT_OUTBOX_SETTINGS, ...options.settings };
    this.#keepSentContent = options.keepSentContent ?? false;
    this.#timers = options.timer ?? systemTimer;
  }

  /** Starts polling. */
  start(): void {
    this.#stopped = false;
    this.#schedule(0);
  }

  /** Stops polling and waits for a batch in progress. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#timers.clear(this.#timer);
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
    this.#timers.clear(this.#timer);
    if (this.#stopped) return;
    // A timer keeps the async context it was set in, and kick() sets one while serving the request that queued a
    // mail: without this, the pass it runs, the pass after it and every one chained from them would log that
    // request's id (mail_sent, outbox_failed) for as long as the request is being served.
    this.#timer = this.#timers.set(
      () =>
        outsideLogScope(() => {
          this.drain()
            .then(
              () => this.#pollWorked(),
              (error: unknown) => this.#pollFailed(error),
            )
            .finally(() => {
              const again = this.#again;
              this.#again = false;
              this.#schedule(again ? 0 : this.#pause());
            });
        }),
      ms,
    );
  }

  /** The pause before the next poll: the poll interval, doubled for each poll in a row that failed, up to the cap. */
  #pause(): number {
    const { pollMilliseconds, maxPollBackoffMilliseconds } = this.#settings;
    if (this.#failures === 0) return pollMilliseconds;
    return Math.min(Math.max(pollMilliseconds, maxPollBackoffMilliseconds), pollMilliseconds * 2 ** this.#failures);
  }

  /**
   * A poll failed (the database is away: a mail server that is down fails single mails, not the poll). Logged once
   * per run of failures, not every poll: an hour of outage is one `outbox_failed` and one `outbox_recovered`,
   * instead of 3,600 lines per instance.
   */
  #pollFailed(error: unknown): void {
    this.#failures++;
    if (this.#failures > 1) return;
    this.#failingSince = this.#clock();
    this.#logger.error('outbox_failed', {
      error: String(error),
      retryInSeconds: this.#pause() / 1000,
      message: `polls again with growing pauses up to ${this.#settings.maxPollBackoffMilliseconds / 1000} s; logged again when it works`,
    });
  }

  #pollWorked(): void {
    if (this.#failures === 0) return;
    const since = this.#failingSince ?? this.#clock();
    this.#logger.info('outbox_recovered', {
      failedPolls: this.#failures,
      failingSince: since.toISOString(),
      downSeconds: Math.round((this.#clock().getTime() - since.getTime()) / 1000),
    });
    this.#failures = 0;
    this.#failingSince = undefined;
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
    // Once sent, the content (codes, reset codes, invitation links) leaves the database in the same statement that
    // marks the mail sent, so no moment exists where a sent mail's code is readable there (SECURITY.md C6: codes
    // are kept only hashed). Until this statement the row is 'sending' with its content: a worker that dies after
    // the server accepted the mail leaves a claim that lapses, and the mail is sent again in full (F6, at least
    // once). The one exception is the dev mailbox (no SMTP_URL, never in production): its transport sends nothing,
    // the row itself is the mailbox a newcomer reads the codes from, so there the content stays until the clean-up
    // deletes the row (OUTBOX_RETENTION). We chose that over the mailbox keeping a copy of its own: a second copy
    // would be one more place that holds codes, and nothing else in development needs the row without them.
    const erase = !this.#keepSentContent;
    const recorded = await this.#record(
      row,
      'sent',
      `UPDATE outbox SET status = 'sent', sent_at = $3, finished_at = $3, claimed_until = NULL, last_error = NULL,
         delivered_by = $4,
         subject = CASE WHEN $5::boolean THEN NULL ELSE subject END,
         text_body = CASE WHEN $5::boolean THEN NULL ELSE text_body END,
         html_body = CASE WHEN $5::boolean THEN NULL ELSE html_body END`,
      [this.#clock(), this.#transport.kind, erase],
    );
    if (!recorded) return;
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
      // Its codes and links have long expired and nobody will send it: erase the content now, and keep what the
      // operator needs to follow it up (address, template, attempts, the last error) until the clean-up.
      const recorded = await this.#record(
        row,
        'abandoned',
        `UPDATE outbox SET status = 'abandoned', finished_at = $4, claimed_until = NULL, last_error = $3,
           subject = NULL, text_body = NULL, html_body = NULL`,
        [message, this.#clock()],
        message,
      );
      if (!recorded) return;
      this.#logger.error('mail_abandoned', {
        mail: row.id,
        template: row.template,
        attempts: row.attempts,
        error: message,
      });
      return;
    }
    const wait = Math.min(maxBackoffSeconds, backoffSeconds * 2 ** (row.attempts - 1));
    const recorded = await this.#record(
      row,
      'failed',
      `UPDATE outbox SET status = 'queued', claimed_until = NULL, last_error = $3, next_attempt_at = $4`,
      [message, addSeconds(this.#clock(), wait)],
      message,
    );
    if (!recorded) return;
    this.#logger.warn('mail_failed', {
      mail: row.id,
      template: row.template,
      attempts: row.attempts,
      retryInSeconds: wait,
      error: message,
    });
  }

  /**
   * Runs `update` (an `UPDATE outbox SET …` without `WHERE`; its own parameters start at `$3`) only while the row is
   * still under this worker's claim, and answers whether it was. A claim is the row being `sending` with the attempt
   * count it got when it claimed the row: every claim raises `attempts` in the statement that takes it, under
   * the row lock, so the count names one claim exactly (no claim-owner column needed). When this worker's send
   * outlived its claim (`claimSeconds`) another instance may have taken the mail over and be sending it, or may
   * already have sent or abandoned it (and erased its content), or the clean-up deleted it. The row is then that
   * worker's: this one neither marks it sent (a mail abandoned, or still being sent by the other), nor requeues it
   * (a third copy), nor abandons it (an erased mail the other is about to record as sent). It logs
   * `mail_claim_lost` with what it would have recorded and what the row says now, and carries on: a lost claim is
   * the known price of at least once (F6), not an error of the poll.
   */
  async #record(
    row: ClaimedRow,
    outcome: 'sent' | 'failed' | 'abandoned',
    update: string,
    params: readonly unknown[],
    error?: string,
  ): Promise<boolean> {
    const { rowCount } = await this.#db.query(`${update} WHERE id = $1 AND status = 'sending' AND attempts = $2`, [
      row.id,
      row.attempts,
      ...params,
    ]);
    if (rowCount > 0) return true;
    const { rows } = await this.#db.query<{ status: string; attempts: number }>(
      'SELECT status, attempts FROM outbox WHERE id = $1',
      [row.id],
    );
    const now = rows[0];
    this.#logger.warn('mail_claim_lost', {
      mail: row.id,
      template: row.template,
      attempts: row.attempts,
      outcome,
      rowStatus: now?.status ?? 'deleted',
      rowAttempts: now?.attempts,
      ...(error === undefined ? {} : { error }),
      message:
        outcome === 'sent'
          ? 'the mail server accepted it after this claim had lapsed; the row is left to the worker that took it over, which may send it again'
          : 'this try ended after the claim had lapsed; the row is left to the worker that took it over',
    });
    return false;
  }
}
