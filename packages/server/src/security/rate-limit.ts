import { addSeconds, secondsUntil, type Clock } from '../clock.js';
import type { Queryable } from '../store/database.js';
import type { Keys } from './keys.js';
import type { Limit, Limits } from './limits.js';

export { DEFAULT_LIMITS, type Limit, type LimitName, type Limits } from './limits.js';

/** The outcome of counting one hit. */
export interface LimitVerdict {
  readonly allowed: boolean;
  /** Hits in this window, this one included. */
  readonly hits: number;
  /** Seconds until the key may try again when blocked, otherwise until the window ends. */
  readonly retryAfterSeconds: number;
  /** Blocks in a row so far (1 for the first); the wait doubles with each (R1). */
  readonly blocks: number;
}

/** How the waits grow: the two global members of {@link Limits}. */
export type WaitSettings = Pick<Limits, 'maxWaitSeconds' | 'resetAfterSeconds'>;

interface LimitRow {
  hits: number;
  window_start: Date;
  blocks: number;
  blocked_until: Date | null;
}

// The parameters of HIT_SQL: $1 key, $2 now, $3 window (s), $4 the hit count that blocks, $5 longest wait (s),
// $6 quiet time that resets the growth (s), $7 the end of a fresh row's window. Each fragment reads the row as it
// was before this hit. The upsert takes the row's lock, so parallel hits on one key (on any instance) run one after
// the other, each reading the count the one before it wrote: exactly `$4 - 1` of them are allowed per window.
const NOW = '$2::timestamptz';
const WINDOW = 'make_interval(secs => $3::float8)';
const RESET = 'make_interval(secs => $6::float8)';
const BLOCKED = `(r.blocked_until IS NOT NULL AND r.blocked_until > ${NOW})`;
const FRESH = `(NOT ${BLOCKED} AND r.window_start <= ${NOW} - ${WINDOW})`;
const HITS = `(CASE WHEN ${BLOCKED} THEN r.hits WHEN ${FRESH} THEN 1 ELSE r.hits + 1 END)`;
const WINDOW_START = `(CASE WHEN ${FRESH} THEN ${NOW} ELSE r.window_start END)`;
const BLOCKING = `(NOT ${BLOCKED} AND ${HITS} >= $4::integer)`;
// A block counts as "in a row" when the last one ended less than the quiet time ago.
const BLOCKS = `(CASE WHEN NOT ${BLOCKING} THEN r.blocks
  WHEN r.blocked_until IS NOT NULL AND r.blocked_until > ${NOW} - ${RESET} THEN r.blocks + 1 ELSE 1 END)`;
// The first block lasts until its window ends, as a plain fixed window would; block n waits window × 2^(n-1)
// from now, at most the longest wait (or the window, when that is longer). The exponent is capped before power()
// so a key blocked thousands of times in a row cannot overflow.
const BLOCKED_UNTIL = `(CASE WHEN NOT ${BLOCKING} THEN r.blocked_until
  WHEN ${BLOCKS} = 1 THEN ${WINDOW_START} + ${WINDOW}
  ELSE ${NOW} + make_interval(secs => LEAST($3::float8 * power(2, LEAST(${BLOCKS} - 1, 30)), GREATEST($5::float8, $3::float8)))
  END)`;

const HIT_SQL = `INSERT INTO rate_limits AS r (key, window_start, hits, blocks, blocked_until, forget_at)
  VALUES ($1, ${NOW}, 1, 0, NULL, $7::timestamptz)
  ON CONFLICT (key) DO UPDATE SET
    hits = ${HITS},
    window_start = ${WINDOW_START},
    blocks = ${BLOCKS},
    blocked_until = ${BLOCKED_UNTIL},
    forget_at = GREATEST(${WINDOW_START} + ${WINDOW}, ${BLOCKED_UNTIL} + ${RESET})
  RETURNING hits, window_start, blocks, blocked_until`;

/**
 * Counters in the `rate_limits` table, shared by every instance; each hit is one atomic upsert that both counts
 * and decides. A key that goes over its limit is blocked until its window ends; blocked again soon after (within
 * `resetAfterSeconds` of the last block's end) it waits twice as long as before, up to `maxWaitSeconds`
 * (SECURITY.md R1, 63B-4 §3.2.2). Every block ends: nothing here locks anyone out for good. Hits during a block are
 * refused but not counted, so hammering a blocked key does not lengthen its wait. Keys are HMACs of the address or
 * client, so the table holds no personal data. Each row carries `forget_at`, after which it says nothing a fresh
 * row would not; the clean-up deletes it then.
 *
 * There is deliberately no "may this key try?" without counting: a check followed by a separate count lets
 * parallel requests all pass the check before any is counted. A failure count (wrong passwords) therefore counts
 * every attempt with {@link RateLimiter.hit} before evaluating it and calls {@link RateLimiter.reset} on success
 * (C5: "the counter increment as its own committed statement, before the comparison").
 */
export class RateLimiter {
  readonly #keys: Keys;
  readonly #clock: Clock;
  readonly #waits: WaitSettings;
  constructor(keys: Keys, clock: Clock, waits: WaitSettings) {
    this.#keys = keys;
    this.#clock = clock;
    this.#waits = { maxWaitSeconds: waits.maxWaitSeconds, resetAfterSeconds: waits.resetAfterSeconds };
  }

  /** The stored key of `subject` (an address or client IP) under `name`. */
  key(name: string, subject: string): string {
    return `${name}:${this.#keys.hmac('rate-limit', subject)}`;
  }

  /**
   * Counts one attempt on `name`/`subject` and says whether it may go on, in one statement: the first `max`
   * attempts in a window are counted and allowed; the next is refused and blocks the key; attempts during a
   * block are refused and not counted. Run it as its own statement (not inside a longer transaction), before the
   * work it guards, so the count is committed whatever that work does.
   */
  async hit(db: Queryable, name: string, subject: string, limit: Limit): Promise<LimitVerdict> {
    const now = this.#clock();
    const { maxWaitSeconds, resetAfterSeconds } = this.#waits;
    const windowEnd = addSeconds(now, limit.windowSeconds);
    const { rows } = await db.query<LimitRow>(HIT_SQL, [
      this.key(name, subject),
      now,
      limit.windowSeconds,
      limit.max + 1,
      maxWaitSeconds,
      resetAfterSeconds,
      windowEnd,
    ]);
    const row = rows[0]!;
    const blocked = row.blocked_until !== null && row.blocked_until > now;
    return {
      allowed: !blocked,
      hits: row.hits,
      retryAfterSeconds: secondsUntil(
        now,
        blocked ? row.blocked_until! : addSeconds(row.window_start, limit.windowSeconds),
      ),
      blocks: row.blocks,
    };
  }

  /** Forgets the count of `name`/`subject`, growth included (a successful sign-in clears the failures). */
  async reset(db: Queryable, name: string, subject: string): Promise<void> {
    await db.query('DELETE FROM rate_limits WHERE key = $1', [this.key(name, subject)]);
  }
}
