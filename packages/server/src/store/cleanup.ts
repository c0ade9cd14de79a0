import { addSeconds, type Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Database } from './database.js';

/** How the clean-up runs. */
export interface CleanupSettings {
  /** Seconds between passes (`CLEANUP_INTERVAL`); 0 runs no timer (`run()` still works). */
  readonly intervalSeconds: number;
  /** Rows deleted per statement, so a big backlog never holds locks on many rows at once. */
  readonly batchSize: number;
  /** How long an unused eHerkenning transaction is accepted (the callback refuses it after this). */
  readonly transactionTtlSeconds: number;
  /** How long a sent or abandoned mail's row stays after it was finished (`OUTBOX_RETENTION`). */
  readonly outboxRetentionSeconds: number;
}

/** The defaults besides the interval, which comes from the configuration. */
export const DEFAULT_CLEANUP_BATCH_SIZE = 500;

/** Rows one pass deleted, per table. */
export interface CleanupCounts {
  readonly sessions: number;
  readonly flows: number;
  readonly rateLimits: number;
  readonly eherkenningTransactions: number;
  readonly outbox: number;
}

type Table = keyof CleanupCounts;

// Each statement deletes at most $2 rows that are past their time: finished before $1, computed from the injected
// clock (never SQL now()). SKIP LOCKED: a row another instance is deleting, or a request is updating right now, is
// left for later, so instances never wait on each other. What is deleted and why it is safe:
// - sessions past their absolute end: the browser's cookie (Max-Age) is gone too. A session that ended by being
//   idle stays until then, so the browser that still holds its cookie is told "session expired" (S4).
// - eHerkenning transactions used, or older than their lifetime: the callback accepts neither (O2).
// - flows past their lifetime that no session points at any more: no step can move them, and no page shows them.
// - rate-limit rows whose window, wait and growth memory are over (forget_at, R1): a fresh row means the same.
// - outbox rows sent or abandoned longer than the retention ago: their content is gone already (the worker erases
//   it when it finishes them), and what is left (address, template, attempts) only answers "did it go out?" for a
//   while. A queued or sending mail is never deleted, however old: it is still to be delivered (F6).
const STATEMENTS: Readonly<Record<Table, string>> = {
  sessions: `DELETE FROM sessions WHERE id IN (
      SELECT id FROM sessions WHERE expires_at <= $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`,
  eherkenningTransactions: `DELETE FROM eherkenning_transactions WHERE id IN (
      SELECT id FROM eherkenning_transactions WHERE consumed_at <= $1 OR created_at <= $3
      LIMIT $2 FOR UPDATE SKIP LOCKED)`,
  flows: `DELETE FROM flows WHERE id IN (
      SELECT f.id FROM flows f
      WHERE f.expires_at <= $1 AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.flow_id = f.id)
      LIMIT $2 FOR UPDATE OF f SKIP LOCKED)`,
  rateLimits: `DELETE FROM rate_limits WHERE key IN (
      SELECT key FROM rate_limits WHERE forget_at <= $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`,
  outbox: `DELETE FROM outbox WHERE id IN (
      SELECT id FROM outbox WHERE status IN ('sent', 'abandoned') AND finished_at <= $1
      LIMIT $2 FOR UPDATE SKIP LOCKED)`,
};

// Sessions first: deleting them ends their transactions (ON DELETE CASCADE) and frees their flows.
const ORDER: readonly Table[] = ['sessions', 'eherkenningTransactions', 'flows', 'rateLimits', 'outbox'];

/**
 * Deletes rows whose time is over, so the tables do not only grow. Every instance runs one on its own timer;
 * with several instances on one PostgreSQL they share the work without coordination (batched, `SKIP LOCKED`).
 * Nothing a person still needs is deleted (see the statements), never a mail still to be sent, and never the
 * audit log, accounts or memberships.
 */
export class Cleanup {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #settings: CleanupSettings;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<CleanupCounts> | undefined;
  #stopped = true;
  // Set by stop(): a pass in progress ends after its current batch, so closing the server does not wait for a backlog.
  #halted = false;

  constructor(options: { db: Database; clock: Clock; logger: Logger; settings: CleanupSettings }) {
    this.#db = options.db;
    this.#clock = options.clock;
    this.#logger = options.logger;
    this.#settings = options.settings;
  }

  /** The settings in force. */
  get settings(): CleanupSettings {
    return this.#settings;
  }

  /** Starts the timer: the first pass one interval from now, then one interval after each pass ends. */
  start(): void {
    if (this.#settings.intervalSeconds <= 0) return;
    this.#stopped = false;
    this.#schedule();
  }

  /** Stops the timer and waits for a pass in progress, which stops after its current batch. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#halted = true;
    clearTimeout(this.#timer);
    await this.#running?.catch(() => undefined);
  }

  /** Runs one pass now (tests call it after moving the clock) and resolves with what it deleted. */
  async run(): Promise<CleanupCounts> {
    while (this.#running) await this.#running.catch(() => undefined);
    this.#running = this.#pass();
    try {
      return await this.#running;
    } finally {
      this.#running = undefined;
    }
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.run()
        .catch((error: unknown) => {
          // A database that is away now is tried again next time; the rows wait.
          this.#logger.error('cleanup_failed', { error: error instanceof Error ? error.message : String(error) });
        })
        .finally(() => this.#schedule());
    }, this.#settings.intervalSeconds * 1000);
    // The timer alone never keeps the process alive: stopping the server is enough to end it.
    this.#timer.unref();
  }

  async #pass(): Promise<CleanupCounts> {
    const now = this.#clock();
    const { batchSize, transactionTtlSeconds, outboxRetentionSeconds } = this.#settings;
    const params: Readonly<Record<Table, readonly unknown[]>> = {
      sessions: [now, batchSize],
      eherkenningTransactions: [now, batchSize, addSeconds(now, -transactionTtlSeconds)],
      flows: [now, batchSize],
      rateLimits: [now, batchSize],
      outbox: [addSeconds(now, -outboxRetentionSeconds), batchSize],
    };
    const counts: Record<Table, number> = {
      sessions: 0,
      flows: 0,
      rateLimits: 0,
      eherkenningTransactions: 0,
      outbox: 0,
    };
    for (const table of ORDER) {
      const sql = STATEMENTS[table];
      for (;;) {
        const { rowCount } = await this.#db.query(sql, params[table]);
        counts[table] += rowCount;
        // A short batch means the backlog is gone; a stop ends the pass between batches.
        if (rowCount < batchSize || this.#halted) break;
      }
    }
    const total = ORDER.reduce((sum, table) => sum + counts[table], 0);
    if (total > 0) this.#logger.info('cleanup_done', { ...counts });
    return counts;
  }
}
