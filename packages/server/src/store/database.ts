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

// SQLSTATE classes and driver errors that mean "the database cannot serve us now", not "our query is wrong":
// connection exceptions (08), insufficient resources (53), operator intervention (57), a read-only
// transaction (25006), and the drivers' own words for a lost connection or a closed PGlite.
const UNAVAILABLE_STATES = /^(08|53|57P0)|^25006$|^55000$/u;
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);
const UNAVAILABLE_MESSAGES =
  /connection terminated|connection is closed|pglite is closed|client has encountered a connection error|cannot use a pool after calling end|timeout exceeded when trying to connect/iu;

/**
 * True when `error` says the database is down, unreachable or read-only: the request cannot be served now and
 * should be answered with 503 `service_unavailable` (SECURITY.md F7), not as a bug of ours.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_CODES.has(code))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  return cause !== undefined && cause !== error && isDatabaseUnavailable(cause);
}

/** True when `error` is PostgreSQL's unique-violation (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
