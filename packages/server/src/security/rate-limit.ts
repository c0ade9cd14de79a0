import { addSeconds, secondsUntil, type Clock } from '../clock.js';
import type { Queryable } from '../store/database.js';
import type { Keys } from './keys.js';

/** A limit: at most `max` hits per `windowSeconds` (fixed window). */
export interface Limit {
  readonly max: number;
  readonly windowSeconds: number;
}

/**
 * The documented limits (SECURITY.md R1, R2, R5, C7). None locks an account for good: every window ends, and a
 * successful sign-in or password reset clears the failure count of that address.
 */
export interface Limits {
  /** Code mails (sign-up, sign-in hint, reset) to one address: 3 per 15 minutes (C7). */
  readonly mailsPerAddress: Limit;
  /** Requests that send a code mail, per client address: sign-up starts, resends, reset requests (R5). */
  readonly mailRequestsPerClient: Limit;
  /** Code submissions per client address, on top of the five attempts per flow. */
  readonly codeAttemptsPerClient: Limit;
  /** Sign-in attempts per client address. */
  readonly loginsPerClient: Limit;
  /** Failed sign-ins per address in a row (R2: at most 100); counted for unknown addresses too. */
  readonly loginFailuresPerAddress: Limit;
}

/** The limits in force unless a deployment passes others to `createServer`. */
export const DEFAULT_LIMITS: Limits = {
  mailsPerAddress: { max: 3, windowSeconds: 15 * 60 },
  mailRequestsPerClient: { max: 20, windowSeconds: 15 * 60 },
  codeAttemptsPerClient: { max: 60, windowSeconds: 15 * 60 },
  loginsPerClient: { max: 30, windowSeconds: 5 * 60 },
  loginFailuresPerAddress: { max: 100, windowSeconds: 60 * 60 },
};

/** The outcome of counting one hit. */
export interface LimitVerdict {
  readonly allowed: boolean;
  /** Hits in this window, this one included. */
  readonly hits: number;
  /** Seconds until the window ends. */
  readonly retryAfterSeconds: number;
}

/**
 * Fixed-window counters in the `rate_limits` table, shared by every instance. Each hit is one atomic upsert.
 * Keys are HMACs of the address or client, so the table holds no personal data.
 */
export class RateLimiter {
  readonly #keys: Keys;
  readonly #clock: Clock;
  constructor(keys: Keys, clock: Clock) {
    this.#keys = keys;
    this.#clock = clock;
  }

  /** The stored key of `subject` (an address or client IP) under `name`. */
  key(name: string, subject: string): string {
    return `${name}:${this.#keys.hmac('rate-limit', subject)}`;
  }

  /** Counts one hit on `name`/`subject` and says whether it is within `limit`. */
  async hit(db: Queryable, name: string, subject: string, limit: Limit): Promise<LimitVerdict> {
    const now = this.#clock();
    const { rows } = await db.query<{ hits: number; window_start: Date }>(
      `INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, 1)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN rate_limits.window_start <= $3 THEN 1 ELSE rate_limits.hits + 1 END,
         window_start = CASE WHEN rate_limits.window_start <= $3 THEN $2 ELSE rate_limits.window_start END
       RETURNING hits, window_start`,
      [this.key(name, subject), now, addSeconds(now, -limit.windowSeconds)],
    );
    const row = rows[0]!;
    return {
      allowed: row.hits <= limit.max,
      hits: row.hits,
      retryAfterSeconds: secondsUntil(now, addSeconds(row.window_start, limit.windowSeconds)),
    };
  }

  /** Hits counted on `name`/`subject` in the current window, without counting one. */
  async peek(db: Queryable, name: string, subject: string, limit: Limit): Promise<LimitVerdict> {
    const now = this.#clock();
    const { rows } = await db.query<{ hits: number; window_start: Date }>(
      'SELECT hits, window_start FROM rate_limits WHERE key = $1 AND window_start > $2',
      [this.key(name, subject), addSeconds(now, -limit.windowSeconds)],
    );
    const row = rows[0];
    if (!row) return { allowed: true, hits: 0, retryAfterSeconds: 0 };
    return {
      allowed: row.hits < limit.max,
      hits: row.hits,
      retryAfterSeconds: secondsUntil(now, addSeconds(row.window_start, limit.windowSeconds)),
    };
  }

  /** Forgets the count of `name`/`subject` (a successful sign-in clears the failures). */
  async reset(db: Queryable, name: string, subject: string): Promise<void> {
    await db.query('DELETE FROM rate_limits WHERE key = $1', [this.key(name, subject)]);
  }
}
