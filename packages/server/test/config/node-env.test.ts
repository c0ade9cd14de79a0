// NODE_ENV=prod (anything but "production") ran in development mode without a word: the dev mailbox on, a weak
// SECRET and insecure cookies allowed. A value outside production, development and test now stops the start.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCliToExit } from '../helpers/cli.ts';
import { ConfigError, loadConfig } from '../../src/index.ts';

describe('NODE_ENV', () => {
  it('refuses any value but production, development or test, naming the allowed ones', () => {
    for (const value of ['prod', 'Production', 'staging', 'dev']) {
      assert.throws(
        () => loadConfig({ NODE_ENV: value }),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.variable === 'NODE_ENV' &&
          error.message ===
            `NODE_ENV must be one of: production, development, test (or unset, which is development); a staging or acceptance server runs as production (got "${value}")`,
        value,
      );
    }
  });

  it('development, test, empty and unset run outside production; production is production', () => {
    for (const value of ['development', 'test', '', ' '])
      assert.equal(loadConfig({ NODE_ENV: value }).production, false);
    assert.equal(loadConfig({}).production, false);
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /required when NODE_ENV=production/);
  });

  it('the command stops with one line and exit code 1 instead of starting with the dev mailbox', () => {
    const result = runCliToExit({ NODE_ENV: 'prod', PORT: '0' });
    assert.equal(result.status, 1);
    assert.equal(
      result.stderr,
      'wt-onboarding-server: configuration error: NODE_ENV must be one of: production, development, test (or unset, which is development); a staging or acceptance server runs as production (got "prod")\n',
    );
    assert.doesNotMatch(result.stdout, /dev_secret|listening/);
  });
});
