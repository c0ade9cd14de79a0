// A mistyped name of one of the server's own variables stopped nothing: RATE_LIMIT_LOGIN_PER_CLIENT=1/1m (LOGIN for
// LOGINS) started the server with the default limit. Under the prefixes that are only ours it is now refused like a
// wrong value, naming the nearest known name; under prefixes that platforms and other programs use too, nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCliToExit } from '../helpers/cli.ts';
import { configFailure } from '../helpers/config.ts';
import { LIMIT_VARIABLES, loadConfig } from '../../src/index.ts';

describe('variable names', () => {
  it('R1: a mistyped RATE_LIMIT_ name is refused with the name it most likely meant', () => {
    const error = configFailure({ RATE_LIMIT_LOGIN_PER_CLIENT: '1/1m' });
    assert.equal(error.variable, 'RATE_LIMIT_LOGIN_PER_CLIENT');
    assert.equal(
      error.message,
      'RATE_LIMIT_LOGIN_PER_CLIENT is not a setting of this server: did you mean RATE_LIMIT_LOGINS_PER_CLIENT?',
    );
    assert.match(configFailure({ RATE_LIMIT_MAX_WIAT: '1h' }).message, /did you mean RATE_LIMIT_MAX_WAIT\?$/);
    assert.match(
      configFailure({ RATE_LIMIT_MAILS_PER_ADRESS: '3/1h' }).message,
      /did you mean RATE_LIMIT_MAILS_PER_ADDRESS\?$/,
    );
  });

  it('a RATE_LIMIT_ name near none of ours lists the ones there are', () => {
    const error = configFailure({ RATE_LIMIT_FOO: '1/1m' });
    assert.equal(error.variable, 'RATE_LIMIT_FOO');
    assert.match(
      error.message,
      /^RATE_LIMIT_FOO is not a setting of this server; the ones it knows with this prefix are: /,
    );
    for (const name of Object.values(LIMIT_VARIABLES)) assert.ok(error.message.includes(name), name);
    assert.doesNotMatch(error.message, /did you mean/);
  });

  it('the other prefixes that are only ours: EHERKENNING_, OUTBOX_, SHUTDOWN_; the value is never shown', () => {
    const secret = configFailure({ EHERKENNING_CLIENT_SECRETS: 'broker-secret-value' });
    assert.equal(
      secret.message,
      'EHERKENNING_CLIENT_SECRETS is not a setting of this server: did you mean EHERKENNING_CLIENT_SECRET?',
    );
    assert.match(configFailure({ OUTBOX_RETENTON: '14d' }).message, /did you mean OUTBOX_RETENTION\?$/);
    assert.match(configFailure({ SHUTDOWN_DRAINS: '0' }).message, /did you mean SHUTDOWN_DRAIN\?$/);
    assert.match(configFailure({ SHUTDOWN_TIMEOUT: '30s' }).message, /SHUTDOWN_DRAIN, SHUTDOWN_GRACE$/);
  });

  it('every name the server reads passes, and an empty unknown one counts as unset', () => {
    const env: Record<string, string> = { OUTBOX_RETENTION: '14d', SHUTDOWN_DRAIN: '0', SHUTDOWN_GRACE: '1s' };
    for (const name of Object.values(LIMIT_VARIABLES))
      env[name] = name.endsWith('WAIT') || name.endsWith('AFTER') ? '1h' : '5/1h';
    for (const name of ['EHERKENNING_CLIENT_ID', 'EHERKENNING_CLIENT_SECRET', 'EHERKENNING_SUPPLIER_PARAM'])
      env[name] = 'x';
    assert.equal(loadConfig(env).outboxRetentionSeconds, 14 * 24 * 3600);
    assert.equal(
      loadConfig({ RATE_LIMIT_FOO: '' }).limits.loginsPerClient.max,
      loadConfig({}).limits.loginsPerClient.max,
    );
  });

  it('names that platforms and other programs set under DATABASE_, SMTP_ and SESSION_ never stop a start', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db.internal:5432/onboarding',
      DATABASE_PUBLIC_URL: 'postgres://u:p@public.example:5432/onboarding',
      DATABASE_PRIVATE_URL: 'postgres://u:p@db.internal:5432/onboarding',
      DATABASE_HOST: 'db.internal',
      HEROKU_POSTGRESQL_RED_URL: 'postgres://u:p@db.internal:5432/onboarding',
      SMTP_HOST: 'mail.example',
      SMTP_USER: 'someone',
      SESSION_MANAGER: 'local/host:@/tmp/.ICE-unix/1234',
      SESSION_SECRET: 'another-programs-secret',
    });
    assert.equal(config.databaseUrl, 'postgres://u:p@db.internal:5432/onboarding');
  });

  it('the command stops with one line and exit code 1', () => {
    const result = runCliToExit({ RATE_LIMIT_LOGIN_PER_CLIENT: '1/1m' });
    assert.equal(result.status, 1);
    assert.equal(
      result.stderr,
      'wt-onboarding-server: configuration error: RATE_LIMIT_LOGIN_PER_CLIENT is not a setting of this server: did you mean RATE_LIMIT_LOGINS_PER_CLIENT?\n',
    );
  });
});
