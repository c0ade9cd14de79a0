// The configuration checks that must refuse a start: what the operator reads is the ConfigError's variable and message.
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/index.ts';

/** The `ConfigError` that `loadConfig(env)` throws; fails the test when it throws something else or nothing. */
export function configFailure(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `a ConfigError for ${JSON.stringify(env)}`);
    return error;
  }
  assert.fail(`expected a ConfigError for ${JSON.stringify(env)}`);
}
