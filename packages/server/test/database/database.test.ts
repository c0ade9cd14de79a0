import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  DataDirLockedError,
  HalfInitialisedError,
  migrate,
  openPglite,
  openPostgres,
  readMigrations,
} from '../../src/index.ts';
import { createSchema, DATABASE_URL, PG_SKIP } from '../helpers/harness.ts';

const PGLITE_MODULE = fileURLToPath(new URL('../../src/store/pglite.ts', import.meta.url));

const TABLES = [
  'accounts',
  'credentials',
  'sessions',
  'flows',
  'outbox',
  'rate_limits',
  'organisations',
  'eherkenning_identities',
  'memberships',
  'eherkenning_transactions',
  'invitations',
  'audit_log',
];

/** Starts a process that holds `dir` open until it is killed; resolves once it holds the lock. */
function holdDataDir(dir: string): Promise<ReturnType<typeof spawn>> {
  const script = `import { openPglite } from ${JSON.stringify(PGLITE_MODULE)};\nawait openPglite(${JSON.stringify(dir)});\nconsole.log('ready');\nsetInterval(() => {}, 1000);`;
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
}

describe('PGlite data directory', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'wt-pglite-'));
    dirs.push(dir);
    return dir;
  };
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('a second process fails fast naming the holder; a stale lock of a dead process is taken over', async () => {
    const dir = fresh();
    const holder = await holdDataDir(dir);
    try {
      const started = Date.now();
      await assert.rejects(openPglite(dir), (error: unknown) => {
        assert.ok(error instanceof DataDirLockedError);
        assert.match(error.message, new RegExp(`in use by process ${holder.pid} `));
        assert.match(error.message, /DATABASE_URL/);
        return true;
      });
      assert.ok(Date.now() - started < 5000, 'fails fast, before opening the database');
    } finally {
      const exited = new Promise((resolve) => holder.once('exit', resolve));
      holder.kill('SIGKILL');
      await exited;
    }
    assert.ok(existsSync(join(dir, 'server.lock')), 'the killed holder left its lock behind');
    const db = await openPglite(dir);
    try {
      assert.equal((JSON.parse(readFileSync(join(dir, 'server.lock'), 'utf8')) as { pid: number }).pid, process.pid);
      await migrate(db);
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts');
      assert.equal(rows[0]!.n, 0);
    } finally {
      await db.close();
    }
    assert.ok(!existsSync(join(dir, 'server.lock')), 'close releases the lock');
  });

  it('recognises a half-initialised directory and says what to do', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'pgdata'));
    writeFileSync(join(dir, 'pgdata', 'PG_VERSION'), '17\n');
    await assert.rejects(openPglite(dir), (error: unknown) => {
      assert.ok(error instanceof HalfInitialisedError);
      assert.match(error.message, /half-initialised/);
      assert.match(error.message, /remove .*pgdata/);
      return true;
    });
    assert.ok(!existsSync(join(dir, 'server.lock')), 'the lock is released after the refusal');
  });

  it('the migrations create every table once and are idempotent', async () => {
    const db = await openPglite(fresh());
    try {
      assert.deepEqual(
        await migrate(db),
        readMigrations().map((m) => m.version),
      );
      assert.deepEqual(await migrate(db), []);
      for (const table of TABLES) await db.query(`SELECT * FROM ${table} LIMIT 0`);
      // rowCount means the same on both adapters: rows returned by a SELECT, rows touched by a write.
      assert.equal((await db.query('SELECT 1 AS one UNION ALL SELECT 2')).rowCount, 2);
      await db.query('CREATE TEMP TABLE counted (n int)');
      assert.equal((await db.query('INSERT INTO counted VALUES (1), (2), (3)')).rowCount, 3);
      assert.equal((await db.query('UPDATE counted SET n = n + 1 WHERE n > 1')).rowCount, 2);
    } finally {
      await db.close();
    }
  });
});

describe('migrations on PostgreSQL', { skip: DATABASE_URL ? false : PG_SKIP }, () => {
  it('eight instances starting at once apply each migration exactly once (advisory lock)', async () => {
    const { schema, drop } = await createSchema();
    const dbs = await Promise.all(
      Array.from({ length: 8 }, () => openPostgres({ connectionString: DATABASE_URL!, schema, max: 2 })),
    );
    try {
      const applied = await Promise.all(dbs.map((db) => migrate(db)));
      assert.equal(applied.flat().length, readMigrations().length);
      const { rows } = await dbs[0]!.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      assert.equal(rows[0]!.n, readMigrations().length);
      for (const table of TABLES) await dbs[0]!.query(`SELECT * FROM ${table} LIMIT 0`);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
      await drop();
    }
  });
});
