import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Connection, Database, Queryable, QueryResult } from './database.js';
import { lockDataDir } from './dir-lock.js';

/** The directory under `DATA_DIR` that PGlite owns. */
const PGDATA = 'pgdata';
/** Written once PGlite finished its first initialisation: without it, a non-empty pgdata is half-made. */
const READY_MARKER = 'initialised';

/** The data directory was left half-initialised by an interrupted first start. */
export class HalfInitialisedError extends Error {
  override readonly name = 'HalfInitialisedError';
  constructor(dir: string) {
    super(
      `DATA_DIR ${dir} is half-initialised: its first start was interrupted before the database was created. ` +
        `It holds no data yet; remove ${join(dir, PGDATA)} and start again.`,
    );
  }
}

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, [...params]);
      // PGlite reports affectedRows 0 for a SELECT; count what it returned then, as pg does.
      return { rows: result.rows, rowCount: Math.max(result.affectedRows ?? 0, result.rows.length) };
    },
  };
}

/**
 * Opens (or creates) the PGlite database in `dataDir` with full durability, after taking the directory lock.
 * A second process fails fast naming the holder; a stale lock of a dead process is taken over.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  const dir = resolve(dataDir);
  makeDirectory(dir);
  const release = lockDataDir(dir);
  try {
    const pgdata = join(dir, PGDATA);
    const marker = join(dir, READY_MARKER);
    const fresh = !existsSync(pgdata) || readdirSync(pgdata).length === 0;
    if (!fresh && !existsSync(marker)) throw new HalfInitialisedError(dir);
    const { PGlite } = await import('@electric-sql/pglite');
    // relaxedDurability stays false (the default): every commit is on disk before it is acknowledged.
    const pglite = await PGlite.create({ dataDir: pgdata, relaxedDurability: false });
    if (fresh) writeFileSync(marker, `${new Date().toISOString()}\n`);
    return pgliteDatabase(pglite, release);
  } catch (error) {
    release();
    throw error;
  }
}

/** Wraps an open PGlite (on disk or in memory) as a {@link Database}. */
export function pgliteDatabase(pglite: PGlite, release: () => void = () => {}): Database {
  let closed = false;
  const base = wrap(pglite);
  return {
    kind: 'pglite',
    query: (sql, params) => base.query(sql, params),
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    async withConnection(fn) {
      const connection: Connection = {
        query: (sql, params) => base.query(sql, params),
        async exec(sql) {
          await pglite.exec(sql);
        },
      };
      return fn(connection);
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await pglite.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * Creates `dir` and its missing parents, one level at a time. Node 20's `mkdirSync(…, { recursive: true })` spins
 * at full CPU forever when the file system answers ENOENT for a parent that exists (`DATA_DIR=/proc/nope`); one
 * level at a time, the same refusal becomes an error that names the directory.
 */
function makeDirectory(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeDirectory(parent);
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
