import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

/** Where the SQL migrations live: `packages/server/migrations`, beside both `src/` and `dist/`. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

// Any constant works as long as every instance uses the same one; this is "wtonboar" in ASCII.
const MIGRATION_LOCK_KEY = '8607196545153311090';

/** One migration file: `NNNN_name.sql`. */
export interface Migration {
  readonly version: string;
  readonly name: string;
  readonly sql: string;
}

/** The migrations in `dir`, ordered by their number. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^[0-9]{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: file.slice(0, 4),
      name: file.slice(5, -4),
      sql: readFileSync(`${dir}/${file}`, 'utf8'),
    }));
}

/**
 * Applies the migrations not yet applied, each in its own transaction, while holding a PostgreSQL advisory
 * lock: instances that start at the same time wait for each other, and each migration runs exactly once.
 * Returns the versions this call applied.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = readMigrations()): Promise<string[]> {
  return db.withConnection(async (connection) => {
    await connection.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    try {
      await connection.exec(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version text PRIMARY KEY,
           name text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      const { rows } = await connection.query<{ version: string }>('SELECT version FROM schema_migrations');
      const applied = new Set(rows.map((row) => row.version));
      const done: string[] = [];
      for (const migration of migrations) {
        if (applied.has(migration.version)) continue;
        // The script and its bookkeeping commit together: a crash leaves the migration wholly unapplied.
        await connection.exec(
          `BEGIN;\n${migration.sql}\n;INSERT INTO schema_migrations (version, name) VALUES ('${migration.version}', '${migration.name}');\nCOMMIT;`,
        );
        done.push(migration.version);
      }
      return done;
    } catch (error) {
      await connection.exec('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      await connection.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]);
    }
  });
}
