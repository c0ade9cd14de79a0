import type { EherkenningOutcome } from '@wij-techniek/onboarding-contract';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { addSeconds, type Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { problem } from '../problems.js';
import type { Database, Queryable } from '../store/database.js';
import { hashSessionId, newSessionId } from './session-id.js';

/** A session as stored. `accountId` is null until someone signs in. */
export interface SessionRecord {
  /** Stable row id (other tables refer to it); never the cookie value. */
  readonly id: string;
  readonly idHash: string;
  readonly accountId: string | null;
  readonly flowId: string | null;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  /** The absolute end. */
  readonly expiresAt: Date;
  /** When the session ends without activity: its last recorded activity plus `SESSION_IDLE_MINUTES`. */
  readonly idleEndsAt: Date;
  readonly eherkenning: { readonly outcome: EherkenningOutcome; readonly at: Date } | null;
}

interface SessionRow {
  id: string;
  id_hash: string;
  account_id: string | null;
  flow_id: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  eherkenning_outcome: EherkenningOutcome | null;
  eherkenning_at: Date | null;
}

const COLUMNS =
  'id, id_hash, account_id, flow_id, created_at, last_seen_at, expires_at, eherkenning_outcome, eherkenning_at';

function toRecord(row: SessionRow, idleSeconds: number): SessionRecord {
  return {
    id: row.id,
    idHash: row.id_hash,
    accountId: row.account_id,
    flowId: row.flow_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    idleEndsAt: addSeconds(row.last_seen_at, idleSeconds),
    eherkenning:
      row.eherkenning_outcome && row.eherkenning_at
        ? { outcome: row.eherkenning_outcome, at: row.eherkenning_at }
        : null,
  };
}

/** What the session middleware leaves on the request (`c.get('session')`). */
export interface SessionState {
  /** The live session of this request, or null. */
  current: SessionRecord | null;
  /** True when the request carried a cookie of a session that has timed out (it is now deleted). */
  expired: boolean;
}

/**
 * How long after the last recorded activity a request writes it again: a tenth of the idle time, never more than a
 * minute. Not every request needs to write (the 30-minute default writes once a minute), yet with a short idle time
 * a request in the last part of the window must still move the end on, as "Doorgaan" on the notice does.
 */
function touchAfterSeconds(idleSeconds: number): number {
  return Math.min(60, idleSeconds / 10);
}

/**
 * Server-side sessions (SECURITY.md S1–S5): an opaque cookie of 256 bits, stored as its SHA-256, HttpOnly,
 * SameSite=Lax, `Secure` and `__Host-` when `PUBLIC_URL` is https. Idle and absolute timeouts are checked on the
 * server with the injected clock on every request; the cookie's Max-Age is a courtesy, never relied on.
 */
export class SessionService {
  /** `__Host-wt_session` on https, `wt_session` otherwise. */
  readonly cookieName: string;
  readonly #config: Config;
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #logger: Logger;

  constructor(options: { config: Config; db: Database; clock: Clock; logger: Logger }) {
    this.#config = options.config;
    this.#db = options.db;
    this.#clock = options.clock;
    this.#logger = options.logger;
    this.cookieName = options.config.secureCookies ? '__Host-wt_session' : 'wt_session';
  }

  /** Middleware: finds the request's session, ends it when it timed out, and records activity. */
  middleware(): MiddlewareHandler<{ Variables: { session: SessionState } }> {
    return async (c, next) => {
      const state: SessionState = { current: null, expired: false };
      c.set('session', state);
      const id = getCookie(c, this.cookieName);
      if (id && id.length <= 128) {
        const now = this.#clock();
        const { rows } = await this.#db.query<SessionRow>(`SELECT ${COLUMNS} FROM sessions WHERE id_hash = $1`, [
          hashSessionId(id),
        ]);
        const row = rows[0];
        if (row) {
          const found = this.#record(row);
          if (now > found.expiresAt || now > found.idleEndsAt) {
            await this.#db.query('DELETE FROM sessions WHERE id = $1', [row.id]);
            this.#logger.info('session_ended', {
              session: row.id,
              reason: now > found.expiresAt ? 'absolute' : 'idle',
            });
            state.expired = true;
            this.#clearCookie(c);
          } else if (
            now.getTime() - row.last_seen_at.getTime() >=
            touchAfterSeconds(this.#config.sessionIdleMinutes * 60) * 1000
          ) {
            await this.#db.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1', [row.id, now]);
            state.current = this.#record({ ...row, last_seen_at: now });
          } else {
            state.current = found;
          }
        } else {
          // A cookie we do not know (logged out, rotated away or forged): forget it.
          this.#clearCookie(c);
        }
      }
      await next();
    };
  }

  /** The request's session state. */
  state(c: Context): SessionState {
    return (c.get('session') as SessionState | undefined) ?? { current: null, expired: false };
  }

  /** The request's live session, or null. */
  current(c: Context): SessionRecord | null {
    return this.state(c).current;
  }

  /**
   * The signed-in session of this request; throws `session_expired` when its session timed out and
   * `not_signed_in` when there is none or nobody signed in.
   */
  requireAccount(c: Context): SessionRecord & { readonly accountId: string } {
    const state = this.state(c);
    const session = state.current;
    if (session?.accountId) return session as SessionRecord & { accountId: string };
    throw problem(state.expired ? 'session_expired' : 'not_signed_in');
  }

  /** The request's session, creating an anonymous one (and its cookie) when there is none. */
  async ensure(c: Context, db: Queryable = this.#db): Promise<SessionRecord> {
    const existing = this.current(c);
    if (existing) return existing;
    const id = newSessionId();
    const now = this.#clock();
    const { rows } = await db.query<SessionRow>(
      `INSERT INTO sessions (id_hash, created_at, last_seen_at, expires_at) VALUES ($1, $2, $2, $3)
       RETURNING ${COLUMNS}`,
      [hashSessionId(id), now, addSeconds(now, this.#config.sessionMaxHours * 3600)],
    );
    const session = this.#record(rows[0]!);
    this.#setCookie(c, id, session.expiresAt);
    this.state(c).current = session;
    return session;
  }

  /**
   * Gives the request's session a new id (SECURITY.md S3) and, with `accountId`, signs that account in: the
   * absolute timeout starts again. The old id stops working at once. Run it inside the transaction that makes
   * the change; the new cookie is only sent when the answer is a success. Throws `step_out_of_order` when
   * the session was rotated or ended by a concurrent request.
   */
  async rotate(
    c: Context,
    db: Queryable = this.#db,
    options: { accountId?: string; flowId?: string | null } = {},
  ): Promise<SessionRecord> {
    const session = this.current(c);
    const id = newSessionId();
    const now = this.#clock();
    const signIn = options.accountId !== undefined;
    const expiresAt = signIn ? addSeconds(now, this.#config.sessionMaxHours * 3600) : undefined;
    let rows: SessionRow[];
    if (session) {
      ({ rows } = await db.query<SessionRow>(
        `UPDATE sessions SET id_hash = $3, last_seen_at = $4,
           account_id = CASE WHEN $5::boolean THEN $6::uuid ELSE account_id END,
           created_at = CASE WHEN $5::boolean THEN $4 ELSE created_at END,
           expires_at = CASE WHEN $5::boolean THEN $7 ELSE expires_at END,
           flow_id = CASE WHEN $8::boolean THEN $9::uuid ELSE flow_id END
         WHERE id = $1 AND id_hash = $2
         RETURNING ${COLUMNS}`,
        [
          session.id,
          session.idHash,
          hashSessionId(id),
          now,
          signIn,
          options.accountId ?? null,
          expiresAt ?? now,
          options.flowId !== undefined,
          options.flowId ?? null,
        ],
      ));
      if (rows.length === 0) throw problem('step_out_of_order', { step: null });
    } else {
      ({ rows } = await db.query<SessionRow>(
        `INSERT INTO sessions (id_hash, account_id, flow_id, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, $4, $4, $5) RETURNING ${COLUMNS}`,
        [
          hashSessionId(id),
          options.accountId ?? null,
          options.flowId ?? null,
          now,
          expiresAt ?? addSeconds(now, this.#config.sessionMaxHours * 3600),
        ],
      ));
    }
    const rotated = this.#record(rows[0]!);
    this.#setCookie(c, id, rotated.expiresAt);
    this.state(c).current = rotated;
    return rotated;
  }

  /**
   * Locks the request's session row for the rest of `tx` and returns it as stored now, or null when a
   * concurrent request rotated or ended it. Serialises competing completions of one flow (SECURITY.md F3).
   */
  async lock(c: Context, tx: Queryable): Promise<SessionRecord | null> {
    const session = this.current(c);
    if (!session) return null;
    const { rows } = await tx.query<SessionRow>(
      `SELECT ${COLUMNS} FROM sessions WHERE id = $1 AND id_hash = $2 FOR UPDATE`,
      [session.id, session.idHash],
    );
    return rows[0] ? this.#record(rows[0]) : null;
  }

  /** Points the session at a server-side flow (or none). */
  async setFlow(db: Queryable, sessionId: string, flowId: string | null): Promise<void> {
    await db.query('UPDATE sessions SET flow_id = $2 WHERE id = $1', [sessionId, flowId]);
  }

  /** Records the outcome of the session's last eHerkenning round trip, shown by `GET /session`. */
  async setEherkenningOutcome(db: Queryable, sessionId: string, outcome: EherkenningOutcome): Promise<void> {
    await db.query('UPDATE sessions SET eherkenning_outcome = $2, eherkenning_at = $3 WHERE id = $1', [
      sessionId,
      outcome,
      this.#clock(),
    ]);
  }

  /** Ends every session of `accountId` except `keepSessionId` (after a password reset). Returns how many. */
  async endOthers(db: Queryable, accountId: string, keepSessionId: string | null): Promise<number> {
    const { rowCount } = await db.query('DELETE FROM sessions WHERE account_id = $1 AND id IS DISTINCT FROM $2', [
      accountId,
      keepSessionId,
    ]);
    return rowCount;
  }

  /** Logs out: deletes the session on the server and clears the cookie (S5). */
  async end(c: Context): Promise<void> {
    const session = this.current(c);
    if (session) {
      await this.#db.query('DELETE FROM sessions WHERE id = $1', [session.id]);
      this.#logger.info('session_ended', { session: session.id, reason: 'logout' });
    }
    this.state(c).current = null;
    this.#clearCookie(c);
  }

  #record(row: SessionRow): SessionRecord {
    return toRecord(row, this.#config.sessionIdleMinutes * 60);
  }

  #cookie(value: string, maxAgeSeconds: number): string {
    const secure = this.#config.secureCookies ? '; Secure' : '';
    return `${this.cookieName}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
  }

  #setCookie(c: Context, id: string, expiresAt: Date): void {
    const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - this.#clock().getTime()) / 1000));
    this.#replaceCookie(c, this.#cookie(id, maxAge));
  }

  #clearCookie(c: Context): void {
    this.#replaceCookie(c, this.#cookie('', 0));
  }

  // One Set-Cookie for the session per answer: a rotation after a clear replaces it.
  #replaceCookie(c: Context, value: string): void {
    c.header('Set-Cookie', value);
  }
}
