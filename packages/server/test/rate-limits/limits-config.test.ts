// SECURITY.md R1: "the config schema has defaults and docs". Every limit has a default, an environment variable
// an operator can set, bounds that are checked (one line naming the variable), and a row in docs/operators.md.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  ConfigError,
  createServer,
  DEFAULT_CLEANUP_INTERVAL_SECONDS,
  DEFAULT_LIMITS,
  formatDuration,
  formatLimit,
  LIMIT_VARIABLES,
  loadConfig,
  type AntiAutomation,
  type Limits,
} from '../../src/index.ts';

const OPERATORS = readFileSync(fileURLToPath(new URL('../../../../docs/operators.md', import.meta.url)), 'utf8');

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error;
  }
  assert.fail('expected a ConfigError');
}

async function optionError(run: () => Promise<unknown>): Promise<ConfigError> {
  try {
    await run();
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error;
  }
  assert.fail('expected a ConfigError');
}

/** The default of a setting as docs/operators.md writes it. */
function shown(name: keyof Limits): string {
  const value = DEFAULT_LIMITS[name];
  return typeof value === 'number' ? formatDuration(value) : formatLimit(value);
}

describe('R1 limits configuration', () => {
  it('R1: without variables the limits are the documented defaults, with a maximum wait of 1 h', () => {
    const config = loadConfig({});
    assert.deepEqual(config.limits, DEFAULT_LIMITS);
    assert.equal(config.limits.maxWaitSeconds, 3600);
    assert.equal(config.limits.loginFailuresPerAddress.max, 100);
    assert.equal(config.cleanupIntervalSeconds, DEFAULT_CLEANUP_INTERVAL_SECONDS);
  });

  it('R1: docs/operators.md has a row for every limit with its variable and its default', () => {
    for (const [name, variable] of Object.entries(LIMIT_VARIABLES) as [keyof Limits, string][]) {
      const row = OPERATORS.split('\n').find((line) => line.startsWith(`| \`${variable}\``));
      assert.ok(row, `no row for ${variable}`);
      assert.ok(row.includes(`\`${shown(name)}\``), `${variable}: the row does not show the default ${shown(name)}`);
    }
    assert.match(OPERATORS, /\| `CLEANUP_INTERVAL` \| `10m` \|/);
  });

  it('R1: an operator sets limits and waits as <max>/<window> and durations', () => {
    const config = loadConfig({
      RATE_LIMIT_LOGINS_PER_CLIENT: '10/1m',
      RATE_LIMIT_MAILS_PER_ADDRESS: '5/900',
      RATE_LIMIT_INVITATIONS_PER_ADMINISTRATOR: '20/2h',
      RATE_LIMIT_MAX_WAIT: '30m',
      RATE_LIMIT_RESET_AFTER: '0',
      CLEANUP_INTERVAL: '0',
    });
    assert.deepEqual(config.limits.loginsPerClient, { max: 10, windowSeconds: 60 });
    assert.deepEqual(config.limits.mailsPerAddress, { max: 5, windowSeconds: 900 });
    assert.deepEqual(config.limits.invitationsPerAdministrator, { max: 20, windowSeconds: 7200 });
    assert.equal(config.limits.maxWaitSeconds, 1800);
    assert.equal(config.limits.resetAfterSeconds, 0);
    assert.equal(config.cleanupIntervalSeconds, 0);
    assert.deepEqual(config.limits.codeAttemptsPerClient, DEFAULT_LIMITS.codeAttemptsPerClient);
  });

  it('R1: a wrong value stops the start with one line naming the variable', () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ RATE_LIMIT_LOGINS_PER_CLIENT: '30' }, 'RATE_LIMIT_LOGINS_PER_CLIENT', /<max>\/<window> such as 30\/5m/],
      [{ RATE_LIMIT_LOGINS_PER_CLIENT: '0/5m' }, 'RATE_LIMIT_LOGINS_PER_CLIENT', /max must be at least 1/],
      [{ RATE_LIMIT_MAILS_PER_ADDRESS: '3/15d' }, 'RATE_LIMIT_MAILS_PER_ADDRESS', /window in s, m or h/],
      [{ RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS: '101/1h' }, 'RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS', /at most 100.*R2/],
      [{ RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS: '100/1m' }, 'RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS', /at least 1 h/],
      [{ RATE_LIMIT_MAX_WAIT: 'forever' }, 'RATE_LIMIT_MAX_WAIT', /duration such as 1h/],
      [{ RATE_LIMIT_MAX_WAIT: '0' }, 'RATE_LIMIT_MAX_WAIT', /duration/],
      [{ RATE_LIMIT_RESET_AFTER: '200h' }, 'RATE_LIMIT_RESET_AFTER', /at most 7 days/],
      [{ CLEANUP_INTERVAL: '2d' }, 'CLEANUP_INTERVAL', /at most 24h/],
    ];
    for (const [env, variable, expected] of cases) {
      const error = configError(() => loadConfig(env));
      assert.equal(error.variable, variable);
      assert.match(error.message, expected);
      assert.ok(!error.message.includes('\n'), 'one line');
    }
  });

  it('R1: createServer checks its limits option against the same bounds, before it opens anything', async () => {
    const bad: [Partial<Limits>, RegExp][] = [
      [{ loginsPerClient: { max: 0, windowSeconds: 60 } }, /options\.limits\.loginsPerClient\.max must be at least 1/],
      [
        { loginFailuresPerAddress: { max: 500, windowSeconds: 3600 } },
        /loginFailuresPerAddress\.max must be at most 100/,
      ],
      [{ maxWaitSeconds: 1.5 }, /maxWaitSeconds must be whole seconds/],
      [{ loginsPerClient: { max: 3 } as never }, /loginsPerClient\.windowSeconds/],
      [{ loginsPerKlant: { max: 3, windowSeconds: 60 } } as never, /loginsPerKlant is not a limit/],
    ];
    for (const [limits, expected] of bad) {
      const error = await optionError(() => createServer({ env: {}, limits, listen: false }));
      assert.match(error.message, expected);
    }
  });

  it('R5: createServer refuses an anti-automation hook without a verify function', async () => {
    const error = await optionError(() =>
      createServer({ env: {}, antiAutomation: { check: () => true } as unknown as AntiAutomation, listen: false }),
    );
    assert.match(error.message, /options\.antiAutomation must be \{ verify\(request\) \}/);
  });
});
