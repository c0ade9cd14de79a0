/** One row set, as both adapters return it. */
export interface QueryResult<Row> {
  readonly rows: Row[];
  /** Rows inserted, updated, deleted or returned. */
  readonly rowCount: number;
}

/** Something SQL can be run on: the database itself or an open transaction. */
export interface Queryable {
  /**
   * Runs one statement with `$1`-style parameters. Pass `Date`s for timestamps and string arrays for `text[]`;
   * `timestamptz` columns come back as `Date`. Avoid `bigint` columns: the adapters return them differently.
   */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
}

/**
 * The storage the server runs on: PGlite on disk (embedded default) or a PostgreSQL pool (`DATABASE_URL`).
 * Both speak the PostgreSQL dialect; the SQL in this package runs unchanged on both.
 */
export interface Database extends Queryable {
  /** `pglite` serialises everything in one process; `postgres` is shared by every instance. */
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction (READ COMMITTED): committed when `fn` resolves, rolled back when it throws.
   * Use `tx` for every statement inside; the outer database is a different connection on PostgreSQL.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes the database; the PGlite adapter also releases the directory lock. */
  close(): Promise<void>;
  /**
   * Runs `fn` on one dedicated connection, outside a transaction (advisory locks and multi-statement scripts).
   * @internal
   */
  withConnection<T>(fn: (connection: Connection) => Promise<T>): Promise<T>;
}

/**
 * One dedicated connection.
 * @internal
 */
export interface Connection extends Queryable {
  /** Runs a script of several statements without parameters. */
  exec(sql: string): Promise<void>;
}

/** True when `error` is PostgreSQL's unique-violation (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
