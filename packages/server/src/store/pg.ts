import type { Pool, PoolClient } from 'pg';
import type { Connection, Database, Queryable, QueryResult } from './database.js';

/** Options of the PostgreSQL adapter. */
export interface PostgresOptions {
  readonly connectionString: string;
  /** A schema to put first on the search path (tests give each file its own). */
  readonly schema?: string;
  /** Largest number of pooled connections. */
  readonly max?: number;
}

function wrap(target: Pool | PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query(sql, [...params]);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
    },
  };
}

/** Opens a `pg` pool on `DATABASE_URL`. Several server instances share the database and nothing else. */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const { default: pg } = await import('pg');
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new TypeError(`schema must be a plain lower-case identifier, got ${JSON.stringify(options.schema)}`);
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  await pool.query('SELECT 1');
  const base = wrap(pool);
  let closed = false;
  return {
    kind: 'postgres',
    query: (sql, params) => base.query(sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        const connection: Connection = {
          ...wrap(client),
          async exec(sql) {
            await client.query(sql);
          },
        };
        return await fn(connection);
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
