import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCliToExit } from '../helpers/cli.ts';
import { configFailure } from '../helpers/config.ts';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError, createServer, DEFAULT_OUTBOX_RETENTION_SECONDS, loadConfig } from '../../src/index.ts';

const PRODUCTION = {
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://www.wij-techniek.nl',
  ALLOWED_ORIGINS: 'https://www.wij-techniek.nl',
  SECRET: 'a-production-secret-of-sufficient-length-123456',
  SMTP_URL: 'smtp://mail.wij-techniek.nl:587',
  MAIL_FROM: 'Wij Techniek <noreply@wij-techniek.nl>',
  EHERKENNING_ISSUER: 'https://broker.example',
  EHERKENNING_CLIENT_ID: 'wij-techniek',
  EHERKENNING_CLIENT_SECRET: 'broker-secret',
};

describe('configuration', () => {
  it('has the documented defaults outside production', () => {
    const config = loadConfig({});
    assert.equal(config.port, 8787);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.publicUrl, 'http://localhost:8787');
    assert.deepEqual(config.allowedOrigins, ['http://localhost:5173']);
    assert.equal(config.appUrl, 'http://localhost:5173/');
    assert.equal(config.dataDir, '.data/');
    assert.equal(config.passwordPolicy, 'business');
    assert.equal(config.sessionIdleMinutes, 30);
    assert.equal(config.sessionMaxHours, 12);
    assert.equal(config.secretIsDevDefault, true);
    assert.equal(config.secureCookies, false);
    assert.deepEqual(config.trustedProxies, []);
  });

  it('names the wrong variable and what it expects', () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ PORT: 'abc' }, 'PORT', /port number/],
      [{ PORT: '70000' }, 'PORT', /0 to 65535/],
      [{ PUBLIC_URL: 'localhost' }, 'PUBLIC_URL', /http\(s\) URL/],
      [{ ALLOWED_ORIGINS: 'http://a.test/path' }, 'ALLOWED_ORIGINS', /without a path/],
      [{ TRUSTED_PROXIES: '10.0.0.1,nonsense' }, 'TRUSTED_PROXIES', /IP addresses or CIDR/],
      [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL', /postgres/],
      [{ SMTP_URL: 'http://mail' }, 'SMTP_URL', /smtp/],
      [{ SECRET: 'short' }, 'SECRET', /at least 32/],
      [{ PASSWORD_POLICY: 'strict' }, 'PASSWORD_POLICY', /business, standards/],
      [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES', /minutes/],
      [{ SESSION_MAX_HOURS: '1.5' }, 'SESSION_MAX_HOURS', /hours/],
    ];
    for (const [env, variable, expected] of cases) {
      const error = configFailure(env);
      assert.equal(error.variable, variable);
      assert.match(error.message, new RegExp(`^${variable} `));
      assert.match(error.message, expected);
      assert.doesNotMatch(error.message, /\n/);
    }
  });

  it('C5: RATE_LIMIT_CODE_FAILURES_PER_ADDRESS is 100/1h unless set, and never more than 100 wrong codes an hour', async () => {
    assert.deepEqual(loadConfig({}).limits.codeFailuresPerAddress, { max: 100, windowSeconds: 3600 });
    for (const [value, limit] of [
      ['50/2h', { max: 50, windowSeconds: 7200 }],
      ['100/3600', { max: 100, windowSeconds: 3600 }],
      ['1/60m', { max: 1, windowSeconds: 3600 }],
    ] as const) {
      assert.deepEqual(
        loadConfig({ RATE_LIMIT_CODE_FAILURES_PER_ADDRESS: value }).limits.codeFailuresPerAddress,
        limit,
      );
    }
    for (const [value, expected] of [
      ['101/1h', /max must be at most 100 \(SECURITY\.md C5\)/],
      ['1000000/1h', /max must be at most 100/],
      ['100/59m', /windowSeconds must be at least 1 h/],
      ['0/1h', /max must be at least 1/],
      ['100/8d', /window in s, m or h/],
      ['100', /<max>\/<window> such as 100\/1h/],
    ] as const) {
      const error = configFailure({ RATE_LIMIT_CODE_FAILURES_PER_ADDRESS: value });
      assert.equal(error.variable, 'RATE_LIMIT_CODE_FAILURES_PER_ADDRESS', value);
      assert.match(error.message, /^RATE_LIMIT_CODE_FAILURES_PER_ADDRESS /, value);
      assert.match(error.message, expected, value);
      assert.doesNotMatch(error.message, /\n/);
    }
    await assert.rejects(
      createServer({ env: {}, listen: false, limits: { codeFailuresPerAddress: { max: 500, windowSeconds: 3600 } } }),
      (error: unknown) =>
        error instanceof ConfigError && /codeFailuresPerAddress\.max must be at most 100/.test(error.message),
    );
  });

  it('OUTBOX_RETENTION: 30 days unless set as days, hours, minutes or seconds; a wrong value says what to write', async () => {
    assert.equal(loadConfig({}).outboxRetentionSeconds, DEFAULT_OUTBOX_RETENTION_SECONDS);
    assert.equal(DEFAULT_OUTBOX_RETENTION_SECONDS, 30 * 24 * 3600);
    const accepted: [string, number][] = [
      ['7d', 7 * 24 * 3600],
      ['720h', 720 * 3600],
      ['90m', 90 * 60],
      ['3600', 3600],
      ['365d', 365 * 24 * 3600],
    ];
    for (const [value, seconds] of accepted) {
      assert.equal(loadConfig({ OUTBOX_RETENTION: value }).outboxRetentionSeconds, seconds, value);
    }
    for (const value of ['30 days', '0', '59m', '366d', '-1d', '1.5d', '30D', 'forever']) {
      const error = configFailure({ OUTBOX_RETENTION: value });
      assert.equal(error.variable, 'OUTBOX_RETENTION');
      assert.equal(
        error.message,
        `OUTBOX_RETENTION must be a duration from 1h to 365d such as 30d, 14d or 720h (default 30d) (got ${JSON.stringify(value)})`,
      );
    }
    await assert.rejects(
      createServer({ env: {}, listen: false, cleanup: { outboxRetentionSeconds: 60 } }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.variable === 'options.cleanup' &&
        /outboxRetentionSeconds/.test(error.message),
    );
    const operators = readFileSync(new URL('../../../../docs/operators.md', import.meta.url), 'utf8');
    assert.match(operators, /\| `OUTBOX_RETENTION` \| `30d` \|/, 'docs/operators.md lists it with its default');
  });

  it('SHUTDOWN_GRACE: 10 s unless set as a duration up to 10m; 0 cuts at once; a wrong value says what to write', () => {
    assert.equal(loadConfig({}).shutdownGraceSeconds, 10);
    for (const [value, seconds] of [
      ['0', 0],
      ['30', 30],
      ['45s', 45],
      ['2m', 120],
      ['10m', 600],
    ] as const) {
      assert.equal(loadConfig({ SHUTDOWN_GRACE: value }).shutdownGraceSeconds, seconds, value);
    }
    for (const value of ['11m', '1h', '-1', '1.5s', 'soon', '10 s']) {
      const error = configFailure({ SHUTDOWN_GRACE: value });
      assert.equal(error.variable, 'SHUTDOWN_GRACE');
      assert.match(error.message, /^SHUTDOWN_GRACE must be a duration of at most 10m such as 10s/);
    }
    const operators = readFileSync(new URL('../../../../docs/operators.md', import.meta.url), 'utf8');
    assert.match(operators, /\| `SHUTDOWN_GRACE` \| `10s` \|/, 'docs/operators.md lists it with its default');
  });

  it('SHUTDOWN_DRAIN: 5 s unless set as a duration up to 10m; 0 stops accepting at once; a wrong value says what to write', () => {
    assert.equal(loadConfig({}).shutdownDrainSeconds, 5);
    for (const [value, seconds] of [
      ['0', 0],
      ['15', 15],
      ['3s', 3],
      ['1m', 60],
      ['10m', 600],
    ] as const) {
      assert.equal(loadConfig({ SHUTDOWN_DRAIN: value }).shutdownDrainSeconds, seconds, value);
    }
    for (const value of ['11m', '1h', '-1', '0.5s', 'soon', '5 s', '5ms']) {
      const error = configFailure({ SHUTDOWN_DRAIN: value });
      assert.equal(error.variable, 'SHUTDOWN_DRAIN');
      assert.equal(
        error.message,
        `SHUTDOWN_DRAIN must be a duration of at most 10m such as 5s, 15 or 1m (0 stops accepting connections at once; default 5s) (got ${JSON.stringify(value)})`,
      );
    }
    const operators = readFileSync(new URL('../../../../docs/operators.md', import.meta.url), 'utf8');
    assert.match(operators, /\| `SHUTDOWN_DRAIN` \| `5s` \|/, 'docs/operators.md lists it with its default');
  });

  it('DATABASE_CONNECT_TIMEOUT and DATABASE_STATEMENT_TIMEOUT: 5 s and 10 s unless set; never 0 (no limit), never beyond their bound', () => {
    const defaults = loadConfig({});
    assert.equal(defaults.databaseConnectTimeoutSeconds, 5);
    assert.equal(defaults.databaseStatementTimeoutSeconds, 10);
    for (const [value, seconds] of [
      ['1', 1],
      ['2s', 2],
      ['1m', 60],
    ] as const) {
      assert.equal(loadConfig({ DATABASE_CONNECT_TIMEOUT: value }).databaseConnectTimeoutSeconds, seconds, value);
    }
    for (const [value, seconds] of [
      ['1s', 1],
      ['30', 30],
      ['10m', 600],
    ] as const) {
      assert.equal(loadConfig({ DATABASE_STATEMENT_TIMEOUT: value }).databaseStatementTimeoutSeconds, seconds, value);
    }
    const refused: [string, string, string][] = [
      ['DATABASE_CONNECT_TIMEOUT', '0', 'from 1s to 1m such as 5s, 30 or 1m (default 5s; PostgreSQL only)'],
      ['DATABASE_CONNECT_TIMEOUT', '2m', 'from 1s to 1m such as 5s, 30 or 1m (default 5s; PostgreSQL only)'],
      ['DATABASE_CONNECT_TIMEOUT', '500ms', 'from 1s to 1m such as 5s, 30 or 1m (default 5s; PostgreSQL only)'],
      ['DATABASE_STATEMENT_TIMEOUT', '0', 'from 1s to 10m such as 10s, 30 or 1m (default 10s; PostgreSQL only)'],
      ['DATABASE_STATEMENT_TIMEOUT', '11m', 'from 1s to 10m such as 10s, 30 or 1m (default 10s; PostgreSQL only)'],
      ['DATABASE_STATEMENT_TIMEOUT', '1.5s', 'from 1s to 10m such as 10s, 30 or 1m (default 10s; PostgreSQL only)'],
      ['DATABASE_STATEMENT_TIMEOUT', 'none', 'from 1s to 10m such as 10s, 30 or 1m (default 10s; PostgreSQL only)'],
    ];
    for (const [variable, value, expected] of refused) {
      const error = configFailure({ [variable]: value });
      assert.equal(error.variable, variable);
      assert.equal(error.message, `${variable} must be a duration ${expected} (got ${JSON.stringify(value)})`);
    }
    const operators = readFileSync(new URL('../../../../docs/operators.md', import.meta.url), 'utf8');
    assert.match(operators, /\| `DATABASE_CONNECT_TIMEOUT` \| `5s` \|/, 'docs/operators.md lists it with its default');
    assert.match(
      operators,
      /\| `DATABASE_STATEMENT_TIMEOUT` \| `10s` \|/,
      'docs/operators.md lists it with its default',
    );
  });

  it('production refuses a SECRET that is long enough but made by hand, and says how to generate one', () => {
    for (const secret of [
      'a'.repeat(36),
      'ab'.repeat(18),
      'changeme'.repeat(4),
      'abcdefgh'.repeat(4),
      'Wij-Techniek-2024!'.repeat(2),
      'abcd'.repeat(9),
    ]) {
      const error = configFailure({ ...PRODUCTION, SECRET: secret });
      assert.equal(error.variable, 'SECRET');
      assert.match(error.message, /^SECRET must be random when NODE_ENV=production/);
      assert.match(error.message, /openssl rand -base64 48$/);
      assert.ok(!error.message.includes(secret), 'the secret itself is never shown');
    }
    // What the generators give passes, also the shortest and least varied (32 hex digits is 128 bits).
    const generated = [
      randomBytes(48).toString('base64'),
      randomBytes(16).toString('hex'),
      randomBytes(32).toString('hex'),
      randomBytes(24).toString('base64url'),
    ];
    for (const secret of generated) assert.equal(loadConfig({ ...PRODUCTION, SECRET: secret }).secret, secret);
    // Outside production any long value is accepted (tests and development).
    assert.equal(loadConfig({ SECRET: 'a'.repeat(36) }).secret, 'a'.repeat(36));
  });

  it('MAIL_FROM is one sender, with or without a name', () => {
    for (const sender of [
      'noreply@wij-techniek.nl',
      '<noreply@wij-techniek.nl>',
      'Wij Techniek <noreply@wij-techniek.nl>',
      '"Wij Techniek, onboarding" <noreply@wij-techniek.nl>',
    ]) {
      assert.equal(loadConfig({ MAIL_FROM: sender }).mailFrom, sender);
    }
    for (const sender of [
      'a@b.c d@e.f',
      'a@b.c, d@e.f',
      'Wij Techniek <a@b.nl> <c@d.nl>',
      'a@b.nl <c@d.nl>',
      'Wij Techniek',
      'noreply@',
      'Wij Techniek noreply@wij-techniek.nl',
      '<noreply@wij-techniek.nl',
    ]) {
      const error = configFailure({ MAIL_FROM: sender });
      assert.equal(error.variable, 'MAIL_FROM', sender);
      assert.match(error.message, /^MAIL_FROM must be one sender address, with or without a name/);
    }
  });

  it('SESSION_IDLE_MINUTES may not be longer than SESSION_MAX_HOURS', () => {
    const error = configFailure({ SESSION_IDLE_MINUTES: '1440', SESSION_MAX_HOURS: '1' });
    assert.equal(error.variable, 'SESSION_IDLE_MINUTES');
    assert.equal(
      error.message,
      'SESSION_IDLE_MINUTES must not be longer than SESSION_MAX_HOURS (1 h = 60 minutes): lower it, or raise SESSION_MAX_HOURS (got "1440")',
    );
    assert.equal(loadConfig({ SESSION_IDLE_MINUTES: '60', SESSION_MAX_HOURS: '1' }).sessionIdleMinutes, 60);
  });

  it('an embedding that takes SMTP_URL away again in production is refused, not sent to a mailbox that sends nothing', async () => {
    await assert.rejects(
      createServer({ env: PRODUCTION, config: { smtpUrl: undefined }, listen: false }),
      (error: unknown) => error instanceof ConfigError && error.variable === 'options.config.smtpUrl',
    );
  });

  it('production refuses dev defaults: SECRET, SMTP_URL, https PUBLIC_URL and the broker are required', () => {
    assert.equal(loadConfig(PRODUCTION).secureCookies, true);
    for (const variable of ['SECRET', 'SMTP_URL', 'MAIL_FROM', 'PUBLIC_URL', 'ALLOWED_ORIGINS', 'EHERKENNING_ISSUER']) {
      const env: Record<string, string> = { ...PRODUCTION };
      delete env[variable];
      const error = configFailure(env);
      assert.equal(error.variable, variable);
      assert.match(error.message, /required when NODE_ENV=production/);
    }
    assert.equal(configFailure({ ...PRODUCTION, PUBLIC_URL: 'http://www.wij-techniek.nl' }).variable, 'PUBLIC_URL');
  });

  it('the command stops with one line naming the variable and exit code 1', () => {
    const result = runCliToExit({ PORT: 'not-a-port' });
    assert.equal(result.status, 1);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0]!, /^wt-onboarding-server: configuration error: PORT must be a port number/);
  });

  it('a PostgreSQL timeout of 0 stops the command with one line naming it, before any connection is tried', () => {
    // Port 9 (discard) on a TEST-NET address: the check must come first, or the start would wait for a connection.
    const result = runCliToExit({ DATABASE_URL: 'postgres://u@192.0.2.1:9/x', DATABASE_STATEMENT_TIMEOUT: '0' });
    assert.equal(result.status, 1);
    assert.equal(
      result.stderr,
      'wt-onboarding-server: configuration error: DATABASE_STATEMENT_TIMEOUT must be a duration from 1s to 10m such as 10s, 30 or 1m (default 10s; PostgreSQL only) (got "0")\n',
    );
  });

  it('the bin imports the built CLI', async () => {
    const { readFile } = await import('node:fs/promises');
    const bin = await readFile(new URL('../../bin/wt-onboarding-server.js', import.meta.url), 'utf8');
    assert.match(bin, /^#!\/usr\/bin\/env node/);
    assert.match(bin, /import '\.\.\/dist\/cli\.js'/);
  });
});
