import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../src/config.ts';
import { openPglite } from '../../src/store/pglite.ts';
import { TEST_HARNESS_FLAG, testingCliOptions } from '../../src/testing/cli-options.ts';
import { Client, randomIp } from '../helpers/client.ts';
import { GOOD_PASSWORD, TEST_SECRET, uniqueEmail } from '../helpers/harness.ts';
import { SmtpSink } from '../helpers/smtp-sink.ts';
import { ChildServer, waitFor } from '../reliability/helpers/child-server.ts';

// The WT_TEST_* variables weaken the server (a cheap password hash, no mail). A staging machine with one of them
// set and no NODE_ENV=production must still run as production does; only the test harness opts in, and then
// the log says so at start-up.

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

/** Every test-only variable, set as a careless staging machine might have them. */
const STRAY = {
  WT_TEST_SCRYPT_LN: '10',
  WT_TEST_DATABASE_SCHEMA: 'stray_schema',
  WT_TEST_MAIL_WORKER: 'off',
  WT_TEST_OUTBOX: '{"pollMilliseconds":100}',
};

type LogRecord = Record<string, unknown> & { event: string };

describe('the test-only variables of the CLI', () => {
  it('are ignored without --test-harness, and with it under NODE_ENV=production, whatever their value', () => {
    for (const [argv, env] of [
      [[], { ...STRAY, WT_TEST_OUTBOX: '{x' }],
      [[TEST_HARNESS_FLAG], { ...STRAY, NODE_ENV: 'production' }],
      // The configuration trims NODE_ENV, so this process runs as production: the test variables must not apply.
      [[TEST_HARNESS_FLAG], { ...STRAY, NODE_ENV: ' production\n' }],
    ] as const) {
      // A stray crash injection point (F5) must not kill a staging process either.
      const settings = testingCliOptions(argv, { ...env, WT_FAULT_POINT: 'account-inserted' });
      assert.deepEqual(settings.options, {});
      assert.equal(settings.faultPoint, undefined);
      assert.deepEqual(settings.honoured, []);
      assert.deepEqual(
        settings.ignored.map((entry) => entry.variable).sort(),
        [...Object.keys(STRAY), 'WT_FAULT_POINT'].sort(),
      );
    }
  });

  it('with --test-harness they become server options', () => {
    const settings = testingCliOptions([TEST_HARNESS_FLAG], { ...STRAY, NODE_ENV: 'test' });
    assert.deepEqual(settings.options, {
      scrypt: { ln: 10, r: 8, p: 1 },
      databaseSchema: 'stray_schema',
      mailWorker: false,
      outbox: { pollMilliseconds: 100 },
    });
    assert.deepEqual(
      settings.honoured.map((entry) => [entry.variable, entry.value]),
      Object.entries(STRAY),
    );
    const armed = testingCliOptions([TEST_HARNESS_FLAG], { WT_FAULT_POINT: 'code-committed', NODE_ENV: 'test' });
    assert.equal(armed.faultPoint, 'code-committed');
  });

  it('a value that is not valid names its variable', () => {
    for (const [variable, value] of [
      ['WT_TEST_OUTBOX', '{x'],
      ['WT_TEST_OUTBOX', '[1]'],
      ['WT_TEST_OUTBOX', '{"pollMiliseconds":100}'],
      ['WT_TEST_OUTBOX', '{"pollMilliseconds":-1}'],
      ['WT_TEST_SCRYPT_LN', 'abc'],
      ['WT_TEST_SCRYPT_LN', '0'],
      ['WT_TEST_DATABASE_SCHEMA', 'Robert"); DROP'],
      ['WT_TEST_MAIL_WORKER', 'of'],
      ['WT_FAULT_POINT', 'account-inserte'],
    ] as const) {
      assert.throws(
        () => testingCliOptions([TEST_HARNESS_FLAG], { [variable]: value }),
        (error: unknown) =>
          error instanceof ConfigError && error.variable === variable && error.message.startsWith(variable),
        `${variable}=${value}`,
      );
    }
  });

  it('the command stops on a bad value with one line naming the variable and exit code 1', () => {
    const result = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', CLI, TEST_HARNESS_FLAG], {
      env: { PATH: process.env.PATH ?? '', WT_TEST_OUTBOX: '{x' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(result.status, 1);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0]!, /^wt-onboarding-server: configuration error: WT_TEST_OUTBOX is not JSON/);
  });
});

describe('the real command with test-only variables set', () => {
  let smtp: SmtpSink;
  const dirs: string[] = [];
  const children: ChildServer[] = [];

  before(async () => {
    smtp = await new SmtpSink().start();
  });
  after(async () => {
    for (const child of children) await child.kill('SIGKILL');
    await smtp.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** Starts the CLI on a fresh PGlite directory. */
  async function start(env: Record<string, string>, testHarness: boolean) {
    const dir = mkdtempSync(join(tmpdir(), 'wt-cli-settings-'));
    dirs.push(dir);
    const child = await ChildServer.start({
      testHarness,
      env: {
        DATA_DIR: dir,
        PUBLIC_URL: 'http://localhost:8787',
        ALLOWED_ORIGINS: 'http://localhost:5173',
        TRUSTED_PROXIES: '127.0.0.1,::1',
        SECRET: TEST_SECRET,
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Wij Techniek <noreply@wij-techniek.test>',
        ...env,
      },
    });
    children.push(child);
    return { child, dir };
  }

  /** Signs up through the child (the code comes by mail, so the worker must run) and returns the stored hash. */
  async function signUpAndReadHash(child: ChildServer, dir: string): Promise<string> {
    const client = new Client(child.url, randomIp());
    const email = uniqueEmail('cli');
    assert.equal((await client.post('/signup/email', { email })).status, 202);
    await waitFor(() => smtp.to(email).length > 0, `the mail to ${email}`);
    assert.equal((await client.post('/signup/code', { code: smtp.codeFor(email) })).status, 200);
    const created = await client.post('/signup/account', {
      password: GOOD_PASSWORD,
      firstName: 'Anna',
      lastName: 'Jansen',
    });
    assert.equal(created.status, 201, created.text);
    assert.equal((await child.kill('SIGTERM')).code, 0);
    const db = await openPglite(dir);
    try {
      const { rows } = await db.query<{ hash: string }>('SELECT password_hash AS hash FROM credentials');
      assert.equal(rows.length, 1);
      return rows[0]!.hash;
    } finally {
      await db.close();
    }
  }

  const records = (child: ChildServer) =>
    child.logs.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as LogRecord);

  it('a start without NODE_ENV=production or --test-harness (a careless staging machine) ignores every one, says so, and hashes and mails as production does', async () => {
    const { child, dir } = await start({ ...STRAY }, false);
    const ignored = records(child).filter((record) => record.event === 'test_setting_ignored');
    assert.deepEqual(ignored.map((record) => record.variable).sort(), Object.keys(STRAY).sort());
    for (const record of ignored) {
      assert.equal(record.level, 'warn');
      assert.match(String(record.reason), /--test-harness/);
    }
    assert.ok(!records(child).some((record) => record.event === 'test_setting_active'));
    // The mail came although WT_TEST_MAIL_WORKER=off, and the hash has the full cost although WT_TEST_SCRYPT_LN=10.
    assert.match(await signUpAndReadHash(child, dir), /^\$scrypt\$ln=17,/);
  });

  it('the test harness opts in with --test-harness, and each honoured variable is named in a warning', async () => {
    const env = { WT_TEST_SCRYPT_LN: '10', WT_TEST_OUTBOX: '{"pollMilliseconds":100}' };
    const { child, dir } = await start(env, true);
    const active = records(child).filter((record) => record.event === 'test_setting_active');
    assert.deepEqual(
      active.map((record) => [record.level, record.variable, record.value]),
      [
        ['warn', 'WT_TEST_SCRYPT_LN', '10'],
        ['warn', 'WT_TEST_OUTBOX', '{"pollMilliseconds":100}'],
      ],
    );
    assert.match(String(active[0]!.effect), /password hash/);
    assert.match(await signUpAndReadHash(child, dir), /^\$scrypt\$ln=10,/);
  });
});
