import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, openPostgres, type Database } from '../../../src/index.ts';
import { createSchema, DATABASE_URL, type Backend } from '../../helpers/harness.ts';

/** Where a child server keeps its data, and a way for the test to look inside once the child is gone. */
export interface ChildStorage {
  readonly backend: Backend;
  /** The variables that point a child server at this storage. */
  readonly env: Record<string, string>;
  /** Opens the database in this process (PGlite: only while no child holds the directory). */
  open(): Promise<Database>;
  /** Removes the directory or drops the schema. */
  remove(): Promise<void>;
}

/** A fresh PGlite directory, or a fresh schema on `DATABASE_URL`, for child servers. */
export async function childStorage(backend: Backend): Promise<ChildStorage> {
  if (backend === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'wt-reliability-'));
    return {
      backend,
      env: { DATA_DIR: dir },
      open: () => openPglite(dir),
      remove() {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const { schema, drop } = await createSchema();
  return {
    backend,
    env: { DATABASE_URL: DATABASE_URL!, WT_TEST_DATABASE_SCHEMA: schema },
    open: () => openPostgres({ connectionString: DATABASE_URL!, schema, max: 2 }),
    remove: drop,
  };
}
