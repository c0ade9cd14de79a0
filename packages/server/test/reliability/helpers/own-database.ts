import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DATABASE_URL } from '../../helpers/harness.ts';

/**
 * A PostgreSQL database of its own (`wt_reliability_<random>`) on the server of `DATABASE_URL`, so a test can make
 * it read-only or refuse connections without touching the shared `test` database. Dropped by {@link drop}.
 */
export class OwnDatabase {
  readonly name: string;
  readonly url: string;
  readonly #admin: pg.Client;

  private constructor(name: string, url: string, admin: pg.Client) {
    this.name = name;
    this.url = url;
    this.#admin = admin;
  }

  static async create(): Promise<OwnDatabase> {
    const name = `wt_reliability_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(DATABASE_URL!);
    url.pathname = `/${name}`;
    return new OwnDatabase(name, url.href, admin);
  }

  /** Ends every connection to the database but the admin's: the server's pool loses all of its clients. */
  async terminateConnections(): Promise<number> {
    const { rowCount } = await this.#admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [this.name],
    );
    return rowCount ?? 0;
  }

  /** The database goes away: open connections are ended and new ones refused. */
  async goDown(): Promise<void> {
    await this.#admin.query(`ALTER DATABASE ${this.name} ALLOW_CONNECTIONS false`);
    await this.terminateConnections();
  }

  /** The database accepts connections again. */
  async comeBack(): Promise<void> {
    await this.#admin.query(`ALTER DATABASE ${this.name} ALLOW_CONNECTIONS true`);
  }

  /** Every new transaction is read-only (as on a hot standby after a failover); open connections are ended. */
  async readOnly(on: boolean): Promise<void> {
    await this.#admin.query(
      on
        ? `ALTER DATABASE ${this.name} SET default_transaction_read_only = on`
        : `ALTER DATABASE ${this.name} RESET default_transaction_read_only`,
    );
    await this.terminateConnections();
  }

  async drop(): Promise<void> {
    await this.#admin.query(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`);
    await this.#admin.end();
  }
}
