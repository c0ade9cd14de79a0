import type { Client, Pool, PoolClient } from 'pg';
import type { Connection, Database, Queryable, QueryResult } from './database.js';

/**
 * How long opening a connection may take before the request fails with 503 (a database that does not answer);
 * `DATABASE_CONNECT_TIMEOUT`.
 */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

/**
 * How long one statement may run (`DATABASE_STATEMENT_TIMEOUT`). The slowest statements of a request are a clean-up
 * batch and row locks held by a concurrent request, both well under a second; migrations and their lock do not
 * count (they run without).
 */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;

/**
 * How much longer than the statement timeout the client waits for an answer. PostgreSQL itself cancels a slow
 * statement first and the connection stays usable; the client's own limit only ends a wait for a server that
 * no longer answers at all.
 */
const READ_GRACE_MS = 2_000;

/** Options of the PostgreSQL adapter. */
export interface PostgresOptions {
  readonly connectionString: string;
  /** A schema to put first on the search path (tests give each file its own). */
  readonly schema?: string;
  /** Largest number of pooled connections. */
  readonly max?: number;
  /** Milliseconds to open a connection (default {@link DEFAULT_CONNECT_TIMEOUT_MS}). */
  readonly connectTimeoutMs?: number;
  /** Milliseconds one statement may run (default {@link DEFAULT_STATEMENT_TIMEOUT_MS}); migrations have none. */
  readonly statementTimeoutMs?: number;
}

/**
 * A statement PostgreSQL cancelled at the statement timeout, or one the server never answered. Its `code`
 * `ETIMEDOUT` makes the app answer 503 `service_unavailable` (see `isDatabaseUnavailable`).
 */
export class DatabaseTimeoutError extends Error {
  override readonly name = 'DatabaseTimeoutError';
  readonly code = 'ETIMEDOUT';
}

/** True when `error` is pg's own read timeout: the statement may still be running on a connection now unusable. */
function isReadTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === 'Query read timeout';
}

/** pg's words (the client's, or the pool's) when no connection opened within `connectionTimeoutMillis`. */
const CONNECT_TIMEOUT = /connection terminated due to connection timeout|timeout exceeded when trying to connect/i;

/** The timeouts in force, for the messages that name them. */
interface Limits {
  readonly connectMs: number;
  readonly statementMs: number;
}

/**
 * A timeout as a {@link DatabaseTimeoutError} that names the setting to look at (the message reaches the
 * `database_unavailable` log record and a failed start's line); any other error as it is.
 */
function translate(error: unknown, limits: Limits): unknown {
  const { connectMs, statementMs } = limits;
  if (isReadTimeout(error)) {
    return new DatabaseTimeoutError(
      `PostgreSQL did not answer within ${statementMs + READ_GRACE_MS} ms (DATABASE_STATEMENT_TIMEOUT + ${READ_GRACE_MS} ms)`,
      { cause: error },
    );
  }
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === '57014' && typeof message === 'string' && message.includes('statement timeout')) {
    return new DatabaseTimeoutError(`the statement ran longer than ${statementMs} ms (DATABASE_STATEMENT_TIMEOUT)`, {
      cause: error,
    });
  }
  if (typeof message === 'string' && CONNECT_TIMEOUT.test(message)) {
    return new DatabaseTimeoutError(`no connection within ${connectMs} ms (DATABASE_CONNECT_TIMEOUT)`, {
      cause: error,
    });
  }
  return error;
}

/** Runs statements on `target`, with timeouts translated; `onReadTimeout` hears of a wait the client gave up. */
function wrap(target: Pool | PoolClient | Client, limits: Limits, onReadTimeout?: (error: Error) => void): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      try {
        const result = await target.query(sql, [...params]);
        return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
      } catch (error) {
        if (isReadTimeout(error)) onReadTimeout?.(error as Error);
        throw translate(error, limits);
      }
    },
  };
}

/**
 * Opens a `pg` pool on `DATABASE_URL`. Several server instances share the database and nothing else.
 *
 * Every connection has a connect timeout and a statement timeout (server side, plus a client-side limit a little
 * later for a server that does not answer), so a database that accepts connections but never answers makes
 * requests and `/readyz` fail within seconds instead of hanging. A connection whose wait timed out is discarded.
 */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const { default: pg } = await import('pg');
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new TypeError(`schema must be a plain lower-case identifier, got ${JSON.stringify(options.schema)}`);
  }
  const connectMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const statementMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const limits: Limits = { connectMs, statementMs };
  const connection = {
    connectionString: options.connectionString,
    connectionTimeoutMillis: connectMs,
    // A peer that vanished without a word is noticed by the operating system, not only by a timeout.
    keepAlive: true,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  };
  const pool = new pg.Pool({
    ...connection,
    max: options.max ?? 10,
    statement_timeout: statementMs,
    query_timeout: statementMs + READ_GRACE_MS,
  });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw translate(error, limits);
  }
  const base = wrap(pool, limits);
  let closed = false;
  return {
    kind: 'postgres',
    query: (sql, params) => base.query(sql, params),
    async transaction(fn) {
      const client = await pool.connect().catch((error: unknown) => {
        throw translate(error, limits);
      });
      // Given to release(): a connection that timed out or could not roll back is closed, not reused.
      let broken: Error | undefined;
      try {
        const tx = wrap(client, limits, (error) => (broken = error));
        await tx.query('BEGIN');
        const result = await fn(tx);
        await tx.query('COMMIT');
        return result;
      } catch (error) {
        // After a read timeout the statement may still run there and ROLLBACK would wait behind it; closing the
        // connection rolls the transaction back instead.
        if (!broken) {
          await client.query('ROLLBACK').catch((rollbackError: unknown) => {
            broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
          });
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async withConnection(fn) {
      // Migrations and the advisory lock that serialises them get a connection of their own without a statement
      // timeout: an index on a large table, or waiting while another instance migrates, may take minutes.
      const client = new pg.Client(connection);
      client.on('error', () => {});
      await client.connect();
      try {
        const migration: Connection = {
          ...wrap(client, limits),
          async exec(sql) {
            await client.query(sql);
          },
        };
        return await fn(migration);
      } finally {
        await client.end().catch(() => {});
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
