// docs/operators.md "Start-up errors": a server that cannot start says so in one line on stderr that names the
// variable to change and what to do, exits with code 1, never shows the password of DATABASE_URL (SECURITY.md L1:
// no secret in a log), and leaves nothing running that logs about a database it already closed.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { createServer } from '../../src/server.ts';
import { StartupError } from '../../src/startup-error.ts';
import { createSchema, DATABASE_URL, PG_SKIP, TEST_SECRET, type Backend } from '../helpers/harness.ts';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
/** A password that must appear in no message. */
const CANARY = 'pw-canary-5f0c9e';

interface Outcome {
  readonly code: number | null;
  readonly stderr: string[];
  readonly stdout: string[];
}

/** Runs the command on `env` (nothing else inherited but PATH) until it exits by itself. */
async function run(env: Record<string, string>): Promise<Outcome> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CLI], {
    env: { PATH: process.env.PATH ?? '', SECRET: TEST_SECRET, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
  return { code, stderr: lines(stderr), stdout: lines(stdout) };
}

/** Asserts exit code 1 and exactly one stderr line matching `expected`, without the canary anywhere. */
function assertOneLine(outcome: Outcome, expected: RegExp): void {
  assert.equal(outcome.code, 1, outcome.stderr.join('\n'));
  assert.equal(outcome.stderr.length, 1, `one line on stderr:\n${outcome.stderr.join('\n')}`);
  assert.match(outcome.stderr[0]!, expected);
  const everything = [...outcome.stderr, ...outcome.stdout].join('\n');
  assert.ok(!everything.includes(CANARY), `the password is shown:\n${everything}`);
  assert.deepEqual(
    outcome.stdout.filter((line) => line.includes('"level":"error"')),
    [],
    'no error is logged after the failure (the mail worker never started)',
  );
}

/** A port nothing listens on: bound once by the test and released. */
async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `DATABASE_URL` with the canary as password and `path` as database. */
function urlWithPassword(base: string, database?: string, user?: string): string {
  const url = new URL(base);
  if (user) url.username = user;
  url.password = CANARY;
  if (database) url.pathname = `/${database}`;
  return url.href;
}

describe('start-up errors name the variable', () => {
  it('DATABASE_URL on a port where nothing listens: "cannot connect", the address, what to check', async () => {
    const port = await closedPort();
    const outcome = await run({ DATABASE_URL: `postgres://onboarding:${CANARY}@127.0.0.1:${port}/onboarding` });
    assertOneLine(
      outcome,
      new RegExp(
        `^wt-onboarding-server: could not start: DATABASE_URL: cannot connect to 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)\\. Is PostgreSQL running and is the address right\\?$`,
      ),
    );
  });

  it('a DATABASE_URL that does not parse is a configuration error, shown with its password hidden', async () => {
    const outcome = await run({ DATABASE_URL: `postgres://onboarding:${CANARY}@[bad` });
    assertOneLine(
      outcome,
      /^wt-onboarding-server: configuration error: DATABASE_URL must be a PostgreSQL connection URL such as postgres:\/\/user:password@host:5432\/onboarding \(it does not parse as a URL\) \(got "postgres:\/\/onboarding:\*\*\*@\[bad"\)$/,
    );
  });

  it(
    'DATA_DIR where no directory can be made: one line naming it, instead of hanging at full CPU',
    { timeout: 60_000 },
    async () => {
      // /proc refuses mkdir with ENOENT; Node 20's recursive mkdir loops forever on that answer.
      const outcome = await run({ DATA_DIR: '/proc/wt-onboarding-data' });
      assertOneLine(
        outcome,
        /^wt-onboarding-server: could not start: DATA_DIR: cannot keep the database in \/proc\/wt-onboarding-data: .*ENOENT.*Choose a directory this user may write, or set DATABASE_URL\.$/,
      );
    },
  );

  it('HOST and DATABASE_URL are checked before anything starts', () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ HOST: 'http://0.0.0.0' }, 'HOST', /IP address or host name/],
      [{ HOST: '0.0.0.0:8787' }, 'HOST', /without brackets or port/],
      [{ HOST: '[::]' }, 'HOST', /without brackets/],
      [{ HOST: 'bad_host!' }, 'HOST', /such as 127\.0\.0\.1/],
      [{ DATABASE_URL: `mysql://root:${CANARY}@db/x` }, 'DATABASE_URL', /postgres:\/\/ or postgresql:\/\//],
      [{ DATABASE_URL: `postgres://u:${CANARY}@:5432/x` }, 'DATABASE_URL', /does not parse|host is missing/],
      [{ DATABASE_URL: `postgres://u:${CANARY}@db:99999/x` }, 'DATABASE_URL', /does not parse/],
    ];
    for (const [env, variable, expected] of cases) {
      let error: unknown;
      try {
        loadConfig(env);
      } catch (caught) {
        error = caught;
      }
      assert.ok(error instanceof ConfigError, `${JSON.stringify(env)} is refused`);
      assert.equal(error.variable, variable);
      assert.match(error.message, expected);
      assert.ok(!error.message.includes(CANARY), error.message);
    }
    for (const host of ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost', 'api.internal']) {
      assert.equal(loadConfig({ HOST: host }).host, host);
    }
    for (const url of ['postgres://u:p@db:5432/x', 'postgresql://db/x', 'postgres:///x?host=/var/run/postgresql']) {
      assert.equal(loadConfig({ DATABASE_URL: url }).databaseUrl, url);
    }
  });

  it('HOST that is no address of this machine: the variable, the address and which to use', async () => {
    const where = await storage(DATABASE_URL ? 'postgres' : 'pglite');
    try {
      // 192.0.2.1 is TEST-NET-1 (RFC 5737): on no machine, so binding fails without any traffic.
      const error = await createServer({
        env: { ...where.env, HOST: '192.0.2.1', PORT: '0', SECRET: TEST_SECRET },
        ...(where.schema ? { databaseSchema: where.schema } : {}),
        log: () => {},
      }).then(
        () => assert.fail('it started'),
        (caught: unknown) => caught,
      );
      assert.ok(error instanceof StartupError);
      assert.equal(error.variable, 'HOST');
      assert.equal(
        error.message,
        'HOST: 192.0.2.1 is not an address of this machine (EADDRNOTAVAIL). Use an address such as 127.0.0.1, 0.0.0.0 (every IPv4 interface) or :: (every interface).',
      );
    } finally {
      await where.remove();
    }
  });
});

/** The variables that put a server on `backend` (a fresh directory or schema), and a way to remove it. */
async function storage(
  backend: Backend,
): Promise<{ env: Record<string, string>; schema?: string; remove(): Promise<void> }> {
  if (backend === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'wt-startup-'));
    const remove = () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    };
    return { env: { DATA_DIR: dir }, remove };
  }
  const { schema, drop } = await createSchema();
  return { env: { DATABASE_URL: DATABASE_URL!, WT_TEST_DATABASE_SCHEMA: schema }, schema, remove: drop };
}

for (const backend of ['pglite', 'postgres'] as const) {
  const skip = backend === 'postgres' && !DATABASE_URL ? PG_SKIP : false;
  describe(`a PORT in use, on ${backend === 'pglite' ? 'PGlite' : 'PostgreSQL'}`, { skip }, () => {
    let holder: Server;
    let port: number;
    before(async () => {
      holder = createNetServer();
      await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
      port = (holder.address() as { port: number }).port;
    });
    after(() => new Promise((resolve) => holder.close(resolve)));

    it('says which port is taken, and the mail worker logs nothing about a closed database', async () => {
      const where = await storage(backend);
      try {
        // The worker polls every 10 ms here: started before listening, it would log within the shutdown.
        const outcome = await run({
          ...where.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          WT_TEST_OUTBOX: JSON.stringify({ pollMilliseconds: 10 }),
        });
        assertOneLine(
          outcome,
          new RegExp(
            `^wt-onboarding-server: could not start: PORT: 127\\.0\\.0\\.1:${port} is already in use \\(EADDRINUSE\\)\\. Stop the process that holds it, or choose another PORT\\.$`,
          ),
        );
        assert.deepEqual(
          outcome.stdout.filter((line) => /outbox_failed|cleanup_failed/.test(line)),
          [],
        );
      } finally {
        await where.remove();
      }
    });
  });
}

describe('DATABASE_URL refused by PostgreSQL', { skip: DATABASE_URL ? false : PG_SKIP }, () => {
  it('a database that does not exist: its name, and to create it; a user that does not exist: its name', async () => {
    const missing = await run({ DATABASE_URL: urlWithPassword(DATABASE_URL!, 'wt_no_such_database') });
    assertOneLine(
      missing,
      /^wt-onboarding-server: could not start: DATABASE_URL: the database "wt_no_such_database" does not exist on [^ ]+:\d+ \(3D000\)\. Create it \(createdb wt_no_such_database\) or correct the name\.$/,
    );
    const nobody = await run({ DATABASE_URL: urlWithPassword(DATABASE_URL!, undefined, 'wt_no_such_role') });
    assertOneLine(
      nobody,
      /^wt-onboarding-server: could not start: DATABASE_URL: PostgreSQL refused user "wt_no_such_role": .*\(28000\)\. Check the user name and pg_hba\.conf\.$/,
    );
  });
});
